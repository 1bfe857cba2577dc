// Closing and reopening reporting periods. Once a period is closed, every write dated in it
// (and every progress update or measure value filed for it) is refused with PERIOD_CLOSED.
// Quarters close in order (each after the one before it) and reopen in reverse order (only the
// latest closed one), so "closed" always means "every quarter up to here is final". Closing
// stores each plan's report of the quarter in the archive (report/archive.ts), in the same
// transaction; reopening marks those stored reports superseded.
import {
  PeriodLabelSchema,
  periodFromLabel,
  planQuarters,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { storeQuarterReports, supersedeQuarterReports } from '../report/archive.js';
import type { Actor } from './actor.js';
import { fromDbDate, toDbDate } from './dates.js';
import {
  conflictError,
  notFoundError,
  type ServiceResult,
  type ValidationIssue,
} from './errors.js';
import { type ReportingPeriodRecord, reportingPeriodRecord } from './records.js';
import type { Changed } from './status.js';
import {
  abort,
  abortInvalid,
  appendHistory,
  authorise,
  cleanNote,
  commonIssues,
  effectiveFrom,
  isUniqueViolation,
  rejectIssues,
  runWrite,
  type Tx,
} from './write.js';

export interface ClosePeriodArgs {
  /** e.g. `2021/22 Q2` */
  readonly label: string;
  /** The period's version as read; omit (or `null`) when it has no row yet. */
  readonly expectedVersion?: number | null | undefined;
  readonly note?: string | null | undefined;
  /**
   * Close every earlier quarter of the organisation's plans that is still open first, oldest
   * first, each storing its reports. Without it, an earlier open quarter is a validation error
   * that names it: quarters close in order.
   */
  readonly closeEarlier?: boolean | undefined;
}

/** A closed period, with the earlier ones closed with it (`closeEarlier`), oldest first. */
export interface PeriodClosed extends Changed<ReportingPeriodRecord> {
  readonly alsoClosed: readonly ReportingPeriodRecord[];
}

/** Closing stores a report per plan per quarter; a long run of quarters takes a while. */
const CLOSE_TIMEOUT_MS = 300_000;

/**
 * Closes a reporting period of the actor's organisation, creating its row if needed, and
 * stores each of the organisation's plans' reports of the quarter (report/archive.ts).
 */
export async function closeReportingPeriod(
  prisma: PrismaClient,
  actor: Actor,
  args: ClosePeriodArgs,
): Promise<ServiceResult<PeriodClosed>> {
  const invalid = rejectIssues([
    ...labelIssues(args.label),
    ...commonIssues({
      note: args.note,
      ...(args.expectedVersion != null && { expectedVersion: args.expectedVersion }),
    }),
  ]);
  if (invalid) return invalid;
  const ends = periodFromLabel(args.label).endDate;
  if (ends >= todayInPlanTimeZone()) {
    return rejectIssues([
      {
        path: ['label'],
        message: `${args.label} has not ended yet (its last day is ${ends}): a quarter closes once its updates are in.`,
      },
    ]) as ServiceResult<never>;
  }
  const expectedVersion = args.expectedVersion ?? null;
  const note = cleanNote(args.note);
  try {
    return await runWrite(
      prisma,
      async (tx) => {
        authorise(actor, 'closePeriod', { organisationId: actor.organisationId });
        const earlier = await openEarlierQuarters(tx, actor, args.label);
        const [first] = earlier;
        if (first && !args.closeEarlier) {
          abortInvalid(
            ['label'],
            `Quarters close in order: close ${first} first (${earlier.length} earlier quarter${earlier.length === 1 ? ' is' : 's are'} still open), or close them all together.`,
          );
        }
        const alsoClosed: ReportingPeriodRecord[] = [];
        for (const label of earlier) {
          const current = await findPeriod(tx, actor, label);
          alsoClosed.push((await closeOne(tx, actor, label, current, note)).record);
        }
        const current = await findPeriod(tx, actor, args.label);
        if (current && current.version !== expectedVersion) {
          abort(conflictError('ReportingPeriod', current.id, expectedVersion, { ...current }));
        }
        if (current?.closedAt) abortInvalid(['label'], `${args.label} is already closed.`);
        return { ...(await closeOne(tx, actor, args.label, current, note)), alsoClosed };
      },
      { timeoutMs: CLOSE_TIMEOUT_MS },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.reportingPeriod.findFirst({
      where: { organisationId: actor.organisationId, label: args.label },
    });
    if (!winner) throw error;
    const current = reportingPeriodRecord(winner);
    return {
      ok: false,
      error: conflictError('ReportingPeriod', current.id, expectedVersion, { ...current }),
    };
  }
}

/** Closes one open quarter (creating its row when it has none), stores its reports, and records it. */
async function closeOne(
  tx: Tx,
  actor: Actor,
  label: string,
  current: ReportingPeriodRecord | null,
  note: string | null,
): Promise<Changed<ReportingPeriodRecord>> {
  let record: ReportingPeriodRecord;
  if (!current) {
    const quarter = periodFromLabel(label);
    record = reportingPeriodRecord(
      await tx.reportingPeriod.create({
        data: {
          organisationId: actor.organisationId,
          label: quarter.label,
          financialYear: quarter.financialYear,
          quarter: quarter.quarter,
          startDate: toDbDate(quarter.startDate),
          endDate: toDbDate(quarter.endDate),
          closedAt: new Date(),
        },
      }),
    );
  } else {
    record = await savePeriod(tx, current, { closedAt: new Date() });
  }
  const closedOn = todayInPlanTimeZone();
  const stored = await storeQuarterReports(tx, actor.organisationId, record.label, closedOn);
  const historyId = await appendHistory(tx, actor, {
    planId: null,
    entityType: 'ReportingPeriod',
    entityId: record.id,
    action: 'close',
    // The history entry belongs to the period it closes, whatever today's quarter is.
    effective: { ...effectiveFrom(undefined), period: record.label },
    before: current ? { closedAt: null } : null,
    after: {
      closedAt: record.closedAt,
      storedReports: stored.map((r) => ({ plan: r.planSlug, digest: r.digest })),
    },
    note,
  });
  return { record, historyId };
}

export interface ReopenPeriodArgs {
  readonly label: string;
  readonly expectedVersion: number;
  /** Why the period must change again; kept in history. */
  readonly reason: string;
}

/** Reopens a closed reporting period; needs a reason. */
export async function reopenReportingPeriod(
  prisma: PrismaClient,
  actor: Actor,
  args: ReopenPeriodArgs,
): Promise<ServiceResult<Changed<ReportingPeriodRecord>>> {
  const reason = cleanNote(args.reason);
  const invalid = rejectIssues([
    ...labelIssues(args.label),
    ...commonIssues({ expectedVersion: args.expectedVersion }),
    ...(reason ? [] : [{ path: ['reason'], message: 'Give a reason to reopen a closed period.' }]),
  ]);
  if (invalid) return invalid;
  return runWrite(prisma, async (tx) => {
    authorise(actor, 'reopenPeriod', { organisationId: actor.organisationId });
    const current = await findPeriod(tx, actor, args.label);
    if (!current) abort(notFoundError('ReportingPeriod', args.label));
    if (current.version !== args.expectedVersion) {
      abort(conflictError('ReportingPeriod', current.id, args.expectedVersion, { ...current }));
    }
    if (!current.closedAt) abortInvalid(['label'], `${args.label} is not closed.`);
    await assertLatestClosed(tx, actor, current);
    const record = await savePeriod(tx, current, { closedAt: null });
    const superseded = await supersedeQuarterReports(tx, actor.organisationId, record.label);
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'ReportingPeriod',
      entityId: record.id,
      action: 'reopen',
      effective: { ...effectiveFrom(undefined), period: record.label },
      before: { closedAt: current.closedAt },
      after: { closedAt: null, supersededReports: superseded },
      note: reason,
    });
    return { record, historyId };
  });
}

/**
 * The quarters before `label` that the organisation's plans run through and that are still
 * open, oldest first: quarters close in order, so these must close first.
 */
async function openEarlierQuarters(tx: Tx, actor: Actor, label: string): Promise<string[]> {
  const quarter = periodFromLabel(label);
  // Archived plans are no longer reported on: their quarters do not hold the others up.
  const plans = await tx.plan.findMany({
    where: { organisationId: actor.organisationId, archivedAt: null },
    select: { periodStart: true, periodEnd: true },
  });
  const earlier = new Map(
    plans
      .flatMap((p) => planQuarters(fromDbDate(p.periodStart), fromDbDate(p.periodEnd)))
      .filter((q) => q.startDate < quarter.startDate)
      .map((q) => [q.label, q.startDate] as const),
  );
  if (earlier.size === 0) return [];
  const closed = await tx.reportingPeriod.findMany({
    where: {
      organisationId: actor.organisationId,
      label: { in: [...earlier.keys()] },
      closedAt: { not: null },
    },
    select: { label: true },
  });
  for (const row of closed) earlier.delete(row.label);
  return [...earlier.entries()].sort((x, y) => x[1].localeCompare(y[1])).map(([l]) => l);
}

/** Aborts unless `current` is the organisation's latest closed quarter: they reopen in reverse order. */
async function assertLatestClosed(
  tx: Tx,
  actor: Actor,
  current: ReportingPeriodRecord,
): Promise<void> {
  const later = await tx.reportingPeriod.findFirst({
    where: {
      organisationId: actor.organisationId,
      closedAt: { not: null },
      startDate: { gt: toDbDate(current.startDate) },
    },
    orderBy: { startDate: 'desc' },
    select: { label: true },
  });
  if (later) {
    abortInvalid(
      ['label'],
      `Quarters reopen from the latest: reopen ${later.label} first, or record the change in an open quarter.`,
    );
  }
}

function labelIssues(label: unknown): ValidationIssue[] {
  const parsed = PeriodLabelSchema.safeParse(label);
  return parsed.success
    ? []
    : [{ path: ['label'], message: parsed.error.issues[0]?.message ?? 'Not a period label.' }];
}

async function findPeriod(
  tx: Tx,
  actor: Actor,
  label: string,
): Promise<ReportingPeriodRecord | null> {
  const row = await tx.reportingPeriod.findFirst({
    where: { organisationId: actor.organisationId, label },
  });
  return row && reportingPeriodRecord(row);
}

async function savePeriod(
  tx: Tx,
  current: ReportingPeriodRecord,
  data: { closedAt: Date | null },
): Promise<ReportingPeriodRecord> {
  const { count } = await tx.reportingPeriod.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  const record = reportingPeriodRecord(
    await tx.reportingPeriod.findUniqueOrThrow({ where: { id: current.id } }),
  );
  if (count === 0) {
    abort(conflictError('ReportingPeriod', current.id, current.version, { ...record }));
  }
  return record;
}
