/**
 * The plan this app keeps: the Dorset Police & Crime Plan 2021–29. "Today" is the domain's
 * `todayInPlanTimeZone()`, the date the API judges figures at.
 */
export const PLAN_SLUG = 'dorset-2021-29';
