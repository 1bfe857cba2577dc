/**
 * What every resolver receives. The Prisma client is not here on purpose (see database.ts);
 * neither is the raw request beyond what auth and cookies need.
 */
import type { Logger } from 'pino';
import type { Caller } from './access/caller.js';
import type { SessionCookie } from './auth/session-cookie.js';
import type { RequestCache } from './plan/request-cache.js';

export interface Context {
  /** Correlates the response, the logs and masked errors. */
  readonly requestId: string;
  readonly caller: Caller;
  readonly log: Logger;
  /** The session cookie of the response; set by signIn, deleted by signOut. */
  readonly sessionCookie: SessionCookie;
  /** How long a new session lasts, in hours. */
  readonly sessionHours: number;
  /** Per-request memo of plan-wide reads (roll-ups, state as at a date), so nothing is loaded twice. */
  readonly cache: RequestCache;
  /**
   * The "as at" date the plan was asked for (`plan(slug:, asAt:)`), or `null` for now. One per
   * request: a second `plan` with another date is refused.
   */
  asAt: string | null;
}
