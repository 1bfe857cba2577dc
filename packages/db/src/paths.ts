// Where the repository keeps the things this package reads and writes. Resolved from this file,
// so they hold whatever the current directory is (tests, scripts, the app).
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding `prisma/` and `pnpm-workspace.yaml`). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** `prisma/schema.prisma`: the one Prisma schema. */
export const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

/** `prisma/migrations`: the migrations folder, in Prisma's standard layout. */
export const migrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/** Where the embedded database keeps its files when no DATABASE_URL is set (git-ignored). */
export const defaultPgliteDataDir = fileURLToPath(new URL('../../../data/pglite', import.meta.url));
