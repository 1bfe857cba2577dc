/**
 * Expected failures of mutations, as classes the errors plugin turns into typed results. Each
 * has a stable `code` that clients branch on; messages are for people. Made by the small
 * factories at the bottom (from the db services' failures), never ad hoc.
 */

/** Stable codes of expected failures. Never renamed or reused. */
export const ERROR_CODES = [
  'VALIDATION',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'PERIOD_CLOSED',
  'TRANSITION',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base of every expected failure. */
export abstract class ApiError extends Error {
  abstract readonly code: ErrorCode;
}

/** One broken rule on one input field. */
export interface FieldIssue {
  /** e.g. `['input', 'evidence', '0', 'url']`; `[]` for the input as a whole. */
  readonly path: readonly string[];
  readonly message: string;
}

export class ValidationError extends ApiError {
  readonly code = 'VALIDATION' as const;
  constructor(readonly issues: readonly FieldIssue[]) {
    const first = issues[0]?.message ?? 'The input is not valid.';
    super(issues.length > 1 ? `${first} (and ${issues.length - 1} more)` : first);
    this.name = 'ValidationError';
  }
}

export class ConflictError extends ApiError {
  readonly code = 'CONFLICT' as const;
  constructor(
    message: string,
    readonly currentVersion: number,
    /** The record as it is now, for the client to show and retry. */
    readonly current: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends ApiError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`There is no ${entity} with id ${id} that you can see.`);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN' as const;
  constructor(reason: string) {
    super(`You cannot do this: ${reason}`);
    this.name = 'ForbiddenError';
  }
}

export class PeriodClosedError extends ApiError {
  readonly code = 'PERIOD_CLOSED' as const;
  constructor(
    readonly period: string,
    message?: string,
  ) {
    super(
      message ??
        `The reporting period ${period} is closed, so its records cannot change. Ask an administrator, or date the change in an open period.`,
    );
    this.name = 'PeriodClosedError';
  }
}

export class TransitionError extends ApiError {
  readonly code = 'TRANSITION' as const;
  constructor(
    message: string,
    readonly transitionCode: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(message);
    this.name = 'TransitionError';
  }
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
