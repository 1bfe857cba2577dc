// Roll-ups of a plan with the domain's rollUpPlan, from the live state or from history.
import { type IsoDate, type PlanRollUp, rollUpPlan } from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { type PlanReadOptions, type PlanState, planState, planStateAsAt } from './as-at.js';

/** Roll-ups of a plan state (live or as at a date), overdue judged at `asAt`. */
export function rollUpPlanState(state: PlanState, asAt: IsoDate): PlanRollUp {
  return rollUpPlan({
    asAt,
    priorityIds: state.priorities.map((p) => p.id),
    themes: state.themes,
    commitments: state.commitments,
    actions: state.actions,
  });
}

export interface PlanRollUpOptions extends PlanReadOptions {
  /**
   * Rebuild the figures as they were at the end of `asAt` from history (`planStateAsAt`)
   * instead of using today's figures with overdue judged at `asAt`.
   */
  readonly fromHistory?: boolean | undefined;
}

/** The plan's roll-ups at every level, or `null` when there is no such plan. */
export async function planRollUp(
  prisma: PrismaClient,
  planId: string,
  asAt: IsoDate,
  options: PlanRollUpOptions = {},
): Promise<PlanRollUp | null> {
  const state = options.fromHistory
    ? await planStateAsAt(prisma, planId, asAt, options)
    : await planState(prisma, planId, options);
  return state && rollUpPlanState(state, asAt);
}
