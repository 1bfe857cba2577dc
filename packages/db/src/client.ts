// One code path, two drivers. The app and the tests open the database here and get the same
// Prisma client whichever driver is behind it:
//   no DATABASE_URL            embedded PGlite, files in <repo>/data/pglite (git-ignored)
//   memory://                  PGlite in memory, gone on close (tests)
//   file:<folder>              embedded PGlite in another folder
//   postgresql://… postgres:// a PostgreSQL server through pg and @prisma/adapter-pg
import { mkdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PGliteAdapterFactory } from './drivers/pglite.js';
import { PostgresAdapterFactory } from './drivers/postgres.js';
import { databaseEnv, parseDatabaseEnv } from './env.js';
import { type Prisma, PrismaClient } from './generated/prisma/client.js';
import { applyMigrations } from './migrate/index.js';
import { defaultPgliteDataDir, repoRoot } from './paths.js';

export interface OpenDatabaseOptions {
  /** Overrides DATABASE_URL; same forms. */
  url?: string;
  /** Apply the migrations folder before returning (what a fresh embedded database needs). */
  migrate?: boolean;
  /** For an in-memory PGlite: start from this dump of a data folder (`dumpDataDir`). */
  pgliteDump?: Blob | undefined;
  /** Prisma client log levels, e.g. `['query']`. */
  log?: Prisma.LogLevel[];
}

export interface Database {
  /** Which driver is in use. */
  kind: 'pglite' | 'postgresql';
  /** For people: the data folder, `memory`, or the server URL without its password. */
  location: string;
  prisma: PrismaClient;
  /** The driver-adapter factory behind `prisma`, for the migrator and raw access. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies the migrations the database has not had yet; returns their names. */
  migrate(): Promise<string[]>;
  /** Disconnects Prisma and closes the driver (the PGlite instance or the pg pool). */
  close(): Promise<void>;
}

type Target = { kind: 'pglite'; dataDir: string | undefined } | { kind: 'postgresql'; url: string };

function targetOf(url: string | undefined): Target {
  if (url === undefined) return { kind: 'pglite', dataDir: defaultPgliteDataDir };
  if (url.startsWith('memory://')) return { kind: 'pglite', dataDir: undefined };
  if (url.startsWith('file:')) {
    const folder = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'pglite', dataDir: isAbsolute(folder) ? folder : resolve(repoRoot, folder) };
  }
  return { kind: 'postgresql', url };
}

/** Opens the database named by `options.url`, else DATABASE_URL, else the embedded default. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { DATABASE_URL: url } =
    options.url === undefined ? databaseEnv() : parseDatabaseEnv({ DATABASE_URL: options.url });
  const target = targetOf(url);
  const database =
    target.kind === 'pglite'
      ? await openPglite(target.dataDir, options)
      : openPostgres(target.url, options);
  if (options.migrate) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPglite(
  dataDir: string | undefined,
  options: OpenDatabaseOptions,
): Promise<Database> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(
    dataDir === undefined
      ? options.pgliteDump
        ? { loadDataDir: options.pgliteDump }
        : {}
      : { dataDir },
  );
  const adapterFactory = new PGliteAdapterFactory(client);
  const prisma = new PrismaClient({ adapter: adapterFactory, log: options.log ?? [] });
  return {
    kind: 'pglite',
    location: dataDir ?? 'memory',
    prisma,
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    close: async () => {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: url });
  const adapterFactory = new PostgresAdapterFactory(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory, log: options.log ?? [] });
  return {
    kind: 'postgresql',
    location: withoutPassword(url),
    prisma,
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql://(unparsable URL)';
  }
}
