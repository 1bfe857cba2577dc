// Changing the status, RAG, owner, dates or progress of a commitment or a delivery action.
import { type IsoDate, StatusChangeInputSchema } from '@plan-tracker/domain';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { syncCommitmentFigures } from './derived.js';
import { type ServiceResult, zodValidationError } from './errors.js';
import {
  ACTION_STATE_FIELDS,
  type ActionRecord,
  COMMITMENT_STATE_FIELDS,
  type CommitmentRecord,
} from './records.js';
import {
  assertVersion,
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
  effectiveFrom,
  rejectIssues,
  runWrite,
  type VersionedArgs,
} from './write.js';

export interface StatusChangeArgs {
  readonly id: string;
  readonly expectedVersion: number;
  /** The date the change is true from; today in Europe/London when omitted. */
  readonly effectiveOn?: IsoDate | undefined;
  /** The domain's `StatusChangeInput` (validated here again). */
  readonly input: z.input<typeof StatusChangeInputSchema>;
}

/** The saved record and the id of the history entry that records the change. */
export interface Changed<T> {
  readonly record: T;
  readonly historyId: string;
}

/**
 * Changes a commitment's status, RAG, owner, dates or progress. Setting status, RAG or progress
 * on a commitment that has delivery actions overrides their roll-up and needs `input.reason`
 * (kept as `statusOverrideReason`).
 */
export function changeCommitmentStatus(
  prisma: PrismaClient,
  actor: Actor,
  args: StatusChangeArgs,
): Promise<ServiceResult<Changed<CommitmentRecord>>> {
  return changeStatus(prisma, actor, 'Commitment', args) as Promise<
    ServiceResult<Changed<CommitmentRecord>>
  >;
}

/** Changes a delivery action's status, RAG, owner, dates or progress. */
export function changeActionStatus(
  prisma: PrismaClient,
  actor: Actor,
  args: StatusChangeArgs,
): Promise<ServiceResult<Changed<ActionRecord>>> {
  return changeStatus(prisma, actor, 'DeliveryAction', args) as Promise<
    ServiceResult<Changed<ActionRecord>>
  >;
}

async function changeStatus(
  prisma: PrismaClient,
  actor: Actor,
  kind: SubjectKind,
  args: StatusChangeArgs,
): Promise<ServiceResult<Changed<SubjectState>>> {
  const invalid = rejectIssues(commonIssues(args));
  if (invalid) return invalid;
  const parsed = StatusChangeInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const { reason, note, ...change } = parsed.data;
  const effective = effectiveFrom(args.effectiveOn);

  return runWrite(prisma, async (tx) => {
    const subject = await loadSubject(tx, actor, kind, args.id);
    authorise(actor, 'editWork', subject.ownership);
    assertVersion(kind, { ...subject.record }, args.expectedVersion);
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const next = mergeFigures(subject, change, {
      reason: reason ?? null,
      effectiveOn: effective.effectiveOn,
    });
    const record = await saveSubject(tx, actor, subject, next, args.expectedVersion);
    const fields = kind === 'Commitment' ? COMMITMENT_STATE_FIELDS : ACTION_STATE_FIELDS;
    const diff = changedFields(subject.record, record, fields as readonly (keyof SubjectState)[]);
    const historyId = await appendHistory(tx, actor, {
      planId: subject.planId,
      entityType: kind,
      entityId: record.id,
      action: 'status',
      effective,
      ...diff,
      note: noteWithReason(reason, note),
    });
    if (kind === 'DeliveryAction') {
      await syncCommitmentFigures(
        tx,
        actor,
        subject.commitmentId,
        effective,
        `“${(record as ActionRecord).title}” changed`,
      );
    }
    return { record, historyId };
  });
}

/** A history note that keeps the reason for a change as well as any note. */
export function noteWithReason(
  reason: string | null | undefined,
  note: string | null | undefined,
): string | null {
  const why = cleanNote(reason);
  const what = cleanNote(note);
  if (why && what) return `Reason: ${why}\n${what}`;
  if (why) return `Reason: ${why}`;
  return what;
}

/**
 * Hands a commitment's figures back to its delivery actions: clears the reason staff gave for
 * setting them (`statusOverrideReason`). Its own stored figures stay, for the record.
 */
export async function clearCommitmentOverride(
  prisma: PrismaClient,
  actor: Actor,
  args: VersionedArgs,
): Promise<ServiceResult<Changed<CommitmentRecord>>> {
  const invalid = rejectIssues(commonIssues(args));
  if (invalid) return invalid;
  const effective = effectiveFrom(args.effectiveOn);
  return runWrite(prisma, async (tx) => {
    const subject = await loadSubject(tx, actor, 'Commitment', args.id);
    authorise(actor, 'editWork', subject.ownership);
    assertVersion('Commitment', { ...subject.record }, args.expectedVersion);
    if (subject.kind !== 'Commitment' || !subject.record.statusOverrideReason) {
      abortInvalid([], 'This commitment’s figures already roll up from its delivery actions.');
    }
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const next = { ...subject.record, statusOverrideReason: null };
    const record = (await saveSubject(
      tx,
      actor,
      subject,
      next,
      args.expectedVersion,
    )) as CommitmentRecord;
    const historyId = await appendHistory(tx, actor, {
      planId: subject.planId,
      entityType: 'Commitment',
      entityId: record.id,
      action: 'status',
      effective,
      ...changedFields(subject.record, record, COMMITMENT_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    const rolledUp = await syncCommitmentFigures(
      tx,
      actor,
      record.id,
      effective,
      'staff handed its figures back to them',
    );
    return { record: rolledUp ?? record, historyId };
  });
}
