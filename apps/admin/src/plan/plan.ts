/**
 * The plan this app keeps: the Dorset Police & Crime Plan 2021–29. "Today" is the domain's
 * `todayInPlanTimeZone()`, the date the API judges figures at.
 */
import { graphql } from '../graphql/graphql.js';

export const PLAN_SLUG = 'dorset-2021-29';

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
