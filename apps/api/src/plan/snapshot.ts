/**
 * A plan's figures at one date, for roll-ups, "as at" reads and figure filters: the db
 * services' `planState` (live) or `planStateAsAt` (rebuilt from the append-only history), rolled
 * up by the domain's `rollUpPlan`. Loaded once per plan per request, so the number of queries
 * does not grow with the plan.
 */
import {
  fromDbDate,
  type PlanState,
  planState,
  planStateAsAt,
  rollUpPlanState,
} from '@plan-tracker/db';
import type { IsoDate, LifecycleStatus, PlanRollUp, Rag } from '@plan-tracker/domain';
import type { Context } from '../context.js';
import { prisma } from '../database.js';

/** A commitment or action's figures as the snapshot holds them. */
export interface SnapshotFigures {
  readonly status: LifecycleStatus;
  readonly rag: Rag | null;
  readonly progressPercent: number;
  readonly dueDate: IsoDate | null;
}

/** A plan's figures at one date. */
export interface PlanSnapshot {
  /** The date figures are judged at: the "as at" date, or today. */
  readonly asAt: IsoDate;
  /** True when the figures were rebuilt from history (a past date). */
  readonly historical: boolean;
  readonly rollUp: PlanRollUp;
  /** Figures by commitment id and by action id, of those that existed at the date. */
  readonly figures: ReadonlyMap<string, SnapshotFigures>;
}

/** Today in the plan's time zone. */
export function today(): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** The date reads in this request are judged at. */
export function effectiveDate(ctx: Context): IsoDate {
  return ctx.asAt ?? today();
}

/** The plan's snapshot at the request's date, loaded once per request. */
export function planSnapshot(ctx: Context, planId: string): Promise<PlanSnapshot> {
  const asAt = effectiveDate(ctx);
  const historical = ctx.asAt !== null && ctx.asAt < today();
  return ctx.cache.memo(`snapshot:${planId}:${asAt}`, () => loadSnapshot(planId, asAt, historical));
}

async function loadSnapshot(
  planId: string,
  asAt: IsoDate,
  historical: boolean,
): Promise<PlanSnapshot> {
  const db = prisma();
  const [loaded, revisions] = await Promise.all([
    historical ? planStateAsAt(db, planId, asAt) : planState(db, planId),
    historical
      ? db.planRevision.findMany({ where: { planId }, select: { id: true, publishedOn: true } })
      : Promise.resolve([]),
  ]);
  if (!loaded) throw new Error(`Plan ${planId} vanished while being read`);
  let state: PlanState = loaded;
  if (historical) {
    // A commitment is in the plan from the publication of the revision that introduced it.
    const published = new Map(revisions.map((r) => [r.id, fromDbDate(r.publishedOn)]));
    const inForce = state.commitments.filter((c) => {
      const on = published.get(c.introducedInRevisionId);
      return on !== undefined && on <= asAt;
    });
    const ids = new Set(inForce.map((c) => c.id));
    state = {
      ...state,
      commitments: inForce,
      actions: state.actions.filter((a) => ids.has(a.commitmentId)),
    };
  }
  const figures = new Map<string, SnapshotFigures>();
  for (const row of [...state.commitments, ...state.actions]) {
    figures.set(row.id, {
      status: row.status,
      rag: row.rag,
      progressPercent: row.progressPercent,
      dueDate: row.dueDate,
    });
  }
  return { asAt, historical, rollUp: rollUpPlanState(state, asAt), figures };
}
