// Closing and reopening reporting periods. Once a period is closed, every write dated in it
// (and every progress update or measure value filed for it) is refused with PERIOD_CLOSED.
import { PeriodLabelSchema, periodFromLabel } from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { toDbDate } from './dates.js';
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
}

/** Closes a reporting period of the actor's organisation, creating its row if needed. */
export async function closeReportingPeriod(
  prisma: PrismaClient,
  actor: Actor,
  args: ClosePeriodArgs,
): Promise<ServiceResult<Changed<ReportingPeriodRecord>>> {
  const invalid = rejectIssues([
    ...labelIssues(args.label),
    ...commonIssues({
      note: args.note,
      ...(args.expectedVersion != null && { expectedVersion: args.expectedVersion }),
    }),
  ]);
  if (invalid) return invalid;
  const expectedVersion = args.expectedVersion ?? null;
  try {
    return await runWrite(prisma, async (tx) => {
      authorise(actor, 'closePeriod', { organisationId: actor.organisationId });
      const current = await findPeriod(tx, actor, args.label);
      let record: ReportingPeriodRecord;
      if (!current) {
        const quarter = periodFromLabel(args.label);
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
        if (current.version !== expectedVersion) {
          abort(conflictError('ReportingPeriod', current.id, expectedVersion, { ...current }));
        }
        if (current.closedAt) abortInvalid(['label'], `${args.label} is already closed.`);
        record = await savePeriod(tx, current, { closedAt: new Date() });
      }
      const historyId = await appendHistory(tx, actor, {
        planId: null,
        entityType: 'ReportingPeriod',
        entityId: record.id,
        action: 'close',
        // The history entry belongs to the period it closes, whatever today's quarter is.
        effective: { ...effectiveFrom(undefined), period: record.label },
        before: current ? { closedAt: null } : null,
        after: { closedAt: record.closedAt },
        note: cleanNote(args.note),
      });
      return { record, historyId };
    });
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
    const record = await savePeriod(tx, current, { closedAt: null });
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'ReportingPeriod',
      entityId: record.id,
      action: 'reopen',
      effective: { ...effectiveFrom(undefined), period: record.label },
      before: { closedAt: current.closedAt },
      after: { closedAt: null },
      note: reason,
    });
    return { record, historyId };
  });
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
