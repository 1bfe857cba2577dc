/**
 * Gathers what the domain's monitoring report needs for one quarter (`ReportInput`), from
 * history: the plan's state as at the end of every quarter from the plan's first up to the
 * report's, the progress updates of the quarter, measures with their values and the Panel's
 * actions. Nothing comes from today's state, so a report of a past quarter is the same whenever
 * it is built — once the quarter is closed, nothing can be back-dated into it.
 */
import {
  type IsoDate,
  isoDateIn,
  periodFromLabel,
  planQuarters,
  type ReportInput,
  type ReportNote,
  updateEffectiveOn,
} from '@plan-tracker/domain';
import type { Prisma } from '../generated/prisma/client.js';
import {
  onlyInForce,
  type PlanState,
  planStatesAsAt,
  revisionsInForce,
  updatesInPeriod,
} from '../services/as-at.js';
import { fromDbDate, toDbDate } from '../services/dates.js';

/** A client, or a transaction (closing a quarter builds its reports inside its own). */
type Reader = Prisma.TransactionClient;

/** Which report to gather. */
export interface ReportInputRequest {
  readonly planSlug: string;
  /** e.g. `2021/22 Q2` */
  readonly period: string;
  /** Only find the plan in this organisation (the API passes the caller's). */
  readonly organisationId?: string | undefined;
  /** The day the quarter was closed, when it is; the report is a draft without it. */
  readonly closedOn?: IsoDate | null | undefined;
  /** Told after each quarter's state is rebuilt. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Why a report cannot be gathered. */
export class ReportRequestError extends Error {
  override readonly name = 'ReportRequestError';
  constructor(
    readonly code: 'PLAN_NOT_FOUND' | 'PERIOD_OUTSIDE_PLAN',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Builds the input of `buildMonitoringReport` for a quarter.
 *
 * @throws ReportRequestError when the plan does not exist (in the organisation) or the quarter
 *   is outside the plan's period; the domain's errors for a malformed period label
 */
export async function loadReportInput(
  prisma: Reader,
  request: ReportInputRequest,
): Promise<ReportInput> {
  const period = periodFromLabel(request.period);
  const plan = await prisma.plan.findFirst({
    where: {
      slug: request.planSlug,
      ...(request.organisationId && { organisationId: request.organisationId }),
    },
    include: {
      organisation: { select: { name: true } },
      revisions: { select: { id: true, publishedOn: true } },
      priorities: {
        orderBy: { number: 'asc' },
        include: { themes: { orderBy: { position: 'asc' }, select: { id: true, title: true } } },
      },
    },
  });
  if (!plan) {
    throw new ReportRequestError('PLAN_NOT_FOUND', `There is no plan "${request.planSlug}".`);
  }
  const planStart = fromDbDate(plan.periodStart);
  const planEnd = fromDbDate(plan.periodEnd);
  const quarters = planQuarters(planStart, planEnd);
  const upTo = quarters.findIndex((q) => q.label === period.label);
  if (upTo < 0) {
    throw new ReportRequestError(
      'PERIOD_OUTSIDE_PLAN',
      `${period.label} is outside the plan (${quarters[0]?.label} to ${quarters.at(-1)?.label}).`,
    );
  }

  const notes = await latestNotes(prisma, plan.id, period.endDate);
  const reported = quarters.slice(0, upTo + 1);
  const planStates = await planStatesAsAt(
    prisma,
    plan.id,
    reported.map((q) => q.endDate),
    { organisationId: plan.organisationId },
  );
  if (!planStates)
    throw new ReportRequestError('PLAN_NOT_FOUND', `There is no plan "${request.planSlug}".`);
  // Each quarter counts the commitments in the plan at its end: a revision adds and withdraws.
  const inForceFrom = revisionsInForce(plan);
  const states = reported.map((quarter, index) => {
    const state = reportState(
      quarter.label,
      quarter.endDate,
      onlyInForce(planStates[index] as PlanState, inForceFrom, quarter.endDate),
      notes,
    );
    request.onProgress?.(index + 1, reported.length);
    return state;
  });

  const [updates, measures, meetings] = await Promise.all([
    updatesInPeriod(prisma, plan.id, period.label),
    prisma.measure.findMany({
      where: { priority: { planId: plan.id } },
      orderBy: [{ priority: { number: 'asc' } }, { position: 'asc' }],
      include: { priority: { select: { number: true } }, values: { orderBy: { period: 'asc' } } },
    }),
    prisma.panelMeeting.findMany({
      where: { planId: plan.id, heldOn: { lte: toDbDate(period.endDate) } },
      orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
      include: { actions: { orderBy: { id: 'asc' } } },
    }),
  ]);

  const inForceIds = new Set(states.at(-1)?.commitments.map((c) => c.id));
  return {
    organisation: { name: plan.organisation.name },
    plan: {
      slug: plan.slug,
      title: plan.title,
      vision: plan.vision,
      periodStart: planStart,
      periodEnd: planEnd,
    },
    period: period.label,
    closedOn: request.closedOn ?? (await closedOnOf(prisma, plan.organisationId, period.label)),
    priorities: plan.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      themes: p.themes,
    })),
    states,
    // Every update filed for the quarter, during it or after its end (offices write a quarter's
    // updates in the weeks after it; once the quarter is closed nothing more can be filed), on
    // commitments in the plan at its end.
    updates: updates
      .filter((u) => inForceIds.has(u.commitmentId))
      .map((u) => ({
        id: u.id,
        commitmentId: u.commitmentId,
        actionId: u.actionId,
        period: u.period,
        recordedOn: u.recordedOn,
        author: u.author,
        statusBefore: u.statusBefore ?? 'NOT_STARTED',
        statusAfter: u.statusAfter,
        ragBefore: u.ragBefore,
        ragAfter: u.ragAfter,
        progressBefore: u.progressBefore,
        progressAfter: u.progressAfter,
        narrative: u.narrative,
        evidence: u.evidence,
      })),
    measures: measures.map((m) => ({
      priorityNumber: m.priority.number,
      name: m.name,
      unit: m.unit ?? '',
      direction: m.direction,
      values: m.values.map((v) => ({ period: v.period, value: v.value })),
    })),
    panelActions: meetings.flatMap((m) =>
      m.actions.map((a) => ({
        meetingHeldOn: fromDbDate(m.heldOn),
        meetingTitle: m.title,
        priorityNumber: a.priorityNumber,
        text: a.text,
        status: a.status,
        response: a.response,
      })),
    ),
  };
}

/** The day a quarter was closed (closed before its report was stored), or `null` while open. */
async function closedOnOf(
  prisma: Reader,
  organisationId: string,
  label: string,
): Promise<IsoDate | null> {
  const row = await prisma.reportingPeriod.findFirst({
    where: { organisationId, label },
    select: { closedAt: true },
  });
  return row?.closedAt ? isoDateIn(row.closedAt) : null;
}

type NoteIndex = Map<string, { heldFrom: IsoDate; note: ReportNote }[]>;

/**
 * Every progress update filed for a quarter up to `until`'s, by subject (commitment id or action
 * id), in the order they hold: an update holds from the day it was recorded, or from its
 * quarter's end when recorded after it (domain `updateEffectiveOn`), as its figures do.
 */
async function latestNotes(prisma: Reader, planId: string, until: IsoDate): Promise<NoteIndex> {
  const rows = await prisma.progressUpdate.findMany({
    where: { commitment: { planId } },
    orderBy: [{ recordedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { commitmentId: true, actionId: true, period: true, recordedOn: true, narrative: true },
  });
  const index: NoteIndex = new Map();
  for (const row of rows) {
    const recordedOn = fromDbDate(row.recordedOn);
    const heldFrom = updateEffectiveOn(row.period, recordedOn);
    if (heldFrom > until) continue;
    const key = row.actionId ?? row.commitmentId;
    const list = index.get(key) ?? [];
    list.push({ heldFrom, note: { recordedOn, narrative: row.narrative } });
    index.set(key, list);
  }
  for (const list of index.values())
    list.sort((a, b) => (a.heldFrom < b.heldFrom ? -1 : a.heldFrom > b.heldFrom ? 1 : 0));
  return index;
}

function noteAt(index: NoteIndex, subjectId: string, asAt: IsoDate): ReportNote | null {
  const notes = index.get(subjectId);
  if (!notes) return null;
  for (let i = notes.length - 1; i >= 0; i -= 1) {
    const entry = notes[i];
    if (entry && entry.heldFrom <= asAt) return entry.note;
  }
  return null;
}

function reportState(period: string, asAt: IsoDate, state: PlanState, notes: NoteIndex) {
  return {
    period,
    asAt,
    commitments: state.commitments.map((c) => ({
      id: c.id,
      code: c.code,
      themeId: c.themeId,
      crossCuttingSection: c.crossCuttingSection,
      text: c.text,
      owner: c.owner,
      status: c.status,
      rag: c.rag,
      progressPercent: c.progressPercent,
      dueDate: c.dueDate,
      statusOverrideReason: c.statusOverrideReason,
      latestNote: noteAt(notes, c.id, asAt),
    })),
    actions: state.actions.map((a) => ({
      id: a.id,
      commitmentId: a.commitmentId,
      title: a.title,
      owner: a.owner,
      status: a.status,
      rag: a.rag,
      progressPercent: a.progressPercent,
      dueDate: a.dueDate,
      archivedAt: a.archivedAt,
      latestNote: noteAt(notes, a.id, asAt),
    })),
  };
}
