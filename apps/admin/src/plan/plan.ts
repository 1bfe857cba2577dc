/**
 * The plan this app keeps: the Dorset Police & Crime Plan 2021–29, and the date figures are
 * judged at (today in the UK, as the API judges them).
 */
import { isoDateIn } from '@plan-tracker/domain';
import { graphql } from '../graphql/graphql.js';

export const PLAN_SLUG = 'dorset-2021-29';

/** Today's date in the UK. */
export function todayInUk(): string {
  return isoDateIn(new Date());
}

/** The figures shown at every level, from a commitment to the plan. */
export const RollUpFields = graphql(`
  fragment RollUpFields on RollUp {
    count
    progressPercent
    overdue
    rag
    status
    byStatus { status count }
    byRag { rag count }
  }
`);
