// Creating, editing, completing and archiving the milestones of a delivery action.
import {
  type IsoDate,
  IsoDateSchema,
  MilestoneInputSchema,
  MilestonePatchSchema,
} from '@plan-tracker/domain';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { toDbDate, toDbDateOrNull } from './dates.js';
import {
  conflictError,
  fail,
  invalidField,
  notFoundError,
  type ServiceResult,
  zodValidationError,
} from './errors.js';
import { MILESTONE_STATE_FIELDS, type MilestoneRecord, milestoneRecord } from './records.js';
import type { Changed } from './status.js';
import { loadAction } from './subject.js';
import {
  abort,
  abortInvalid,
  appendHistory,
  assertPeriodsOpen,
  authorise,
  changedFields,
  cleanNote,
  commonIssues,
  effectiveFrom,
  type HistoryAction,
  pickFields,
  rejectIssues,
  runWrite,
  type Tx,
  type VersionedArgs,
} from './write.js';

export interface CreateMilestoneArgs {
  /** The domain's `MilestoneInput`. */
  readonly input: z.input<typeof MilestoneInputSchema>;
  readonly effectiveOn?: IsoDate | undefined;
  readonly note?: string | null | undefined;
}

/** Adds a milestone to a delivery action that is not archived. */
export async function createMilestone(
  prisma: PrismaClient,
  actor: Actor,
  args: CreateMilestoneArgs,
): Promise<ServiceResult<Changed<MilestoneRecord>>> {
  const invalid = rejectIssues(commonIssues({ effectiveOn: args.effectiveOn, note: args.note }));
  if (invalid) return invalid;
  const parsed = MilestoneInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  const effective = effectiveFrom(args.effectiveOn);

  return runWrite(prisma, async (tx) => {
    const action = await loadAction(tx, actor, input.actionId);
    authorise(actor, 'editWork', action.ownership);
    if (action.record.archivedAt) abortInvalid(['actionId'], 'This delivery action is archived.');
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const row = await tx.milestone.create({
      data: {
        organisationId: actor.organisationId,
        actionId: action.record.id,
        title: input.title,
        dueDate: toDbDate(input.dueDate),
        completedOn: toDbDateOrNull(input.completedOn),
      },
    });
    const record = milestoneRecord(row);
    const historyId = await appendHistory(tx, actor, {
      planId: action.planId,
      entityType: 'Milestone',
      entityId: record.id,
      action: 'create',
      effective,
      before: null,
      after: pickFields(record, MILESTONE_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    return { record, historyId };
  });
}

export interface UpdateMilestoneArgs extends VersionedArgs {
  readonly input: z.input<typeof MilestonePatchSchema>;
}

/** Edits a milestone's title, due date or completion date. */
export async function updateMilestone(
  prisma: PrismaClient,
  actor: Actor,
  args: UpdateMilestoneArgs,
): Promise<ServiceResult<Changed<MilestoneRecord>>> {
  const parsed = MilestonePatchSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const patch = parsed.data;
  return changeMilestone(prisma, actor, args, 'update', () => ({
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.dueDate !== undefined && { dueDate: toDbDate(patch.dueDate) }),
    ...(patch.completedOn !== undefined && { completedOn: toDbDateOrNull(patch.completedOn) }),
  }));
}

export interface CompleteMilestoneArgs extends VersionedArgs {
  /** When it was completed; the effective date (today) when omitted. */
  readonly completedOn?: IsoDate | undefined;
}

/** Marks a milestone completed. */
export async function completeMilestone(
  prisma: PrismaClient,
  actor: Actor,
  args: CompleteMilestoneArgs,
): Promise<ServiceResult<Changed<MilestoneRecord>>> {
  const date = args.completedOn === undefined ? null : IsoDateSchema.safeParse(args.completedOn);
  if (date && !date.success)
    return fail(invalidField(['completedOn'], date.error.issues[0]?.message ?? ''));
  return changeMilestone(prisma, actor, args, 'complete', (current, effectiveOn) => {
    if (current.completedOn) {
      abortInvalid([], `This milestone was already completed on ${current.completedOn}.`);
    }
    return { completedOn: toDbDate(args.completedOn ?? effectiveOn) };
  });
}

/** Archives a milestone; it keeps its history. */
export async function archiveMilestone(
  prisma: PrismaClient,
  actor: Actor,
  args: VersionedArgs,
): Promise<ServiceResult<Changed<MilestoneRecord>>> {
  return changeMilestone(prisma, actor, args, 'archive', (current) => {
    if (current.archivedAt) abortInvalid([], 'This milestone is already archived.');
    return { archivedAt: new Date() };
  });
}

type MilestoneData = Parameters<Tx['milestone']['updateMany']>[0]['data'];

async function changeMilestone(
  prisma: PrismaClient,
  actor: Actor,
  args: VersionedArgs,
  action: HistoryAction,
  change: (current: MilestoneRecord, effectiveOn: IsoDate) => MilestoneData,
): Promise<ServiceResult<Changed<MilestoneRecord>>> {
  const invalid = rejectIssues(commonIssues(args));
  if (invalid) return invalid;
  const effective = effectiveFrom(args.effectiveOn);
  return runWrite(prisma, async (tx) => {
    const where = { id: args.id, organisationId: actor.organisationId };
    const found = await tx.milestone.findFirst({ where, select: { actionId: true } });
    if (!found) abort(notFoundError('Milestone', args.id));
    const parent = await loadAction(tx, actor, found.actionId);
    authorise(actor, 'editWork', parent.ownership);
    const row = await tx.milestone.findFirst({ where });
    if (!row) abort(notFoundError('Milestone', args.id));
    const current = milestoneRecord(row);
    if (current.version !== args.expectedVersion) {
      abort(conflictError('Milestone', args.id, args.expectedVersion, { ...current }));
    }
    if (current.archivedAt && action !== 'archive') {
      abortInvalid([], 'This milestone is archived and cannot change.');
    }
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const data = change(current, effective.effectiveOn);
    const { count } = await tx.milestone.updateMany({
      where: { ...where, version: args.expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    const record = milestoneRecord(
      await tx.milestone.findUniqueOrThrow({ where: { id: args.id } }),
    );
    if (count === 0)
      abort(conflictError('Milestone', args.id, args.expectedVersion, { ...record }));
    const historyId = await appendHistory(tx, actor, {
      planId: parent.planId,
      entityType: 'Milestone',
      entityId: record.id,
      action,
      effective,
      ...changedFields(current, record, MILESTONE_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    return { record, historyId };
  });
}
