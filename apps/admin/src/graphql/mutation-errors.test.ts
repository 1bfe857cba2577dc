import { describe, expect, it } from 'vitest';
import { failureErrors, isFailure, type MutationFailure } from './mutation-errors.js';

describe('failures of mutations', () => {
  it('are told apart by their code, not by the name of their type', () => {
    expect(isFailure({ __typename: 'AnythingError', code: 'CONFLICT', message: 'x' })).toBe(true);
    // A commitment has a `code` too ("1.2.3"); it is not a failure.
    expect(isFailure({ __typename: 'Commitment', id: 'c', code: '1.2.3' })).toBe(false);
    expect(isFailure({ __typename: 'ValidationErrorLookalike', id: 'x' })).toBe(false);
  });

  it('show each issue on its field, and the rest on the form’s first field', () => {
    const failure: MutationFailure = {
      code: 'VALIDATION',
      message: 'The input broke a rule',
      issues: [
        { path: ['input', 'dueDate'], message: 'The due date must be after the start date' },
        { path: ['input', 'colour'], message: 'Not a field of this form' },
      ],
    };
    expect(failureErrors(failure, { dueDate: 'due' }, 'title')).toEqual([
      { field: 'due', message: 'The due date must be after the start date' },
      { field: 'title', message: 'Not a field of this form' },
    ]);
  });

  it('put a closed period and a transition on the fields they are about', () => {
    const fields = (path: readonly string[]) =>
      ({ period: 'period', reason: 'reason', status: 'status' })[path.at(-1) ?? ''];
    expect(
      failureErrors(
        { code: 'PERIOD_CLOSED', message: 'closed', period: '2021/22 Q2' },
        fields,
        'narrative',
      ),
    ).toEqual([
      { field: 'period', message: '2021/22 Q2 is closed: select an open reporting period' },
    ]);
    expect(
      failureErrors(
        { code: 'TRANSITION', message: 'Give a reason', transitionCode: 'STATUS_REASON_REQUIRED' },
        fields,
        'narrative',
      ),
    ).toEqual([{ field: 'reason', message: 'Give a reason' }]);
    expect(failureErrors({ code: 'FORBIDDEN', message: 'Not yours' }, fields, 'narrative')).toEqual(
      [{ field: 'narrative', message: 'Not yours' }],
    );
  });
});
