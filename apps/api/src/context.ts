/**
 * What every resolver receives. The Prisma client travels under a key private to database.ts
 * (read it with `prisma(ctx)`); the raw request is not here beyond what auth and cookies need.
 * Nothing here changes while the request runs but the cookies to set and the memo: the "as at"
 * date a plan is read at travels with the plan's objects (plan/as-at.ts), not in the context.
 */
import type { Caller } from '@plan-tracker/domain';
import type { Logger } from 'pino';
import type { WithDatabase } from './database.js';
import type { RequestCache } from './plan/request-cache.js';

/** A cookie to set on the response (sign-in, sign-out). */
export interface CookieToSet {
  readonly name: string;
  readonly value: string;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
}

export interface Context extends WithDatabase {
  /** Correlates the response, the logs and masked errors. */
  readonly requestId: string;
  readonly caller: Caller;
  readonly log: Logger;
  /** Cookies the response must set; filled by the auth mutations. */
  readonly cookies: CookieToSet[];
  /** Whether cookies are marked Secure. */
  readonly cookieSecure: boolean;
  /** How long a new session lasts, in hours. */
  readonly sessionHours: number;
  /** Per-request memo of plan-wide reads (roll-ups, state as at a date), so nothing is loaded twice. */
  readonly cache: RequestCache;
}
