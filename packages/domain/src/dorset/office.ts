/** Who publishes the Dorset plan, and the plan's identity and period. */
import { DORSET_PLAN_PERIOD } from '../timeline/plan.js';

/** The Office of the Dorset Police and Crime Commissioner: the seed's organisation (tenant). */
export const dorsetOrganisation = Object.freeze({
  slug: 'dorset-opcc',
  name: 'Office of the Dorset Police and Crime Commissioner',
});

/** The Dorset Police & Crime Plan 2021–29. It is a public document, so it is published. */
export const dorsetPlan = Object.freeze({
  slug: 'dorset-2021-29',
  title: 'Police & Crime Plan 2021–29',
  vision: 'Make Dorset the safest county',
  periodStart: DORSET_PLAN_PERIOD.start,
  periodEnd: DORSET_PLAN_PERIOD.end,
  published: true,
});
