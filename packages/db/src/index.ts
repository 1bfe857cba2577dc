/**
 * Persistence for the plan delivery tracker: the Prisma client and its types, the two drivers
 * (embedded PGlite, PostgreSQL) behind one `openDatabase`, and the offline migrator.
 *
 * @packageDocumentation
 */
export { type Database, type OpenDatabaseOptions, openDatabase } from './client.js';
export { PGliteAdapterFactory } from './drivers/pglite.js';
export { PostgresAdapterFactory } from './drivers/postgres.js';
export { type DatabaseEnv, DatabaseEnvError, databaseEnv, parseDatabaseEnv } from './env.js';
export * from './generated/prisma/client.js';
export {
  applyMigrations,
  type CreatedMigration,
  type CreateMigrationOptions,
  createMigration,
  type MigrationDiff,
  type MigrationPaths,
  migrationDiff,
} from './migrate/index.js';
export { defaultPgliteDataDir, migrationsDir, repoRoot, schemaPath } from './paths.js';
export {
  ARCHIVED_FORMATS,
  chainDigest,
  FIRST_DIGEST,
  keepReportPdf,
  type ReportAudience,
  type ReportChainBreak,
  type ReportChainCheck,
  type StoredReportFileRead,
  type StoredReportSummary,
  storedReportFile,
  storedReportOf,
  verifyReportChain,
} from './report/archive.js';
export { loadReportInput, type ReportInputRequest, ReportRequestError } from './report/input.js';
export { loadOpenDataInput, type OpenDataRequest } from './report/open-data.js';
export { type SeedProgress, type SeedResult, seedDorset } from './seed/dorset.js';
export * from './services/index.js';
