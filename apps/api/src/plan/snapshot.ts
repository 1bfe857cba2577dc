/**
 * A plan's figures at one date, for roll-ups, "as at" reads and figure filters: the db
 * services' `planState` (live) or `planStateAsAt` (rebuilt from the append-only history), rolled
 * up by the domain's `rollUpPlan`. Loaded once per plan per request, so the number of queries
 * does not grow with the plan. Reads that need only the commitments' own figures (a filtered
 * page of commitments) take {@link commitmentFigures}, which today is one small query.
 */
import {
  fromDbDateOrNull,
  onlyInForce,
  type PlanState,
  planState,
  planStateAsAt,
  revisionsInForce,
  rollUpPlanState,
  toDbDate,
} from '@plan-tracker/db';
import {
  type IsoDate,
  type LifecycleStatus,
  type PlanRollUp,
  type Rag,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import type { Context } from '../context.js';
import { prisma } from '../database.js';

/** A commitment or action's figures as the snapshot holds them. */
export interface SnapshotFigures {
  /** A commitment's wording at the date (rebuilt from history); absent for actions and live reads. */
  readonly text?: string;
  readonly status: LifecycleStatus;
  readonly rag: Rag | null;
  readonly progressPercent: number;
  readonly dueDate: IsoDate | null;
}

/** The figures of a plan's commitments at one date. */
export interface CommitmentFigures {
  /** The date figures are judged at: the "as at" date, or today. */
  readonly asAt: IsoDate;
  /** True when the figures were rebuilt from history (a past date). */
  readonly historical: boolean;
  /** Ids of the plan's commitments in force at the date (every one, live). */
  readonly inForce: ReadonlySet<string>;
  /** Figures by commitment id (a snapshot's by action id too), of those in force at the date. */
  readonly figures: ReadonlyMap<string, SnapshotFigures>;
}

/** A plan's figures at one date: commitments and actions, and the roll-ups. */
export interface PlanSnapshot extends CommitmentFigures {
  readonly rollUp: PlanRollUp;
}

/**
 * Today in the plan's time zone, once per request: resolvers ask for it thousands of times in a
 * plan tree (formatting a date in a time zone is slow), and one request never straddles midnight.
 */
export function today(ctx: Context): IsoDate {
  return ctx.cache.value('today', () => todayInPlanTimeZone());
}

/** The date figures are judged at: the "as at" date asked for (see plan/as-at.ts), or today. */
export function effectiveDate(ctx: Context, asAt: IsoDate | null): IsoDate {
  return asAt ?? today(ctx);
}

/** The progress updates recorded by the "as at" date; all of them when live. */
export function recordedByAsAt<T extends { readonly recordedOn: Date }>(
  asAt: IsoDate | null,
  updates: T[],
): T[] {
  if (!asAt) return updates;
  const end = toDbDate(asAt);
  return updates.filter((u) => u.recordedOn <= end);
}

/** The plan's snapshot at a date (`null`: live), loaded once per request and date. */
export function planSnapshot(
  ctx: Context,
  planId: string,
  asked: IsoDate | null,
): Promise<PlanSnapshot> {
  const asAt = effectiveDate(ctx, asked);
  const historical = asked !== null && asked < today(ctx);
  return ctx.cache.memo(snapshotKey(planId, asAt), () =>
    loadSnapshot(ctx, planId, asAt, historical),
  );
}

function snapshotKey(planId: string, asAt: IsoDate): string {
  return `snapshot:${planId}:${asAt}`;
}

/**
 * `use` applied to the plan's snapshot: at once when it is loaded already (no promise for the
 * executor to wait on, which adds up over a plan tree's fields), else once it is.
 */
export function withSnapshot<T>(
  ctx: Context,
  planId: string,
  asked: IsoDate | null,
  use: (snapshot: PlanSnapshot) => T,
): T | Promise<T> {
  const ready = ctx.cache.ready<PlanSnapshot>(snapshotKey(planId, effectiveDate(ctx, asked)));
  return ready ? use(ready) : planSnapshot(ctx, planId, asked).then(use);
}

/** `use` applied to the figures of the plan's commitments; at once when they are loaded. */
export function withCommitmentFigures<T>(
  ctx: Context,
  planId: string,
  asked: IsoDate | null,
  use: (figures: CommitmentFigures) => T,
): T | Promise<T> {
  const asAt = effectiveDate(ctx, asked);
  const ready =
    ctx.cache.ready<CommitmentFigures>(snapshotKey(planId, asAt)) ??
    ctx.cache.ready<CommitmentFigures>(figuresKey(planId, asAt));
  return ready ? use(ready) : commitmentFigures(ctx, planId, asked).then(use);
}

function figuresKey(planId: string, asAt: IsoDate): string {
  return `commitment-figures:${planId}:${asAt}`;
}

/**
 * The figures of the plan's commitments at the request's date, loaded once per request. Live,
 * they are the commitments' own columns: one small query instead of the whole plan's state and
 * roll-ups. A past date needs the history replayed, so it is the snapshot; so is a request that
 * has asked for the snapshot already (a plan tree with roll-ups), which holds the same figures.
 */
export function commitmentFigures(
  ctx: Context,
  planId: string,
  asked: IsoDate | null,
): Promise<CommitmentFigures> {
  const asAt = effectiveDate(ctx, asked);
  const historical = asked !== null && asked < today(ctx);
  if (historical || ctx.cache.has(snapshotKey(planId, asAt))) {
    return planSnapshot(ctx, planId, asked);
  }
  return ctx.cache.memo(figuresKey(planId, asAt), async () => {
    const rows = await prisma(ctx).commitment.findMany({
      where: { planId },
      select: { id: true, status: true, rag: true, progressPercent: true, dueDate: true },
    });
    const figures = new Map<string, SnapshotFigures>();
    for (const row of rows) {
      figures.set(row.id, {
        status: row.status,
        rag: row.rag,
        progressPercent: row.progressPercent,
        dueDate: fromDbDateOrNull(row.dueDate),
      });
    }
    return { asAt, historical, inForce: new Set(figures.keys()), figures };
  });
}

async function loadSnapshot(
  ctx: Context,
  planId: string,
  asAt: IsoDate,
  historical: boolean,
): Promise<PlanSnapshot> {
  const db = prisma(ctx);
  const [loaded, plan] = await Promise.all([
    historical ? planStateAsAt(db, planId, asAt) : planState(db, planId),
    historical
      ? db.plan.findUnique({
          where: { id: planId },
          select: {
            periodStart: true,
            revisions: { select: { id: true, publishedOn: true } },
          },
        })
      : Promise.resolve(null),
  ]);
  if (!loaded) throw new Error(`Plan ${planId} vanished while being read`);
  let state: PlanState = loaded;
  if (plan) {
    state = onlyInForce(state, revisionsInForce(plan), asAt);
  }
  const figures = new Map<string, SnapshotFigures>();
  for (const row of state.commitments) {
    figures.set(row.id, {
      text: row.text,
      status: row.status,
      rag: row.rag,
      progressPercent: row.progressPercent,
      dueDate: row.dueDate,
    });
  }
  for (const row of state.actions) {
    figures.set(row.id, {
      status: row.status,
      rag: row.rag,
      progressPercent: row.progressPercent,
      dueDate: row.dueDate,
    });
  }
  return {
    asAt,
    historical,
    inForce: new Set(state.commitments.map((c) => c.id)),
    figures,
    rollUp: rollUpPlanState(state, asAt),
  };
}
