// Adding a dated progress update to a commitment or a delivery action.
import {
  type IsoDate,
  type ProgressUpdateInputRaw,
  ProgressUpdateInputSchema,
  quarterOf,
  updateEffectiveOn,
} from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { fromDbDate, toDbDate } from './dates.js';
import { syncCommitmentFigures } from './derived.js';
import { type ServiceResult, zodValidationError } from './errors.js';
import {
  ACTION_STATE_FIELDS,
  COMMITMENT_STATE_FIELDS,
  type ProgressUpdateRecord,
  progressUpdateRecord,
} from './records.js';
import {
  assertVersion,
  type FigureChange,
  type LoadedSubject,
  loadSubject,
  mergeFigures,
  type SubjectKind,
  type SubjectState,
  saveSubject,
} from './subject.js';
import {
  abortInvalid,
  appendHistory,
  assertPeriodsOpen,
  authorise,
  changedFields,
  cleanNote,
  commonIssues,
  type Effective,
  rejectIssues,
  runWrite,
  type Tx,
} from './write.js';

/** What an update is about. */
export interface SubjectRef {
  readonly type: SubjectKind;
  readonly id: string;
}

export interface ProgressUpdateArgs {
  readonly subject: SubjectRef;
  /** The subject's version as the caller read it. */
  readonly expectedVersion: number;
  /** The domain's `ProgressUpdateInput`; `recordedOn` is the date the update is true from. */
  readonly input: ProgressUpdateInputRaw;
  /**
   * Needed when the update reopens completed or revives withdrawn work, or sets the figures of
   * a commitment that has delivery actions.
   */
  readonly reason?: string | undefined;
}

export interface ProgressUpdateAdded {
  readonly update: ProgressUpdateRecord;
  /** The commitment or action after the update's figures were applied. */
  readonly subject: SubjectState;
  readonly historyId: string;
}

/**
 * Appends a progress update (statuses, RAG and progress before and after, narrative, evidence)
 * and applies its figures, and any change of owner or dates made with it, to the commitment or
 * action, with the same checks as a status change: one write for the whole update form.
 * The update's own period and the quarter of `recordedOn` must both be open.
 *
 * An update recorded after its quarter ended (the normal cycle: a quarter's updates are written
 * in the weeks after it) holds from the quarter's last day (domain `updateEffectiveOn`), so the
 * quarter's report and "as at" its end show it. Such a late update is refused when the work has
 * changed since that day (a later update, a change of figures, or the work created after it):
 * applying it would overwrite what was reported afterwards. Record it for the later quarter.
 */
export async function addProgressUpdate(
  prisma: PrismaClient,
  actor: Actor,
  args: ProgressUpdateArgs,
): Promise<ServiceResult<ProgressUpdateAdded>> {
  const invalid = rejectIssues(
    commonIssues({ id: args.subject?.id, expectedVersion: args.expectedVersion }).map((issue) =>
      issue.path[0] === 'id' ? { ...issue, path: ['subject', 'id'] } : issue,
    ),
  );
  if (invalid) return invalid;
  const parsed = ProgressUpdateInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  const recordedOn: IsoDate = input.recordedOn;
  const effective: Effective = {
    effectiveOn: updateEffectiveOn(input.period, recordedOn),
    period: input.period,
  };
  const reason = cleanNote(args.reason);

  return runWrite(prisma, async (tx) => {
    const subject = await loadSubject(tx, actor, args.subject.type, args.subject.id);
    authorise(actor, 'addUpdate', subject.ownership);
    const details = {
      owner: input.owner,
      startDate: input.startDate,
      dueDate: input.dueDate,
    } satisfies FigureChange;
    const record0 = subject.record;
    if (
      (details.owner !== undefined && details.owner !== record0.owner) ||
      (details.startDate !== undefined && details.startDate !== record0.startDate) ||
      (details.dueDate !== undefined && details.dueDate !== record0.dueDate)
    ) {
      // Changing who owns the work or when it is due is editing it, not only reporting on it.
      authorise(actor, 'editWork', subject.ownership);
    }
    assertVersion(subject.kind, { ...subject.record }, args.expectedVersion);
    await assertPeriodsOpen(tx, actor.organisationId, [input.period, quarterOf(recordedOn).label]);
    if (effective.effectiveOn < recordedOn) await assertUnchangedSince(tx, subject, effective);
    const next = mergeFigures(
      subject,
      {
        status: input.statusAfter,
        rag: input.ragAfter,
        progressPercent: input.progressAfter,
        ...details,
      },
      {
        reason,
        effectiveOn: effective.effectiveOn,
        paths: { status: 'statusAfter', rag: 'ragAfter', progressPercent: 'progressAfter' },
      },
    );
    const record = await saveSubject(tx, actor, subject, next, args.expectedVersion);
    const before = subject.record;
    const row = await tx.progressUpdate.create({
      data: {
        organisationId: actor.organisationId,
        commitmentId: subject.commitmentId,
        actionId: subject.kind === 'DeliveryAction' ? subject.record.id : null,
        period: input.period,
        recordedOn: toDbDate(recordedOn),
        author: actor.label,
        statusBefore: before.status,
        statusAfter: record.status,
        ragBefore: before.rag,
        ragAfter: record.rag,
        progressBefore: before.progressPercent,
        progressAfter: record.progressPercent,
        narrative: input.narrative,
        evidence: input.evidence,
      },
    });
    const fields = subject.kind === 'Commitment' ? COMMITMENT_STATE_FIELDS : ACTION_STATE_FIELDS;
    const diff = changedFields(before, record, fields as readonly (keyof SubjectState)[]);
    const historyId = await appendHistory(tx, actor, {
      planId: subject.planId,
      entityType: subject.kind,
      entityId: record.id,
      action: 'progress-update',
      effective,
      before: diff.before,
      after: { ...diff.after, progressUpdateId: row.id },
      note: reason ? `Reason: ${reason}\n${input.narrative}` : input.narrative,
    });
    if (subject.kind === 'DeliveryAction') {
      await syncCommitmentFigures(
        tx,
        actor,
        subject.commitmentId,
        effective,
        `an update on “${subject.record.title}”`,
      );
    }
    return { update: progressUpdateRecord(row), subject: record, historyId };
  });
}

/**
 * Aborts when the commitment or action has history dated after `effective` (an update for the
 * quarter after the one a late update is for, a change of figures, its creation): the late
 * update would overwrite what was recorded since. Names what changed and when.
 */
async function assertUnchangedSince(
  tx: Tx,
  subject: LoadedSubject,
  effective: Effective,
): Promise<void> {
  const later = await tx.auditLog.findFirst({
    where: {
      entityType: subject.kind,
      entityId: subject.record.id,
      effectiveOn: { gt: toDbDate(effective.effectiveOn) },
    },
    orderBy: [{ effectiveOn: 'asc' }, { sequence: 'asc' }],
    select: { action: true, effectiveOn: true },
  });
  if (!later?.effectiveOn) return;
  const what = subject.kind === 'Commitment' ? 'This commitment' : 'This delivery action';
  const change = later.action === 'create' ? 'was created' : 'has changed';
  abortInvalid(
    ['input', 'period'],
    `${what} ${change} since ${effective.period} ended (on ${fromDbDate(later.effectiveOn)}), so an update for ${effective.period} would overwrite what was recorded after it. Record the update for a later quarter.`,
  );
}
