// Milestones: dated steps within a delivery action.
import {
  archiveMilestone,
  completeMilestone,
  createMilestone,
  updateMilestone,
} from '@plan-tracker/db';
import { MilestoneInputSchema } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { NotFoundError } from '../errors.js';
import { actorOf, assertMay, idOf, organisationOf, unwrap, WRITE_ERRORS } from './write.js';

export const MilestoneRef = builder.prismaNode('Milestone', {
  description: 'A dated step within a delivery action.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, action: { commitment: { plan: visiblePlanWhere(ctx.caller) } } }),
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What marks the step.' }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due.' }),
    completedOn: t.field({
      type: 'Date',
      nullable: true,
      description: "When it was reached; null if not reached by the plan's date.",
      resolve: (m, _args, ctx) =>
        m.completedOn && (!ctx.asAt || m.completedOn.toISOString().slice(0, 10) <= ctx.asAt)
          ? m.completedOn
          : null,
    }),
    action: t.relation('action', { description: 'The delivery action.' }),
    version: t.int({
      nullable: true,
      description: 'Version for optimistic concurrency. Staff of the organisation only.',
      authScopes: (m) => ({ staffOf: m.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (m) => m.version,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Writes

const MilestoneInput = builder.inputType('MilestoneInput', {
  description:
    "A new milestone of a delivery action. Validated by the domain's MilestoneInputSchema.",
  validate: MilestoneInputSchema,
  fields: (t) => ({
    actionId: t.id({ required: true, description: 'The delivery action (global ID).' }),
    title: t.string({ required: true, description: 'What marks the step.' }),
    dueDate: t.field({ type: 'Date', required: true, description: 'When it is due.' }),
    completedOn: t.field({ type: 'Date', description: 'When it was reached, if already.' }),
  }),
});

async function actionOwners(ctx: Context, actionId: string, globalId: string) {
  const action = await prisma().deliveryAction.findFirst({
    where: { id: actionId, organisationId: organisationOf(ctx) },
    select: { organisationId: true, owner: true, commitment: { select: { owner: true } } },
  });
  if (!action) throw new NotFoundError('DeliveryAction', globalId);
  return {
    organisationId: action.organisationId,
    owner: action.owner,
    parentOwner: action.commitment.owner,
  };
}

/** The milestone's database id, once the caller may edit it (its action's owners decide). */
async function milestoneForWrite(ctx: Context, globalId: string): Promise<string> {
  const id = idOf(globalId, 'Milestone');
  const milestone = await prisma().milestone.findFirst({
    where: { id, organisationId: organisationOf(ctx) },
    select: { actionId: true },
  });
  if (!milestone) throw new NotFoundError('Milestone', globalId);
  assertMay(ctx, 'editWork', await actionOwners(ctx, milestone.actionId, globalId));
  return id;
}

builder.mutationField('createMilestone', (t) =>
  t.prismaField({
    type: MilestoneRef,
    description:
      'Adds a milestone to a delivery action. Editors and admins; contributors on actions they own.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: MilestoneInput, required: true, description: 'The milestone.' }) },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const actionId = idOf(String(args.input.actionId), 'DeliveryAction');
      assertMay(ctx, 'editWork', await actionOwners(ctx, actionId, String(args.input.actionId)));
      const { record } = await unwrap(
        createMilestone(prisma(), actor, {
          input: { ...(args.input as Parameters<typeof createMilestone>[2]['input']), actionId },
        }),
      );
      return prisma().milestone.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);

builder.mutationField('completeMilestone', (t) =>
  t.prismaField({
    type: MilestoneRef,
    description: 'Marks a milestone reached. Editors and admins; contributors on actions they own.',
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The milestone (global ID).' }),
      expectedVersion: t.arg.int({ required: true, description: 'The `version` you read.' }),
      completedOn: t.arg({ type: 'Date', description: 'When it was reached; today when omitted.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const id = await milestoneForWrite(ctx, String(args.id));
      await unwrap(
        completeMilestone(prisma(), actor, {
          id,
          expectedVersion: args.expectedVersion,
          completedOn: args.completedOn ?? undefined,
        }),
      );
      return prisma().milestone.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

// The patch is validated by the db service with the domain's MilestonePatchSchema; its issues
// come back as ValidationError on `["input", field]`.
const UpdateMilestoneInput = builder.inputType('UpdateMilestoneInput', {
  description: "A change to a milestone; at least one field. Validated by the domain's rules.",
  fields: (t) => ({
    title: t.string({ description: 'What marks the step.' }),
    dueDate: t.field({ type: 'Date', description: 'When it is due.' }),
    completedOn: t.field({ type: 'Date', description: 'When it was reached; null reopens it.' }),
  }),
});

builder.mutationField('updateMilestone', (t) =>
  t.prismaField({
    type: MilestoneRef,
    description:
      "Changes a milestone's title, due date or completion date. Editors and admins; contributors on actions they own.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The milestone (global ID).' }),
      expectedVersion: t.arg.int({ required: true, description: 'The `version` you read.' }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date the change is true from; today when omitted.',
      }),
      note: t.arg.string({ description: 'A note for the history.' }),
      input: t.arg({ type: UpdateMilestoneInput, required: true, description: 'The change.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const id = await milestoneForWrite(ctx, String(args.id));
      await unwrap(
        updateMilestone(prisma(), actor, {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
          input: args.input as Parameters<typeof updateMilestone>[2]['input'],
        }),
      );
      return prisma().milestone.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('archiveMilestone', (t) =>
  t.prismaField({
    type: MilestoneRef,
    description:
      'Archives a milestone: it leaves its action but keeps its history. Editors and admins; contributors on actions they own.',
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The milestone (global ID).' }),
      expectedVersion: t.arg.int({ required: true, description: 'The `version` you read.' }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date it leaves the plan from; today when omitted.',
      }),
      note: t.arg.string({ description: 'Why, for the history.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const id = await milestoneForWrite(ctx, String(args.id));
      await unwrap(
        archiveMilestone(prisma(), actor, {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
        }),
      );
      return prisma().milestone.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
