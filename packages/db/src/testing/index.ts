// Helpers for tests in any package (`@plan-tracker/db/testing`): every test file gets its own
// freshly migrated database.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../client.js';
import { PGliteAdapterFactory } from '../drivers/pglite.js';
import { applyMigrations } from '../migrate/index.js';
import { migrationsDir } from '../paths.js';

export { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

/**
 * A new in-memory PGlite with every migration applied. Close it in `afterAll`.
 *
 * Migrating costs seconds per database (the schema engine's wasm, then PostgreSQL's own start),
 * and every test file opens its own: so the first test database of a migrations folder is
 * dumped to a file in the temporary folder, named by a hash of the migrations and the PGlite
 * version, and later ones start from that dump. A changed migration makes a new name, so a
 * stale dump is never used. The migrations test (`test/migrations.test.ts`) opens its database
 * without this, so applying the migrations themselves stays tested.
 */
export async function openTestDatabase(): Promise<Database> {
  return openDatabase({ url: 'memory://', pgliteDump: await migratedDump() });
}

let dump: Promise<Blob> | undefined;

function migratedDump(): Promise<Blob> {
  dump ??= loadOrMakeDump();
  return dump;
}

async function loadOrMakeDump(): Promise<Blob> {
  const file = join(tmpdir(), `plan-tracker-test-db-${await migrationsKey()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet: make it below.
  }
  const client = await PGlite.create();
  try {
    await applyMigrations(new PGliteAdapterFactory(client));
    const made = await client.dumpDataDir('none');
    // Written under a name of its own, then renamed: a parallel test file reads a whole dump or none.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await made.arrayBuffer()));
    await rename(partial, file);
    return made;
  } finally {
    await client.close();
  }
}

async function migrationsKey(): Promise<string> {
  const hash = createHash('sha256');
  // The installed PGlite, by where it resolves (its version is in the store's folder name).
  hash.update(import.meta.resolve('@electric-sql/pglite'));
  const entries = (await readdir(migrationsDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of entries) {
    hash.update(path.slice(migrationsDir.length));
    hash.update(await readFile(path));
  }
  return hash.digest('hex').slice(0, 16);
}
