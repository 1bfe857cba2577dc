// The environment this package reads, checked once with zod so that a bad value fails at start
// with a message a person can act on, not later inside a driver.
import { z } from 'zod';

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (url) =>
      /^(postgres|postgresql):\/\/.+/.test(url) ||
      url.startsWith('memory://') ||
      url.startsWith('file:'),
    {
      message:
        'must be a PostgreSQL URL (postgresql://user:password@host:5432/database), ' +
        '`memory://` for a throwaway in-memory database, or `file:<folder>` for the embedded ' +
        'database in another folder. Leave it unset to use the embedded database in data/pglite.',
    },
  );

const DatabaseEnv = z.object({
  // An empty value counts as unset, as it does in most .env tooling.
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), databaseUrl.optional()),
});

export type DatabaseEnv = z.infer<typeof DatabaseEnv>;

/** Thrown when the environment cannot be used; its message names the variable and the fix. */
export class DatabaseEnvError extends Error {
  override readonly name = 'DatabaseEnvError';
}

/** Checks `DATABASE_URL` in the given environment (default `process.env`). */
export function parseDatabaseEnv(
  env: Record<string, string | undefined> = process.env,
): DatabaseEnv {
  const result = DatabaseEnv.safeParse({ DATABASE_URL: env.DATABASE_URL });
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
  );
  throw new DatabaseEnvError(`Invalid database environment:\n${problems.join('\n')}`);
}

let processEnv: DatabaseEnv | undefined;

/** `process.env`, checked on first use and remembered. */
export function databaseEnv(): DatabaseEnv {
  processEnv ??= parseDatabaseEnv(process.env);
  return processEnv;
}
