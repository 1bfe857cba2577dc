/**
 * What every resolver receives. The Prisma client travels under a key private to database.ts
 * (read it with `prisma(ctx)`); the raw request is not here beyond what auth and cookies need.
 * Nothing here changes while the request runs but the cookies to set and the memo: the "as at"
 * date a plan is read at belongs to the plan's place in the response (plan/as-at.ts).
 */
import type { SecretBox } from '@plan-tracker/accounts';
import type { Caller, UserCaller } from '@plan-tracker/domain';
import type { Logger } from 'pino';
import type { SignInThrottle } from './auth/rate-limit.js';
import type { SessionCookie } from './auth/session-cookie.js';
import type { WithDatabase } from './database.js';
import type { RequestCache } from './plan/request-cache.js';

export interface Context extends WithDatabase {
  /** Correlates the response, the logs and masked errors. */
  readonly requestId: string;
  readonly caller: Caller;
  /**
   * The person of a session opened with a temporary password; `caller` is then anonymous, and
   * all this person may do is change their password.
   */
  readonly passwordChangeOnly: UserCaller | null;
  /** Seals secrets to store (PLAN_TRACKER_SECRET_KEY); null when the server has no key. */
  readonly secrets: SecretBox | null;
  /** Whether the demo users (published password) may sign in: off in production by default. */
  readonly demoUsersAllowed: boolean;
  readonly log: Logger;
  /** The session cookie of the response; set by signIn, deleted by signOut. */
  readonly sessionCookie: SessionCookie;
  /** How long a new session lasts, in hours. */
  readonly sessionHours: number;
  /** Sign-in attempts of this client, counted in the database before any password is hashed. */
  readonly signInThrottle: SignInThrottle;
  /** Per-request memo of plan-wide reads (roll-ups, state as at a date), so nothing is loaded twice. */
  readonly cache: RequestCache;
}
