/**
 * The API's settings from the environment, checked once at start with zod: a bad value stops
 * the process with a message naming the variable, instead of failing on the first request.
 */
import { secretKeyProblem } from '@plan-tracker/accounts';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Origins (scheme, host and port, nothing else) that may call `/graphql` from a browser with the
 * user's session: a comma-separated list, empty by default (the admin app is same-origin).
 */
const originList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().transform((value, ctx) => {
        const url = URL.parse(value);
        if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
          ctx.addIssue({
            code: 'custom',
            message: `"${value}" is not an origin: write scheme://host[:port], http or https, without a path`,
          });
          return z.NEVER;
        }
        return url.origin;
      }),
    ),
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Introspection queries; default on except in production. */
  API_INTROSPECTION: flag.optional(),
  /** GraphiQL at GET /graphql; default on except in production. */
  API_GRAPHIQL: flag.optional(),
  /** Largest request body accepted, in bytes (default 1 MB: a plan's text goes to `importPlan` in the body). */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(1_000_000),
  /** How long a sign-in lasts, in hours (default 12). */
  API_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Requests an API key may make per minute, sustained (default 120; bursts up to this). */
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Sign-in attempts per email address in 15 minutes; then locked for 15 minutes (default 10). */
  API_SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Sign-in attempts per client address in 15 minutes; then refused for 15 minutes (default 50). */
  API_SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** PDF downloads per client address an hour for callers not signed in (default 30). */
  API_ANONYMOUS_PDF_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * Behind a reverse proxy: take the client address from the last `X-Forwarded-For` entry (the
   * one the proxy added) instead of the socket (default false: anyone could write the header).
   */
  API_TRUST_PROXY: flag.default(false),
  /** Mark cookies Secure (default true; only turn off for plain-HTTP local testing). */
  API_COOKIE_SECURE: flag.default(true),
  /**
   * Let the demo users (published password, packages/accounts) sign in. Default: yes, except in
   * production, where they are refused unless this is `true`.
   */
  API_ALLOW_DEMO_USERS: flag.optional(),
  /** Where browsers reach this server: the single sign-on callback is `<this>/auth/oidc/callback`. */
  API_PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Where single sign-on sends people once signed in: the admin app (default `/`). */
  API_ADMIN_URL: z.string().min(1).default('/'),
  /**
   * 32 random bytes in base64 that seal stored secrets (identity providers' client secrets);
   * single sign-on is off without it. The CLI's `sso:configure` needs the same key.
   */
  PLAN_TRACKER_SECRET_KEY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : secretKeyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Trusted browser origins for credentialed CORS on `/graphql` (default none). */
  API_CORS_ORIGINS: originList,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The API's settings, after defaults. */
export interface ApiEnv {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly introspection: boolean;
  readonly graphiql: boolean;
  readonly maxBodyBytes: number;
  readonly sessionHours: number;
  readonly apiKeyRequestsPerMinute: number;
  readonly cookieSecure: boolean;
  /** Whether the demo users may sign in. */
  readonly demoUsersAllowed: boolean;
  /** Where browsers reach this server. */
  readonly publicUrl: string;
  /** Where single sign-on redirects once signed in. */
  readonly adminUrl: string;
  /** The key that seals stored secrets; null turns single sign-on off. */
  readonly secretKey: string | null;
  readonly signInAttemptsPerAccount: number;
  readonly signInAttemptsPerAddress: number;
  readonly anonymousPdfPerHour: number;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  /** Origins allowed credentialed CORS; empty: none (the admin app is same-origin). */
  readonly corsOrigins: readonly string[];
}

/** A bad setting, with every problem named. */
export class ApiEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiEnvError';
  }
}

/** Checks the variables; throws {@link ApiEnvError} listing each bad one. */
export function parseApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ApiEnvError(`The API's environment is not valid:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.API_COOKIE_SECURE) {
    // Production takes the session only from the `__Host-` cookie, which must be Secure.
    throw new ApiEnvError(
      "The API's environment is not valid:\n  API_COOKIE_SECURE: must stay true in production (the session cookie is __Host- and Secure there)",
    );
  }
  return {
    nodeEnv: env.NODE_ENV,
    introspection: env.API_INTROSPECTION ?? !production,
    graphiql: env.API_GRAPHIQL ?? !production,
    maxBodyBytes: env.API_MAX_BODY_BYTES,
    sessionHours: env.API_SESSION_HOURS,
    apiKeyRequestsPerMinute: env.API_KEY_REQUESTS_PER_MINUTE,
    cookieSecure: env.API_COOKIE_SECURE,
    demoUsersAllowed: env.API_ALLOW_DEMO_USERS ?? !production,
    publicUrl: env.API_PUBLIC_URL,
    adminUrl: env.API_ADMIN_URL,
    secretKey: env.PLAN_TRACKER_SECRET_KEY ?? null,
    signInAttemptsPerAccount: env.API_SIGN_IN_ATTEMPTS_PER_ACCOUNT,
    signInAttemptsPerAddress: env.API_SIGN_IN_ATTEMPTS_PER_ADDRESS,
    anonymousPdfPerHour: env.API_ANONYMOUS_PDF_PER_HOUR,
    trustProxy: env.API_TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.API_CORS_ORIGINS,
  };
}
