// Milestones: dated steps within a delivery action.

import {
  archiveMilestone,
  completeMilestone,
  createMilestone,
  fromDbDateOrNull,
  updateMilestone,
} from '@plan-tracker/db';
import { happenedBy, MilestoneInputSchema } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { asAtOf } from '../plan/as-at.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

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
      resolve: (m, _args, ctx, info) =>
        happenedBy(fromDbDateOrNull(m.completedOn), asAtOf(ctx, info)) ? m.completedOn : null,
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

builder.mutationField('createMilestone', (t) =>
  t.prismaField({
    type: MilestoneRef,
    description:
      'Adds a milestone to a delivery action. Editors and admins; contributors on actions they own.',
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: MilestoneInput, required: true, description: 'The milestone.' }) },
    resolve: async (query, _root, args, ctx) => {
      const actionId = idOf(String(args.input.actionId), 'DeliveryAction');
      const { record } = await unwrap(
        createMilestone(prisma(ctx), actorOf(ctx), {
          input: { ...(args.input as Parameters<typeof createMilestone>[2]['input']), actionId },
        }),
      );
      return prisma(ctx).milestone.findUniqueOrThrow({ ...query, where: { id: record.id } });
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
      const id = idOf(String(args.id), 'Milestone');
      const actor = actorOf(ctx);
      await unwrap(
        completeMilestone(prisma(ctx), actor, {
          id,
          expectedVersion: args.expectedVersion,
          completedOn: args.completedOn ?? undefined,
        }),
      );
      return prisma(ctx).milestone.findUniqueOrThrow({ ...query, where: { id } });
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
      const id = idOf(String(args.id), 'Milestone');
      const actor = actorOf(ctx);
      await unwrap(
        updateMilestone(prisma(ctx), actor, {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
          input: args.input as Parameters<typeof updateMilestone>[2]['input'],
        }),
      );
      return prisma(ctx).milestone.findUniqueOrThrow({ ...query, where: { id } });
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
      const id = idOf(String(args.id), 'Milestone');
      const actor = actorOf(ctx);
      await unwrap(
        archiveMilestone(prisma(ctx), actor, {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
        }),
      );
      return prisma(ctx).milestone.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
