/**
 * Expected failures of mutations, as classes the errors plugin turns into typed results. There
 * is one vocabulary, the domain's (`FAILURE_CODES` and its failure types): each class here
 * wraps one domain failure and exists only because Pothos' errors plugin maps classes to
 * GraphQL types. Made from a failure with {@link apiError}, never ad hoc.
 */
import {
  type ConflictFailure,
  type FailureCode,
  type ForbiddenFailure,
  type NotFoundFailure,
  type PeriodClosedFailure,
  type RateLimitedFailure,
  type ServiceError,
  type TransitionFailure,
  type ValidationFailure,
  type ValidationIssue,
  validationError,
} from '@plan-tracker/domain';

/** Base of every expected failure: the domain failure it carries. */
export abstract class ApiError<F extends ServiceError = ServiceError> extends Error {
  constructor(readonly failure: F) {
    super(failure.message);
  }
  get code(): F['code'] {
    return this.failure.code;
  }
}

/** One broken rule on one input field. */
export type FieldIssue = ValidationIssue;

export class ValidationError extends ApiError<ValidationFailure> {
  override readonly name = 'ValidationError';
  get issues(): readonly FieldIssue[] {
    return this.failure.issues;
  }
}

export class ConflictError extends ApiError<ConflictFailure> {
  override readonly name = 'ConflictError';
}

export class NotFoundError extends ApiError<NotFoundFailure> {
  override readonly name = 'NotFoundError';
}

export class ForbiddenError extends ApiError<ForbiddenFailure> {
  override readonly name = 'ForbiddenError';
}

export class PeriodClosedError extends ApiError<PeriodClosedFailure> {
  override readonly name = 'PeriodClosedError';
}

export class TransitionError extends ApiError<TransitionFailure> {
  override readonly name = 'TransitionError';
}

/** Too many attempts (sign-in); `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends ApiError<RateLimitedFailure> {
  override readonly name = 'RateLimitedError';
}

/** The error classes every mutation may return. */
export const MUTATION_ERRORS = [
  ValidationError,
  ConflictError,
  NotFoundError,
  ForbiddenError,
  PeriodClosedError,
  TransitionError,
] as const;

/** The class of each code. */
const CLASSES = {
  VALIDATION: ValidationError,
  CONFLICT: ConflictError,
  NOT_FOUND: NotFoundError,
  FORBIDDEN: ForbiddenError,
  PERIOD_CLOSED: PeriodClosedError,
  TRANSITION: TransitionError,
  RATE_LIMITED: RateLimitedError,
} as const satisfies Record<FailureCode, unknown>;

type ClassOf<F extends ServiceError> = InstanceType<(typeof CLASSES)[F['code']]>;

/** The schema's typed error for a domain failure. */
export function apiError<F extends ServiceError>(failure: F): ClassOf<F> {
  const Class = CLASSES[failure.code] as unknown as new (failure: F) => ClassOf<F>;
  return new Class(failure);
}

/** A ValidationError from issues whose paths name the input fields. */
export function invalidInput(issues: readonly ValidationIssue[]): ValidationError {
  return apiError(validationError([...issues]));
}
