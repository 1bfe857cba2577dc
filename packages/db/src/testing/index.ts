// Helpers for other packages' tests: every test file gets its own freshly migrated database.
import { type Database, openDatabase } from './client.js';

/** A new in-memory PGlite with every migration applied. Close it in `afterAll`. */
export function openTestDatabase(): Promise<Database> {
  return openDatabase({ url: 'memory://', migrate: true });
}
