/**
 * The state of a plan's commitments and delivery actions, live or "as at" a past date rebuilt
 * from history, in one shape so roll-ups and reports can use either.
 *
 * "As at" is the domain's `rowsAsAt` (packages/domain, src/history/as-at.ts, which says how the
 * replay works): this module only reads the live rows and the plan's history entries, in the
 * order they were written (`sequence`), and hands them over as plain objects. An entry with no
 * `effectiveOn` (written before that column existed) holds from the day it was written.
 */
import {
  type IsoDate,
  isInForce,
  isIsoDate,
  isoDateIn,
  type RowHistoryEntry,
  revisionsInForceFrom,
  rowsAsAt,
} from '@plan-tracker/domain';
import type { Prisma } from '../generated/prisma/client.js';
import { fromDbDate } from './dates.js';
import {
  ACTION_STATE_FIELDS,
  type ActionRecord,
  actionRecord,
  COMMITMENT_STATE_FIELDS,
  type CommitmentRecord,
  commitmentRecord,
  type ProgressUpdateRecord,
  progressUpdateRecord,
} from './records.js';

/** A client, or a transaction: the reads here run in either. */
type Reader = Prisma.TransactionClient;

/** A commitment's figures and identity, live or as at a date. */
export type CommitmentState = Omit<CommitmentRecord, 'version' | 'updatedAt'>;
/** A delivery action's figures and identity, live or as at a date (archived ones included). */
export type ActionState = Omit<ActionRecord, 'version' | 'updatedAt'>;

export interface PriorityRef {
  readonly id: string;
  readonly number: number;
  readonly title: string;
}

export interface ThemeState {
  readonly id: string;
  readonly priorityId: string;
  readonly position: number;
  readonly title: string;
}

/** Everything the roll-ups and reports need about a plan's delivery at one moment. */
export interface PlanState {
  readonly planId: string;
  /** The date rebuilt from history, or `null` for the live state. */
  readonly asAt: IsoDate | null;
  readonly priorities: readonly PriorityRef[];
  readonly themes: readonly ThemeState[];
  /** In code order. */
  readonly commitments: readonly CommitmentState[];
  /** In commitment order, then as created. */
  readonly actions: readonly ActionState[];
}

export interface PlanReadOptions {
  /** Only find the plan in this organisation (the API passes the caller's). */
  readonly organisationId?: string | undefined;
}

/** The live state of a plan, or `null` when there is no such plan (in the organisation). */
export async function planState(
  prisma: Reader,
  planId: string,
  options: PlanReadOptions = {},
): Promise<PlanState | null> {
  const plan = await prisma.plan.findFirst({
    where: {
      id: planId,
      ...(options.organisationId && { organisationId: options.organisationId }),
    },
    select: { id: true },
  });
  if (!plan) return null;
  const [priorities, themes, { commitments, actions }] = await Promise.all([
    prisma.priority.findMany({
      where: { planId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, title: true },
    }),
    prisma.theme.findMany({
      where: { priority: { planId } },
      orderBy: [{ priority: { number: 'asc' } }, { position: 'asc' }],
      select: { id: true, priorityId: true, position: true, title: true },
    }),
    commitmentsAndActions(prisma, planId),
  ]);
  return {
    planId,
    asAt: null,
    priorities,
    themes,
    commitments: commitments.map((row) => withoutVersion(commitmentRecord(row))),
    actions: actions.map((row) => withoutVersion(actionRecord(row))),
  };
}

/**
 * The plan's commitments in code order and their actions in {@link ACTION_CODE_ORDER}, in two
 * statements. The actions are found by their commitments' ids and put in code order here:
 * sorting them in SQL by their commitments' priority, theme and position joins four tables per
 * action, and PostgreSQL then reads every plan's actions (about 80 ms at 43 plans, against 1 ms).
 */
async function commitmentsAndActions(prisma: Reader, planId: string) {
  const commitments = await prisma.commitment.findMany({
    where: { planId },
    orderBy: COMMITMENT_CODE_ORDER,
  });
  const asCreated = await prisma.deliveryAction.findMany({
    where: { commitmentId: { in: commitments.map((c) => c.id) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const position = new Map(commitments.map((c, index) => [c.id, index]));
  // A stable sort: as created within each commitment.
  const actions = asCreated.sort(
    (a, b) => (position.get(a.commitmentId) ?? 0) - (position.get(b.commitmentId) ?? 0),
  );
  return { commitments, actions };
}

/**
 * The plan's commitments and actions as they were at the end of `date`, rebuilt from history
 * (see the top of this file); `null` when there is no such plan.
 *
 * @throws Error when `date` is not a real `YYYY-MM-DD` date
 */
export async function planStateAsAt(
  prisma: Reader,
  planId: string,
  date: IsoDate,
  options: PlanReadOptions = {},
): Promise<PlanState | null> {
  const states = await planStatesAsAt(prisma, planId, [date], options);
  return states?.[0] ?? null;
}

/**
 * The plan as it was at the end of each of `dates`, in the same order, from one read of the live
 * state and one of the history: a quarterly report needs every quarter end since the plan began,
 * and reading the history once per quarter would cost 32 reads of it at the end of the plan.
 * `null` when there is no such plan.
 *
 * @throws Error when a date is not a real `YYYY-MM-DD` date
 */
export async function planStatesAsAt(
  prisma: Reader,
  planId: string,
  dates: readonly IsoDate[],
  options: PlanReadOptions = {},
): Promise<PlanState[] | null> {
  for (const date of dates) {
    if (!isIsoDate(date)) throw new Error(`Not a date: ${JSON.stringify(date)} (use YYYY-MM-DD).`);
  }
  const [live, entries] = await Promise.all([
    planState(prisma, planId, options),
    prisma.auditLog.findMany({
      where: { planId, entityType: { in: ['Commitment', 'DeliveryAction'] } },
      orderBy: { sequence: 'asc' },
      select: {
        entityType: true,
        entityId: true,
        action: true,
        before: true,
        after: true,
        effectiveOn: true,
        at: true,
      },
    }),
  ]);
  if (!live) return null;
  // The read asks for these two entity types only.
  const commitmentHistory: RowHistoryEntry[] = [];
  const actionHistory: RowHistoryEntry[] = [];
  for (const entry of entries) {
    (entry.entityType === 'Commitment' ? commitmentHistory : actionHistory).push({
      rowId: entry.entityId,
      create: entry.action === 'create',
      before: asFields(entry.before),
      after: asFields(entry.after),
      effectiveOn: entry.effectiveOn ? fromDbDate(entry.effectiveOn) : isoDateIn(entry.at),
    });
  }
  const commitments = rowsAsAt(live.commitments, commitmentHistory, COMMITMENT_STATE_FIELDS, dates);
  const actions = rowsAsAt(live.actions, actionHistory, ACTION_STATE_FIELDS, dates);
  return dates.map((date, index) => ({
    ...live,
    asAt: date,
    commitments: commitments[index] ?? [],
    actions: actions[index] ?? [],
  }));
}

/**
 * When each revision of a plan holds (the domain's `revisionsInForceFrom`), from the plan's
 * rows: `{ periodStart, revisions: { id, publishedOn } }` as Prisma reads them.
 */
export function revisionsInForce(plan: {
  readonly periodStart: Date;
  readonly revisions: readonly { readonly id: string; readonly publishedOn: Date }[];
}): Map<string, IsoDate> {
  return revisionsInForceFrom(
    plan.revisions.map((r) => ({ id: r.id, publishedOn: fromDbDate(r.publishedOn) })),
    fromDbDate(plan.periodStart),
  );
}

/**
 * The state with only the commitments in force at `date` (the domain's `isInForce`) and their
 * actions: "as at" a date before a revision, its new commitments were not yet in the plan.
 *
 * @param inForceFrom - {@link revisionsInForce} (the domain's `revisionsInForceFrom`)
 */
export function onlyInForce(
  state: PlanState,
  inForceFrom: ReadonlyMap<string, IsoDate>,
  date: IsoDate,
): PlanState {
  const commitments = state.commitments.filter((c) => isInForce(c, inForceFrom, date));
  if (commitments.length === state.commitments.length) return state;
  const ids = new Set(commitments.map((c) => c.id));
  return { ...state, commitments, actions: state.actions.filter((a) => ids.has(a.commitmentId)) };
}

function asFields(json: unknown): Record<string, unknown> {
  return json !== null && typeof json === 'object' && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : {};
}

function withoutVersion<T extends { version: number; updatedAt: string }>(
  record: T,
): Omit<T, 'version' | 'updatedAt'> {
  const { version: _version, updatedAt: _updatedAt, ...rest } = record;
  return rest;
}

/** Commitments in code order: by priority and theme, cross-cutting sections last. */
export const COMMITMENT_CODE_ORDER: Prisma.CommitmentOrderByWithRelationInput[] = [
  { theme: { priority: { number: 'asc' } } },
  { theme: { position: 'asc' } },
  { crossCuttingSection: { sort: 'asc', nulls: 'first' } },
  { position: 'asc' },
  { id: 'asc' },
];

/** Actions in the code order of their commitments, then as created. */
export const ACTION_CODE_ORDER: Prisma.DeliveryActionOrderByWithRelationInput[] = [
  { commitment: { theme: { priority: { number: 'asc' } } } },
  { commitment: { theme: { position: 'asc' } } },
  { commitment: { crossCuttingSection: { sort: 'asc', nulls: 'first' } } },
  { commitment: { position: 'asc' } },
  { createdAt: 'asc' },
  { id: 'asc' },
];

/** A progress update with the commitment code and action title a report shows beside it. */
export interface PeriodUpdate extends ProgressUpdateRecord {
  readonly commitmentCode: string;
  readonly actionTitle: string | null;
}

/** The progress updates of a plan filed for one reporting period, oldest first. */
export async function updatesInPeriod(
  prisma: Reader,
  planId: string,
  periodLabel: string,
  options: PlanReadOptions = {},
): Promise<PeriodUpdate[]> {
  const rows = await prisma.progressUpdate.findMany({
    where: {
      period: periodLabel,
      commitment: { planId },
      ...(options.organisationId && { organisationId: options.organisationId }),
    },
    orderBy: [{ recordedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    include: { commitment: { select: { code: true } }, action: { select: { title: true } } },
  });
  return rows.map((row) => ({
    ...progressUpdateRecord(row),
    commitmentCode: row.commitment.code,
    actionTitle: row.action?.title ?? null,
  }));
}
