/**
 * The typed failures every mutation can answer (the API's `MutationError` results), and how a
 * form shows them: each issue on its field, anything else on the form's first field.
 */
import type { FieldError } from '../govuk/content.js';
import { graphql } from './graphql.js';

export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on MutationError {
    __typename
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
  readonly __typename: string;
  readonly message: string;
  readonly issues?: readonly { readonly path: readonly string[]; readonly message: string }[];
  readonly currentVersion?: number;
  /** The record as it is now (a conflict), with the fields the form shows. */
  readonly current?: Readonly<Record<string, unknown>> | null;
  readonly transitionCode?: string;
  readonly period?: string;
}

/** True for the union members that are failures (the API names them `…Error`). */
export function isFailure<T extends { __typename: string }>(
  result: T,
): result is Extract<T, { __typename: `${string}Error` }> {
  return result.__typename.endsWith('Error');
}

/** The last input field an issue path names: `['input', 'dueDate']` → `dueDate`. */
export function lastField(path: readonly string[]): string {
  const named = path.filter((part) => !/^\d+$/.test(part) && part !== 'input');
  return named.at(-1) ?? '';
}

/**
 * The errors to show for a failure. `fields` maps the API's input field names to the form's
 * field ids; issues on other fields, and failures without issues, go on `fallback`.
 */
export function failureErrors(
  failure: MutationFailure,
  fields: Readonly<Record<string, string>>,
  fallback: string,
): FieldError[] {
  if (failure.__typename === 'ConflictError') {
    return [
      {
        field: fallback,
        message:
          'Someone else changed this while you were working on it. Their change is shown below; check yours and save again.',
      },
    ];
  }
  if (failure.issues && failure.issues.length > 0) {
    return failure.issues.map((issue) => ({
      field: fields[lastField(issue.path)] ?? fallback,
      message: issue.message,
    }));
  }
  return [{ field: fallback, message: failure.message }];
}
