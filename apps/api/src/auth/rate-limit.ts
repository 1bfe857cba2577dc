/**
 * Rate limits kept in PostgreSQL, so that every server process on one database spends one budget
 * and a restart refills nothing: rate-limiter-flexible's Prisma store over the `RateLimit` table
 * (a fixed window per key: `points` in `durationSeconds` from the key's first use, optionally a
 * longer block once the budget is spent). Through the Prisma client it works the same on the
 * embedded PGlite and on a PostgreSQL server; its increment is one `INSERT … ON CONFLICT DO
 * UPDATE`, so concurrent requests are all counted.
 *
 * - `apiKey`: requests per API key id, counted only once the key's secret has been verified.
 * - `signInAccount` and `signInAddress`: sign-in attempts per email address and per client
 *   address, spent before the password is hashed; a right password gives them back.
 * - `anonymousPdf`: PDF downloads per client address for callers who are not signed in.
 */
import { sha256 } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import { type RateLimitedFailure, rateLimitedError } from '@plan-tracker/domain';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.js';

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until a request would be allowed; 0 when allowed. */
  readonly retryAfterSeconds: number;
  /** Points left in the window after this one. */
  readonly remaining: number;
}

export interface LimitRule {
  /** Prefix of the keys in the table, e.g. `api-key`. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
  /** Refuse the key for this long once `points` are spent (default: to the window's end). */
  readonly blockSeconds?: number;
}

/** One budget per key, shared through the database. */
export class SharedLimiter {
  private readonly limiter: RateLimiterPrisma;

  constructor(
    prisma: PrismaClient,
    readonly rule: LimitRule,
  ) {
    this.limiter = new RateLimiterPrisma({
      storeClient: prisma,
      // The store reads `prisma[tableName]`: the delegate of the `RateLimit` model.
      tableName: 'rateLimit',
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      ...(rule.blockSeconds ? { blockDuration: rule.blockSeconds } : {}),
    });
  }

  /** Spends one point of `key`'s budget if there is one left. */
  async take(key: string): Promise<RateDecision> {
    try {
      const res = await this.limiter.consume(key);
      return { allowed: true, retryAfterSeconds: 0, remaining: res.remainingPoints };
    } catch (error) {
      // A refusal is a RateLimiterRes; anything else (the database) is a real error.
      if (!(error instanceof RateLimiterRes)) throw error;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        remaining: 0,
      };
    }
  }

  /** Gives one point back (an attempt that turned out to be right). */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  /** Forgets `key`: its budget is whole again. */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/** How long a sign-in window and lock-out last. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/** Every limit of one API, on its database. */
export interface Limits {
  readonly apiKey: SharedLimiter;
  readonly signInAccount: SharedLimiter;
  readonly signInAddress: SharedLimiter;
  readonly anonymousPdf: SharedLimiter;
}

export function createLimits(
  prisma: PrismaClient,
  env: Pick<
    ApiEnv,
    | 'apiKeyRequestsPerMinute'
    | 'signInAttemptsPerAccount'
    | 'signInAttemptsPerAddress'
    | 'anonymousPdfPerHour'
  >,
): Limits {
  return {
    apiKey: new SharedLimiter(prisma, {
      name: 'api-key',
      points: env.apiKeyRequestsPerMinute,
      durationSeconds: 60,
    }),
    signInAccount: new SharedLimiter(prisma, {
      name: 'sign-in-account',
      points: env.signInAttemptsPerAccount,
      durationSeconds: SIGN_IN_WINDOW_SECONDS,
      blockSeconds: SIGN_IN_WINDOW_SECONDS,
    }),
    signInAddress: new SharedLimiter(prisma, {
      name: 'sign-in-address',
      points: env.signInAttemptsPerAddress,
      durationSeconds: SIGN_IN_WINDOW_SECONDS,
      blockSeconds: SIGN_IN_WINDOW_SECONDS,
    }),
    anonymousPdf: new SharedLimiter(prisma, {
      name: 'anonymous-pdf',
      points: env.anonymousPdfPerHour,
      durationSeconds: 3600,
    }),
  };
}

/** What signIn asks of the limits (the resolver stays about passwords). */
export interface SignInThrottle {
  /**
   * Spends one attempt of the client address and of the email address, before anything is
   * looked up or hashed; a failure when either budget is spent.
   */
  attempt(email: string): Promise<RateLimitedFailure | null>;
  /** After a right password: the account's attempts start again, the address gets its one back. */
  succeeded(email: string): Promise<void>;
}

/** The sign-in throttle of one request from `clientAddress`. */
export function signInThrottle(limits: Limits, clientAddress: string): SignInThrottle {
  // Hashed, so the table holds no email or IP address in clear.
  const address = sha256(clientAddress);
  const account = (email: string) => sha256(email);
  return {
    async attempt(email) {
      const fromAddress = await limits.signInAddress.take(address);
      if (!fromAddress.allowed) {
        return rateLimitedError(
          'sign-in attempts from your network',
          fromAddress.retryAfterSeconds * 1000,
        );
      }
      const forAccount = await limits.signInAccount.take(account(email));
      if (!forAccount.allowed) {
        return rateLimitedError(
          'sign-in attempts for this email address',
          forAccount.retryAfterSeconds * 1000,
        );
      }
      return null;
    },
    async succeeded(email) {
      await limits.signInAccount.reset(account(email));
      await limits.signInAddress.giveBack(address);
    },
  };
}
