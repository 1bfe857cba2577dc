/**
 * The plan a screen is about. Every screen of a plan lives under `/plans/<slug>/`; the app
 * matches the slug against the plans of the signed-in person's organisation (which the session
 * loads with the viewer, `PlanSummaryFields`) and puts that plan round the screen (`PlanScope`),
 * so a screen asks `usePlanSlug()` instead of knowing a plan by name.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql/graphql.js';

/** What the app knows of each of the organisation's plans before opening one. */
export const PlanSummaryFields = graphql(`
  fragment PlanSummaryFields on Plan {
    id
    slug
    title
    periodStart
    periodEnd
    published
  }
`);

export type PlanSummary = ResultOf<typeof PlanSummaryFields>;

/** The plans as the viewer's organisation lists them (newest first), read through the fragment. */
export function readPlans(plans: readonly FragmentOf<typeof PlanSummaryFields>[]): PlanSummary[] {
  return plans.map((plan) => readFragment(PlanSummaryFields, plan));
}

const PlanContext = createContext<PlanSummary | null>(null);

/** Puts the plan of the URL round a plan's screen. */
export function PlanScope({ plan, children }: { plan: PlanSummary; children: ReactNode }) {
  return <PlanContext.Provider value={plan}>{children}</PlanContext.Provider>;
}

/** The plan of the screen, or `null` on a screen of the whole organisation. */
export function useOptionalPlan(): PlanSummary | null {
  return useContext(PlanContext);
}

/** The plan of the screen; only for screens under `/plans/<slug>/`. */
export function usePlan(): PlanSummary {
  const plan = useContext(PlanContext);
  if (!plan) throw new Error('usePlan needs a PlanScope: the screen is not one of a plan.');
  return plan;
}

/** The slug of the screen's plan, for its queries and for `routes`. */
export function usePlanSlug(): string {
  return usePlan().slug;
}
