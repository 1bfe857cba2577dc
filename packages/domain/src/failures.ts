/**
 * The one vocabulary of expected failures, from the domain to the API: every write of the db
 * services returns a {@link ServiceResult}, the API turns each failure into the GraphQL error
 * type of its code, and the admin app branches on the code. Each failure has a stable `code`
 * (the API puts it in `extensions.code` and in `MutationError.code`) and a plain-English
 * `message`; anything else is a bug and is thrown. Failures are made by the small factories
 * below, never by hand, so their shape stays stable.
 */
import type { z } from 'zod';
import type { LifecycleStatus } from './model/vocabulary.js';
import type { StatusTransitionErrorCode, TransitionCheck } from './status/lifecycle.js';

/**
 * The stable codes of expected failures, each with what it means. A code is never renamed or
 * reused; clients branch on it, never on a message. The API's `ErrorCode` enum is built from
 * this record, so its documentation is this documentation.
 */
export const FAILURE_CODES = {
  VALIDATION: 'The input broke a rule; see `issues`, each naming its field.',
  CONFLICT:
    'Someone else changed the record first; the record as it is now comes with it. Reload and retry.',
  NOT_FOUND: 'No such record that you can see (records of other organisations included).',
  FORBIDDEN: 'You are not signed in, or your role or ownership does not allow this.',
  PERIOD_CLOSED: 'The change falls in a closed reporting period.',
  TRANSITION: 'The lifecycle status cannot change that way.',
  RATE_LIMITED:
    'Too many attempts or requests in a short time (sign-in attempts, an API key, anonymous PDF downloads); try again after `retryAfterSeconds`.',
} as const;

/** One of the keys of {@link FAILURE_CODES}. */
export type FailureCode = keyof typeof FAILURE_CODES;

/** One broken rule of an input, on the field it belongs to (`[]` for the input as a whole). */
export interface ValidationIssue {
  readonly path: string[];
  readonly message: string;
}

/** The entities services load, named as in the schema. */
export type EntityName =
  | 'Plan'
  | 'Commitment'
  | 'DeliveryAction'
  | 'Milestone'
  | 'Measure'
  | 'MeasureValue'
  | 'ReportingPeriod'
  | 'User'
  | 'ApiKey';

/** The input broke a rule; nothing was written. */
export interface ValidationFailure {
  readonly code: 'VALIDATION';
  readonly message: string;
  readonly issues: ValidationIssue[];
}

/** Someone else changed the row since the caller read it; nothing was written. */
export interface ConflictFailure {
  readonly code: 'CONFLICT';
  readonly message: string;
  readonly entity: EntityName;
  readonly id: string;
  /** The version the caller gave; `null` when it gave none for a row that exists. */
  readonly expectedVersion: number | null;
  readonly currentVersion: number;
  /** The row as it is now, as a plain object, so the caller can show it and retry. */
  readonly current: Record<string, unknown>;
}

/** No such row in the caller's organisation (rows of other organisations are not found either). */
export interface NotFoundFailure {
  readonly code: 'NOT_FOUND';
  readonly message: string;
  readonly entity: EntityName;
  readonly id: string;
}

/** The caller may not do this. Services are role-agnostic; the API uses this for its checks. */
export interface ForbiddenFailure {
  readonly code: 'FORBIDDEN';
  readonly message: string;
  readonly reason: string;
}

/** The change would fall in a reporting period that has been closed. */
export interface PeriodClosedFailure {
  readonly code: 'PERIOD_CLOSED';
  readonly message: string;
  /** e.g. `2021/22 Q2` */
  readonly period: string;
}

/** The lifecycle status cannot move this way (the domain's `checkTransition` said no). */
export interface TransitionFailure {
  readonly code: 'TRANSITION';
  readonly message: string;
  /** The domain's code: `STATUS_TRANSITION_FORBIDDEN` or `STATUS_REASON_REQUIRED`. */
  readonly transitionCode: StatusTransitionErrorCode;
  readonly from: LifecycleStatus;
  readonly to: LifecycleStatus;
  readonly allowed: readonly LifecycleStatus[];
}

/** Too many attempts or requests; the caller is refused before any work is done. */
export interface RateLimitedFailure {
  readonly code: 'RATE_LIMITED';
  readonly message: string;
  /** Whole seconds until the next attempt may succeed (at least 1). */
  readonly retryAfterSeconds: number;
}

/** Every expected failure of a service. */
export type ServiceError =
  | ValidationFailure
  | ConflictFailure
  | NotFoundFailure
  | ForbiddenFailure
  | PeriodClosedFailure
  | TransitionFailure
  | RateLimitedFailure;

/** The stable codes of {@link ServiceError}: every one of {@link FAILURE_CODES}. */
export type ServiceErrorCode = ServiceError['code'];

// Every code of the registry has a failure type, and every failure type a code of the registry.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const registryMatches: Same<ServiceErrorCode, FailureCode> = true;
void registryMatches;

/** What every write returns: the new state, or why nothing was written. */
export type ServiceResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ServiceError };

export function ok<T>(value: T): ServiceResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ServiceError): ServiceResult<T> {
  return { ok: false, error };
}

export function validationError(issues: ValidationIssue[]): ValidationFailure {
  const first = issues[0]?.message ?? 'The input is not valid.';
  return {
    code: 'VALIDATION',
    message: issues.length > 1 ? `${first} (and ${issues.length - 1} more)` : first,
    issues,
  };
}

/** One issue on one field. */
export function invalidField(path: string[], message: string): ValidationFailure {
  return validationError([{ path, message }]);
}

/** Zod's issues as {@link ValidationIssue}s (paths as strings, e.g. `['evidence', '0', 'url']`). */
export function zodValidationError(error: z.ZodError, prefix: string[] = []): ValidationFailure {
  return validationError(
    error.issues.map((issue) => ({
      path: [...prefix, ...issue.path.map(String)],
      message: issue.message,
    })),
  );
}

export function conflictError(
  entity: EntityName,
  id: string,
  expectedVersion: number | null,
  current: Record<string, unknown> & { version: number },
): ConflictFailure {
  return {
    code: 'CONFLICT',
    message:
      expectedVersion === null
        ? `This ${entityLabel(entity)} already exists (version ${current.version}). Reload it and try again.`
        : `This ${entityLabel(entity)} was changed by someone else (you had version ${expectedVersion}, it is now ${current.version}). Reload it and try again.`,
    entity,
    id,
    expectedVersion,
    currentVersion: current.version,
    current,
  };
}

export function notFoundError(entity: EntityName, id: string): NotFoundFailure {
  return {
    code: 'NOT_FOUND',
    message: `There is no ${entityLabel(entity)} with id ${id}.`,
    entity,
    id,
  };
}

export function forbiddenError(reason: string): ForbiddenFailure {
  return { code: 'FORBIDDEN', message: `You cannot do this: ${reason}`, reason };
}

export function periodClosedError(period: string): PeriodClosedFailure {
  return {
    code: 'PERIOD_CLOSED',
    message: `The reporting period ${period} is closed, so its records cannot change. Ask an administrator to reopen it, or date the change in an open period.`,
    period,
  };
}

/**
 * Refused for too many attempts: `what` says what was counted (e.g. "sign-in attempts for this
 * email address"); `retryAfterMs` is rounded up to whole seconds.
 */
export function rateLimitedError(what: string, retryAfterMs: number): RateLimitedFailure {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait =
    retryAfterSeconds >= 120
      ? `${Math.ceil(retryAfterSeconds / 60)} minutes`
      : `${retryAfterSeconds} seconds`;
  return {
    code: 'RATE_LIMITED',
    message: `Too many ${what}. Try again in ${wait}.`,
    retryAfterSeconds,
  };
}

/** From a refused {@link TransitionCheck}. */
export function transitionError(check: Extract<TransitionCheck, { ok: false }>): TransitionFailure {
  return {
    code: 'TRANSITION',
    message: check.message,
    transitionCode: check.code,
    from: check.from,
    to: check.to,
    allowed: check.allowed,
  };
}

function entityLabel(entity: EntityName): string {
  switch (entity) {
    case 'DeliveryAction':
      return 'delivery action';
    case 'MeasureValue':
      return 'measure value';
    case 'ReportingPeriod':
      return 'reporting period';
    case 'ApiKey':
      return 'API key';
    default:
      return entity.toLowerCase();
  }
}
