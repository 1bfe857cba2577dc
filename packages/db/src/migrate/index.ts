// Offline migrations: what `prisma migrate diff`, `prisma migrate dev --create-only` and
// `prisma migrate deploy` do, run by the wasm schema engine on a driver adapter (no native
// engine, no download). The history lands in the standard `_prisma_migrations` table.
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { PGliteAdapterFactory } from '../drivers/pglite.js';
import {
  migrationsDir as defaultMigrationsDir,
  schemaPath as defaultSchemaPath,
} from '../paths.js';
import { type OpenSchemaEngine, openSchemaEngine, runEngineCommand } from './engine.js';
import { readMigrationsFolder, writeMigration } from './folder.js';

export { readMigrationsFolder } from './folder.js';

/** Where the schema and the migrations live; the repository's by default. */
export interface MigrationPaths {
  schemaPath?: string;
  migrationsDir?: string;
}

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

async function readSchema(schemaPath: string): Promise<[string, string][]> {
  return [[schemaPath, await readFile(schemaPath, 'utf8')]];
}

/**
 * Runs `work` with a schema engine on a throwaway in-memory PGlite. Commands that only compare
 * schemas still need a database: the engine replays the migrations folder on its shadow database.
 */
async function withScratchEngine<T>(
  datamodels: [string, string][],
  work: (engine: OpenSchemaEngine) => Promise<T>,
): Promise<T> {
  const scratch = await PGlite.create();
  try {
    const engine = await openSchemaEngine({
      adapterFactory: new PGliteAdapterFactory(scratch),
      datamodels,
    });
    try {
      return await work(engine);
    } finally {
      engine.engine.free();
    }
  } finally {
    await scratch.close();
  }
}

export interface MigrationDiff {
  /** The SQL that takes a database migrated with the folder to the schema. */
  script: string;
  /** False when the folder already produces the schema (nothing to migrate). */
  changed: boolean;
}

/**
 * The SQL from the migrations folder to `schema.prisma` (like
 * `prisma migrate diff --from-migrations … --to-schema … --script`). `changed` false means no
 * drift: every model change has a migration.
 */
export async function migrationDiff(paths: MigrationPaths = {}): Promise<MigrationDiff> {
  const schemaPath = paths.schemaPath ?? defaultSchemaPath;
  const migrationsList = await readMigrationsFolder(paths.migrationsDir ?? defaultMigrationsDir);
  const files = await readSchema(schemaPath);
  return withScratchEngine(files, async (opened) => {
    const result = await runEngineCommand(opened, () =>
      opened.engine.diff({
        // The engine cannot tell the connector of a folder without a lock file: start from
        // nothing while there is no migration yet.
        from:
          migrationsList.migrationDirectories.length > 0
            ? { tag: 'migrations', ...migrationsList }
            : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: files.map(([path, content]) => ({ path, content })) },
        script: true,
        exitCode: true,
        filters: noFilter,
      }),
    );
    // With exitCode set, the engine answers 2 when the diff is not empty.
    return { script: result.stdout ?? '', changed: result.exitCode === 2 };
  });
}

export interface CreateMigrationOptions extends MigrationPaths {
  /**
   * Write a migration even when the schema has not changed, for hand-written SQL (triggers,
   * functions, data fixes) that Prisma does not model.
   */
  empty?: boolean;
}

export interface CreatedMigration {
  /** The directory name, `<UTC timestamp>_<name>`. */
  name: string;
  /** The path of the written `migration.sql`. */
  file: string;
  script: string;
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the SQL that takes the
 * migrations folder to `schema.prisma` (like `prisma migrate dev --create-only`), and the lock
 * file if it is missing. Returns null when there is nothing to migrate (unless `empty`).
 *
 * The wasm engine's own `createMigration` needs a shadow database it cannot get from a driver
 * adapter ("PostgreSQL shadow DB must be provided through an external factory"), so this is the
 * diff from the folder to the schema, written where Prisma would write it.
 */
export async function createMigration(
  name: string,
  options: CreateMigrationOptions = {},
): Promise<CreatedMigration | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must be snake_case: lower-case letters, digits, _`);
  }
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir;
  const diff = await migrationDiff(options);
  if (!diff.changed && !options.empty) return null;
  const script = diff.changed ? diff.script : '-- This is an empty migration.\n';
  const directoryName = `${migrationTimestamp(new Date())}_${name}`;
  const file = await writeMigration(migrationsDir, directoryName, script);
  return { name: directoryName, file, script };
}

/** `YYYYMMDDHHMMSS` in UTC, as Prisma names migration directories. */
function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Applies the migrations of the folder that the database has not had yet, recording each in
 * `_prisma_migrations` (like `prisma migrate deploy`). Returns the names applied now.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: Pick<MigrationPaths, 'migrationsDir'> = {},
): Promise<string[]> {
  const migrationsList = await readMigrationsFolder(paths.migrationsDir ?? defaultMigrationsDir);
  const opened = await openSchemaEngine({ adapterFactory });
  try {
    const { appliedMigrationNames } = await runEngineCommand(opened, () =>
      opened.engine.applyMigrations({ migrationsList, filters: noFilter }),
    );
    return appliedMigrationNames;
  } finally {
    opened.engine.free();
  }
}
