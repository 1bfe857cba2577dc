// Helpers for tests in any package (`@plan-tracker/db/testing`): every test file gets its own
// freshly migrated database.
import { type Database, openDatabase } from '../client.js';

export { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

/** A new in-memory PGlite with every migration applied. Close it in `afterAll`. */
export function openTestDatabase(): Promise<Database> {
  return openDatabase({ url: 'memory://', migrate: true });
}
