/**
 * A plan's figures in one go, for roll-ups and "as at" reads: its themes, commitments and
 * actions (only the columns the figures need) and, for a past date, their history. A fixed
 * number of queries per plan per request, however large the plan.
 */
import { fromDbDate, fromDbDateOrNull } from '@plan-tracker/db';
import {
  type IsoDate,
  type LifecycleStatus,
  LifecycleStatusSchema,
  type PlanRollUp,
  type Rag,
  RagSchema,
  rollUpPlan,
} from '@plan-tracker/domain';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { type FigureEvent, type Figures, figuresAsAt, type PartialFigures } from './as-at.js';

/** A commitment or action's figures as the snapshot holds them. */
export interface SnapshotFigures extends Figures {
  readonly dueDate: IsoDate | null;
}

/** A plan's figures at one date. */
export interface PlanSnapshot {
  /** The date figures are judged at: the "as at" date, or today. */
  readonly asAt: IsoDate;
  /** True when the figures were replayed from history (a past date). */
  readonly historical: boolean;
  readonly rollUp: PlanRollUp;
  /** Figures by commitment id and by action id. */
  readonly figures: ReadonlyMap<string, SnapshotFigures>;
  /** Revision publication dates by revision id. */
  readonly revisionPublishedOn: ReadonlyMap<string, IsoDate>;
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
  return ctx.cache.memo(`snapshot:${planId}:${asAt}`, () =>
    loadSnapshot(planId, asAt, ctx.asAt !== null && ctx.asAt < today()),
  );
}

function isLifecycleStatus(value: unknown): value is LifecycleStatus {
  return LifecycleStatusSchema.safeParse(value).success;
}

function partial(
  status: string | null,
  rag: string | null,
  progress: number | null,
  ragRecorded: boolean,
): PartialFigures {
  const ragValue = RagSchema.safeParse(rag);
  return {
    status: status !== null && isLifecycleStatus(status) ? status : undefined,
    rag: ragValue.success ? ragValue.data : ragRecorded ? null : undefined,
    progressPercent: progress ?? undefined,
  };
}

function figuresFromJson(value: unknown): PartialFigures {
  if (!value || typeof value !== 'object') return {};
  const record = value as Record<string, unknown>;
  const rag = RagSchema.safeParse(record.rag);
  return {
    status:
      typeof record.status === 'string' && isLifecycleStatus(record.status)
        ? record.status
        : undefined,
    rag: rag.success ? rag.data : 'rag' in record && record.rag === null ? null : undefined,
    progressPercent:
      typeof record.progressPercent === 'number' ? record.progressPercent : undefined,
  };
}

async function loadSnapshot(
  planId: string,
  asAt: IsoDate,
  historical: boolean,
): Promise<PlanSnapshot> {
  const db = prisma();
  const [priorities, themes, commitments, actions, revisions] = await Promise.all([
    db.priority.findMany({ where: { planId }, select: { id: true } }),
    db.theme.findMany({ where: { priority: { planId } }, select: { id: true, priorityId: true } }),
    db.commitment.findMany({
      where: { planId },
      select: {
        id: true,
        themeId: true,
        crossCuttingSection: true,
        status: true,
        rag: true,
        progressPercent: true,
        dueDate: true,
        statusOverrideReason: true,
        introducedInRevisionId: true,
        withdrawnInRevisionId: true,
      },
    }),
    db.deliveryAction.findMany({
      where: { commitment: { planId } },
      select: {
        id: true,
        commitmentId: true,
        status: true,
        rag: true,
        progressPercent: true,
        dueDate: true,
        archivedAt: true,
      },
    }),
    db.planRevision.findMany({ where: { planId }, select: { id: true, publishedOn: true } }),
  ]);
  const revisionPublishedOn = new Map(revisions.map((r) => [r.id, fromDbDate(r.publishedOn)]));

  const events = new Map<string, FigureEvent[]>();
  const push = (id: string, event: FigureEvent) => {
    const list = events.get(id);
    if (list) list.push(event);
    else events.set(id, [event]);
  };
  if (historical) {
    const [updates, audits] = await Promise.all([
      db.progressUpdate.findMany({
        where: { commitment: { planId } },
        select: {
          commitmentId: true,
          actionId: true,
          recordedOn: true,
          createdAt: true,
          statusBefore: true,
          statusAfter: true,
          ragBefore: true,
          ragAfter: true,
          progressBefore: true,
          progressAfter: true,
        },
      }),
      db.auditLog.findMany({
        where: {
          entityType: { in: ['Commitment', 'DeliveryAction'] },
          OR: [
            { entityId: { in: commitments.map((c) => c.id) } },
            { entityId: { in: actions.map((a) => a.id) } },
          ],
        },
        select: { entityId: true, at: true, before: true, after: true },
      }),
    ]);
    for (const u of updates) {
      push(u.actionId ?? u.commitmentId, {
        on: fromDbDate(u.recordedOn),
        sequence: u.createdAt.getTime(),
        before: partial(u.statusBefore, u.ragBefore, u.progressBefore, u.statusBefore !== null),
        after: partial(u.statusAfter, u.ragAfter, u.progressAfter, true),
      });
    }
    for (const a of audits) {
      push(a.entityId, {
        on: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(a.at),
        sequence: a.at.getTime(),
        before: figuresFromJson(a.before),
        after: figuresFromJson(a.after),
      });
    }
  }

  const figures = new Map<string, SnapshotFigures>();
  const figuresOf = (row: {
    id: string;
    status: Figures['status'];
    rag: Rag | null;
    progressPercent: number;
    dueDate: Date | null;
  }): SnapshotFigures => {
    const now: Figures = { status: row.status, rag: row.rag, progressPercent: row.progressPercent };
    const at = historical ? figuresAsAt(now, events.get(row.id) ?? [], asAt) : now;
    const result = { ...at, dueDate: fromDbDateOrNull(row.dueDate) };
    figures.set(row.id, result);
    return result;
  };

  const inForce = commitments.filter((c) => {
    if (!historical) return true;
    const introduced = revisionPublishedOn.get(c.introducedInRevisionId);
    return introduced !== undefined && introduced <= asAt;
  });
  const rollUp = rollUpPlan({
    asAt,
    priorityIds: priorities.map((p) => p.id),
    themes,
    commitments: inForce.map((c) => ({
      ...figuresOf(c),
      id: c.id,
      themeId: c.themeId,
      crossCuttingSection: c.crossCuttingSection,
      statusOverrideReason: c.statusOverrideReason,
    })),
    actions: actions.map((a) => ({
      ...figuresOf(a),
      commitmentId: a.commitmentId,
      archivedAt:
        a.archivedAt && a.archivedAt.toISOString() <= `${asAt}T23:59:59.999Z` ? 'archived' : null,
    })),
  });
  return { asAt, historical, rollUp, figures, revisionPublishedOn };
}
