/**
 * The typed failures every mutation can answer (the API's `MutationError` results), and how a
 * form shows them. The app branches on `MutationError.code` (the domain's FAILURE_CODES: the
 * same codes the API puts in `extensions.code`), never on the names of the error types.
 */
import { FAILURE_CODES, type FailureCode } from '@plan-tracker/domain';
import type { FieldError } from '../govuk/content.js';
import { graphql } from './graphql.js';

export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on MutationError {
    code
    message
    ... on ValidationError { issues { path message } }
    ... on ConflictError {
      currentVersion
      current {
        __typename
        ... on Commitment { status rag progressPercent owner startDate dueDate }
        ... on DeliveryAction { status rag progressPercent owner startDate dueDate }
      }
    }
    ... on TransitionError { transitionCode }
    ... on PeriodClosedError { period }
  }
`);

/** Any of the failures, as the fragment reads them. */
export interface MutationFailure {
  readonly code: FailureCode;
  readonly message: string;
  readonly issues?: readonly { readonly path: readonly string[]; readonly message: string }[];
  readonly currentVersion?: number;
  /** The record as it is now (a conflict), with the fields the form shows. */
  readonly current?: Readonly<Record<string, unknown>> | null;
  /** `STATUS_TRANSITION_FORBIDDEN` or `STATUS_REASON_REQUIRED`. */
  readonly transitionCode?: string;
  readonly period?: string;
}

/** True for a mutation's failure: it carries one of the stable error codes. */
export function isFailure<T extends object>(
  result: T,
): result is Extract<T, { code: FailureCode }> {
  const code = (result as { code?: unknown }).code;
  return typeof code === 'string' && Object.hasOwn(FAILURE_CODES, code);
}

/** The last input field an issue path names: `['input', 'dueDate']` → `dueDate`. */
export function lastField(path: readonly string[]): string {
  const named = path.filter((part) => !/^\d+$/.test(part) && part !== 'input');
  return named.at(-1) ?? '';
}

/**
 * Where a form shows a failure: a map from the API's input field names to the form's field
 * ids, or a function from an issue's whole path to a field id (for fields in lists).
 */
export type FailureFields =
  | Readonly<Record<string, string>>
  | ((path: readonly string[]) => string | undefined);

function fieldOf(fields: FailureFields, path: readonly string[]): string | undefined {
  return typeof fields === 'function' ? fields(path) : fields[lastField(path)];
}

/**
 * The errors to show for a failure, by its code. Issues on fields the form does not have, and
 * failures without a field, go on `fallback` (the form's first field).
 */
export function failureErrors(
  failure: MutationFailure,
  fields: FailureFields,
  fallback: string,
): FieldError[] {
  switch (failure.code) {
    case 'CONFLICT':
      return [
        {
          field: fallback,
          message:
            'Someone else changed this while you were working on it. Their change is shown below; check yours and save again.',
        },
      ];
    case 'VALIDATION':
      if (failure.issues && failure.issues.length > 0) {
        return failure.issues.map((issue) => ({
          field: fieldOf(fields, issue.path) ?? fallback,
          message: issue.message,
        }));
      }
      break;
    case 'TRANSITION': {
      const field =
        failure.transitionCode === 'STATUS_REASON_REQUIRED'
          ? fieldOf(fields, ['reason'])
          : fieldOf(fields, ['status']);
      return [{ field: field ?? fallback, message: failure.message }];
    }
    case 'PERIOD_CLOSED': {
      const field = fieldOf(fields, ['period']);
      return [
        field
          ? {
              field,
              message: `${failure.period ?? 'That period'} is closed: select an open reporting period`,
            }
          : { field: fallback, message: failure.message },
      ];
    }
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      break;
  }
  return [{ field: fallback, message: failure.message }];
}
