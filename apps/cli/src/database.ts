/**
 * Opens the database the commands work on: DATABASE_URL when set, else the embedded PGlite
 * database in `data/pglite`, created and migrated on first use. Environment problems become
 * one-line CLI errors that say what to do.
 */
import { type Database, DatabaseEnvError, openDatabase } from '@plan-tracker/db';
import { CliError } from './cli-error.js';
import { progress } from './progress.js';

/** Opens and migrates the database, reporting what was applied. */
export async function openMigratedDatabase(): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase();
  } catch (error) {
    // One line: the variable, the problem and the fix.
    if (error instanceof DatabaseEnvError)
      throw new CliError(error.message.replace(/\s*\n\s*/g, ' '));
    throw new CliError(
      `cannot open the database: ${error instanceof Error ? error.message : String(error)} — check DATABASE_URL, or unset it to use the embedded database`,
    );
  }
  try {
    const done = progress(`Checking migrations on ${database.location}`);
    const applied = await database.migrate();
    done(applied.length > 0 ? `applied ${applied.length}: ${applied.join(', ')}` : 'up to date');
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `work` on the migrated database and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
