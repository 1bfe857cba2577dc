// Creating, editing and archiving delivery actions. Their status and figures change through
// changeActionStatus and addProgressUpdate, the paths that check lifecycle transitions.
import {
  DeliveryActionInputSchema,
  DeliveryActionPatchSchema,
  figureIssues,
  type IsoDate,
} from '@plan-tracker/domain';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { toDbDateOrNull } from './dates.js';
import { syncCommitmentFigures } from './derived.js';
import {
  notFoundError,
  type ServiceResult,
  validationError,
  zodValidationError,
} from './errors.js';
import { ACTION_STATE_FIELDS, type ActionRecord, actionRecord } from './records.js';
import type { Changed } from './status.js';
import { abortWithCurrent, assertVersion, loadAction, lockCommitment } from './subject.js';
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
  pickFields,
  rejectIssues,
  runWrite,
  type Tx,
  type VersionedArgs,
} from './write.js';

export interface CreateActionArgs {
  /** The domain's `DeliveryActionInput` (validated here again). */
  readonly input: z.input<typeof DeliveryActionInputSchema>;
  /** The date the action exists from (history and "as at" reads); today when omitted. */
  readonly effectiveOn?: IsoDate | undefined;
  readonly note?: string | null | undefined;
}

/** Adds a delivery action under a commitment of the actor's organisation. */
export async function createAction(
  prisma: PrismaClient,
  actor: Actor,
  args: CreateActionArgs,
): Promise<ServiceResult<Changed<ActionRecord>>> {
  const invalid = rejectIssues(commonIssues({ effectiveOn: args.effectiveOn, note: args.note }));
  if (invalid) return invalid;
  const parsed = DeliveryActionInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  const effective = effectiveFrom(args.effectiveOn);
  const completedOn =
    input.status === 'COMPLETED' ? (input.completedOn ?? effective.effectiveOn) : null;

  return runWrite(prisma, async (tx) => {
    await lockCommitment(tx, actor, input.commitmentId);
    const commitment = await tx.commitment.findFirst({
      where: { id: input.commitmentId, organisationId: actor.organisationId },
      select: { id: true, planId: true, organisationId: true, owner: true },
    });
    if (!commitment) abort(notFoundError('Commitment', input.commitmentId));
    authorise(actor, 'editStructure', commitment);
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const row = await tx.deliveryAction.create({
      data: {
        organisationId: actor.organisationId,
        commitmentId: commitment.id,
        title: input.title,
        description: input.description,
        owner: input.owner,
        status: input.status,
        rag: input.rag,
        startDate: toDbDateOrNull(input.startDate),
        dueDate: toDbDateOrNull(input.dueDate),
        completedOn: toDbDateOrNull(completedOn),
        progressPercent: input.progressPercent,
      },
    });
    const record = actionRecord(row);
    const historyId = await appendHistory(tx, actor, {
      planId: commitment.planId,
      entityType: 'DeliveryAction',
      entityId: record.id,
      action: 'create',
      effective,
      before: null,
      after: pickFields(record, ACTION_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    await syncCommitmentFigures(tx, actor, commitment.id, effective, `“${record.title}” added`);
    return { record, historyId };
  });
}

export interface UpdateActionArgs extends VersionedArgs {
  /** The domain's `DeliveryActionPatch`: title, description, owner, dates. */
  readonly input: z.input<typeof DeliveryActionPatchSchema>;
}

/** Edits a delivery action's details (not its status: see changeActionStatus). */
export async function updateAction(
  prisma: PrismaClient,
  actor: Actor,
  args: UpdateActionArgs,
): Promise<ServiceResult<Changed<ActionRecord>>> {
  const invalid = rejectIssues(commonIssues(args));
  if (invalid) return invalid;
  const parsed = DeliveryActionPatchSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const patch = Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  );
  const effective = effectiveFrom(args.effectiveOn);

  return runWrite(prisma, async (tx) => {
    const { record: current, planId, ownership } = await loadAction(tx, actor, args.id);
    authorise(actor, 'editStructure', ownership);
    assertVersion('DeliveryAction', { ...current }, args.expectedVersion);
    if (current.archivedAt) abortInvalid([], 'This delivery action is archived and cannot change.');
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const next: ActionRecord = { ...current, ...patch };
    const issues = figureIssues(next);
    if (issues.length > 0) {
      abort(validationError(issues.map((i) => ({ path: [...i.path], message: i.message }))));
    }
    const record = await saveAction(tx, actor, args.id, args.expectedVersion, {
      title: next.title,
      description: next.description,
      owner: next.owner,
      startDate: toDbDateOrNull(next.startDate),
      dueDate: toDbDateOrNull(next.dueDate),
    });
    const historyId = await appendHistory(tx, actor, {
      planId,
      entityType: 'DeliveryAction',
      entityId: record.id,
      action: 'update',
      effective,
      ...changedFields(current, record, ACTION_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    // Its owner and due date may be what its commitment shows (the lead owner, the soonest).
    await syncCommitmentFigures(
      tx,
      actor,
      record.commitmentId,
      effective,
      `“${record.title}” edited`,
    );
    return { record, historyId };
  });
}

/**
 * Archives a delivery action: it leaves roll-ups and lists but keeps its history and updates.
 * Archiving is how an action is removed; nothing is deleted.
 */
export async function archiveAction(
  prisma: PrismaClient,
  actor: Actor,
  args: VersionedArgs,
): Promise<ServiceResult<Changed<ActionRecord>>> {
  const invalid = rejectIssues(commonIssues(args));
  if (invalid) return invalid;
  const effective = effectiveFrom(args.effectiveOn);

  return runWrite(prisma, async (tx) => {
    const { record: current, planId, ownership } = await loadAction(tx, actor, args.id);
    authorise(actor, 'editStructure', ownership);
    assertVersion('DeliveryAction', { ...current }, args.expectedVersion);
    if (current.archivedAt) abortInvalid([], 'This delivery action is already archived.');
    await assertPeriodsOpen(tx, actor.organisationId, [effective.period]);
    const record = await saveAction(tx, actor, args.id, args.expectedVersion, {
      archivedAt: new Date(),
    });
    const historyId = await appendHistory(tx, actor, {
      planId,
      entityType: 'DeliveryAction',
      entityId: record.id,
      action: 'archive',
      effective,
      ...changedFields(current, record, ACTION_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    await syncCommitmentFigures(
      tx,
      actor,
      record.commitmentId,
      effective,
      `“${record.title}” archived`,
    );
    return { record, historyId };
  });
}

async function saveAction(
  tx: Tx,
  actor: Actor,
  id: string,
  expectedVersion: number,
  data: Parameters<Tx['deliveryAction']['updateMany']>[0]['data'],
): Promise<ActionRecord> {
  const { count } = await tx.deliveryAction.updateMany({
    where: { id, organisationId: actor.organisationId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) await abortWithCurrent(tx, actor, 'DeliveryAction', id, expectedVersion);
  return actionRecord(await tx.deliveryAction.findUniqueOrThrow({ where: { id } }));
}
