/**
 * Opens the database the commands work on (see `openDatabase` in the dependencies: DATABASE_URL
 * when set, else the embedded PGlite database in `data/pglite`) and migrates it. Environment
 * problems become one-line CLI errors that say what to do.
 */
import { type Database, DatabaseEnvError } from '@plan-tracker/db';
import { CliError } from './cli-error.js';
import type { CliDependencies } from './dependencies.js';
import { progressOn } from './progress.js';

/** Opens and migrates the database, reporting what was applied. */
export async function openMigratedDatabase(deps: CliDependencies): Promise<Database> {
  let database: Database;
  try {
    database = await deps.openDatabase();
  } catch (error) {
    // One line: the variable, the problem and the fix.
    if (error instanceof DatabaseEnvError)
      throw new CliError(error.message.replace(/\s*\n\s*/g, ' '));
    // The cause's first line only: the hint after it must survive the one-line error.
    const cause = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
    throw new CliError(
      `cannot open the database: ${cause} — check DATABASE_URL, or unset it to use the embedded database`,
    );
  }
  try {
    const done = progressOn(deps.stderr).step(`Checking migrations on ${database.location}`);
    const applied = await database.migrate();
    done(applied.length > 0 ? `applied ${applied.length}: ${applied.join(', ')}` : 'up to date');
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `work` on the migrated database and always closes it. */
export async function withDatabase<T>(
  deps: CliDependencies,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openMigratedDatabase(deps);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
