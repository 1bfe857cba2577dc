// Delivery actions: the delivery plan's units of work under a commitment; and the plan's
// filtered, ordered `actions` connection.

import {
  archiveAction,
  changeActionStatus,
  createAction,
  fromDbDateOrNull,
  type Prisma,
  updateAction,
} from '@plan-tracker/db';
import {
  canSeeInternal,
  DeliveryActionInputSchema,
  DeliveryActionPatchSchema,
  happenedBy,
  type IsoDate,
  isOverdue,
} from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { asAtOf } from '../plan/as-at.js';
import { contains, dueBetween, idsPassingFigures } from '../plan/filters.js';
import { planSnapshot, recordedByAsAt, withSnapshot } from '../plan/snapshot.js';
import { StatusChangeInput } from './commitment.js';
import { MilestoneRef } from './milestone.js';
import { LifecycleStatusEnum, RagEnum, SortDirectionEnum } from './scalars.js';
import { ProgressUpdateRef } from './update.js';
import { localId, type WorkFilterArgs, WorkFilterInput, workFilterFrom } from './work.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

const planIdSelect = { commitment: { select: { planId: true } } } as const;

export const DeliveryActionRef = builder.prismaNode('DeliveryAction', {
  description:
    'A unit of work in the delivery plan under one commitment, with its owner, dates and figures.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, commitment: { plan: visiblePlanWhere(ctx.caller) } }),
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What is to be done.' }),
    description: t.exposeString('description', { nullable: true, description: 'More detail.' }),
    owner: t.exposeString('owner', {
      nullable: true,
      description: 'Who does it: a role, team or partner organisation.',
    }),
    commitment: t.relation('commitment', { description: 'The commitment it delivers.' }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: "Lifecycle status (as at the plan's date).",
      select: planIdSelect,
      resolve: (a, _args, ctx, info) =>
        withSnapshot(
          ctx,
          a.commitment.planId,
          asAtOf(ctx, info),
          (s) => s.figures.get(a.id)?.status ?? a.status,
        ),
    }),
    rag: t.field({
      type: RagEnum,
      nullable: true,
      description: "RAG rating (as at the plan's date); null until first rated.",
      select: planIdSelect,
      resolve: (a, _args, ctx, info) =>
        withSnapshot(ctx, a.commitment.planId, asAtOf(ctx, info), (s) => {
          const figures = s.figures.get(a.id);
          return figures ? figures.rag : a.rag;
        }),
    }),
    progressPercent: t.int({
      description: "Progress, 0–100 (as at the plan's date).",
      select: planIdSelect,
      resolve: (a, _args, ctx, info) =>
        withSnapshot(
          ctx,
          a.commitment.planId,
          asAtOf(ctx, info),
          (s) => s.figures.get(a.id)?.progressPercent ?? a.progressPercent,
        ),
    }),
    startDate: t.expose('startDate', {
      type: 'Date',
      nullable: true,
      description: 'When work starts.',
    }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due.' }),
    completedOn: t.field({
      type: 'Date',
      nullable: true,
      description: "When it was completed; null if not completed by the plan's date.",
      resolve: (a, _args, ctx, info) =>
        happenedBy(fromDbDateOrNull(a.completedOn), asAtOf(ctx, info)) ? a.completedOn : null,
    }),
    overdue: t.boolean({
      description:
        "Due before the plan's date and neither completed nor withdrawn. Derived, never stored.",
      select: planIdSelect,
      resolve: (a, _args, ctx, info) =>
        withSnapshot(ctx, a.commitment.planId, asAtOf(ctx, info), (s) => {
          const figures = s.figures.get(a.id);
          return figures ? isOverdue(figures, s.asAt) : false;
        }),
    }),
    archivedAt: t.expose('archivedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When it was archived (left out of roll-ups). Internal: staff of the organisation only.',
      authScopes: (a) => ({ staffOf: a.organisationId }),
      unauthorizedResolver: () => null,
    }),
    version: t.int({
      nullable: true,
      description:
        'Version for optimistic concurrency: send it back with a change. Staff of the organisation only.',
      authScopes: (a) => ({ staffOf: a.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (a) => a.version,
    }),
    milestones: t.field({
      type: [MilestoneRef],
      description: 'Its milestones that are not archived, by due date.',
      complexity: { field: 1, multiplier: 4 },
      select: (_args, _ctx, nestedSelection) => ({
        milestones: nestedSelection({
          where: { archivedAt: null },
          orderBy: [{ dueDate: 'asc' as const }, { id: 'asc' as const }],
        }),
      }),
      resolve: (a) => a.milestones,
    }),
    updates: t.field({
      type: [ProgressUpdateRef],
      description:
        "Progress updates on it, newest first (as at the plan's date: recorded by then).",
      complexity: { field: 1, multiplier: 4 },
      select: (_args, _ctx, nestedSelection) => ({
        progressUpdates: nestedSelection({
          orderBy: [{ recordedOn: 'desc' as const }, { createdAt: 'desc' as const }],
        }),
      }),
      resolve: (a, _args, ctx, info) => recordedByAsAt(asAtOf(ctx, info), a.progressUpdates),
    }),
  }),
});

const ActionOrderField = builder.enumType('ActionOrderField', {
  description: 'What to order delivery actions by.',
  values: {
    DUE_DATE: { description: 'Due date, undated last.' },
    TITLE: { description: 'Title, alphabetically.' },
    PROGRESS: { description: 'Stored progress per cent.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

const ActionOrder = builder.inputType('ActionOrder', {
  description: 'An ordering of delivery actions.',
  fields: (t) => ({
    field: t.field({ type: ActionOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

interface ActionFilterArgs {
  work?: WorkFilterArgs | null;
  commitment?: string | null;
  includeArchived?: boolean | null;
}

const ActionFilter = builder.inputRef<ActionFilterArgs>('ActionFilter').implement({
  description: 'Which delivery actions to list; every condition given must hold.',
  fields: (t) => ({
    work: t.field({ type: WorkFilterInput, description: 'Conditions shared with commitments.' }),
    commitment: t.id({ description: 'Only under this commitment (global ID).' }),
    includeArchived: t.boolean({
      description: 'Include archived actions (staff of the organisation only; ignored for others).',
    }),
  }),
});

builder.prismaObjectField('Plan', 'actions', (t) =>
  t.prismaConnection(
    {
      type: 'DeliveryAction',
      cursor: 'id',
      description:
        "The plan's delivery actions, filtered and ordered, a page at a time. Page size: `first`/`last` default 20 and may be at most 100; a larger value is rejected with PAGE_SIZE_TOO_LARGE (not clamped), before anything runs.",
      complexity: (args) => ({ field: 2, multiplier: args.first ?? args.last ?? 20 }),
      args: {
        filter: t.arg({ type: ActionFilter, description: 'Conditions; none lists all.' }),
        orderBy: t.arg({ type: ActionOrder, description: 'Ordering; default by due date.' }),
      },
      totalCount: async (plan, args, ctx, info) =>
        prisma(ctx).deliveryAction.count({
          where: await actionWhere(plan, args.filter ?? {}, ctx, asAtOf(ctx, info)),
        }),
      resolve: async (query, plan, args, ctx, info) =>
        prisma(ctx).deliveryAction.findMany({
          ...query,
          where: await actionWhere(plan, args.filter ?? {}, ctx, asAtOf(ctx, info)),
          orderBy: actionOrder(args.orderBy ?? null),
        }),
    },
    {
      description: 'A page of delivery actions.',
      // Replaces the plugin's own totalCount field only to give it a description.
      fields: (tc) => ({
        totalCount: tc.int({
          description: 'How many match the filter, on every page.',
          resolve: (connection) =>
            (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
    { description: 'A delivery action and its cursor.' },
  ),
);

async function actionWhere(
  plan: { id: string; organisationId: string },
  filter: ActionFilterArgs,
  ctx: Context,
  asAt: IsoDate | null,
): Promise<Prisma.DeliveryActionWhereInput> {
  const work = workFilterFrom(filter.work);
  const snapshot = await planSnapshot(ctx, plan.id, asAt);
  const and: Prisma.DeliveryActionWhereInput[] = [{ commitment: { planId: plan.id } }];
  if (!(filter.includeArchived && canSeeInternal(ctx.caller, plan.organisationId))) {
    and.push({ archivedAt: null });
  }
  const commitmentId = localId(filter.commitment, 'Commitment');
  if (commitmentId) and.push({ commitmentId });
  const actionIds = [...snapshot.figures.keys()].filter((id) => !snapshot.inForce.has(id));
  const passing = idsPassingFigures(snapshot, actionIds, work);
  if (passing) and.push({ id: { in: passing } });
  if (work.themeId) and.push({ commitment: { themeId: work.themeId } });
  if (work.priorityId) and.push({ commitment: { theme: { priorityId: work.priorityId } } });
  if (work.owner) and.push({ owner: contains(work.owner) });
  const due = dueBetween(work);
  if (due) and.push({ dueDate: due });
  if (work.search) {
    and.push({ OR: [{ title: contains(work.search) }, { description: contains(work.search) }] });
  }
  return { AND: and };
}

function actionOrder(
  order: {
    field: 'DUE_DATE' | 'TITLE' | 'PROGRESS' | 'UPDATED_AT';
    direction?: 'ASC' | 'DESC' | null;
  } | null,
): Prisma.DeliveryActionOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  switch (order?.field) {
    case 'TITLE':
      return [{ title: direction }, { id: 'asc' }];
    case 'PROGRESS':
      return [{ progressPercent: direction }, { id: 'asc' }];
    case 'UPDATED_AT':
      return [{ updatedAt: direction }, { id: 'asc' }];
    default:
      return [{ dueDate: { sort: direction, nulls: 'last' } }, { id: 'asc' }];
  }
}

// ---------------------------------------------------------------------------------------------
// Writes

builder.mutationField('changeActionStatus', (t) =>
  t.prismaField({
    type: DeliveryActionRef,
    description:
      "Changes a delivery action's status, RAG, owner, dates or progress, recording history. Editors and admins; contributors for actions they (or their commitment) own.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The action (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date the change is true from; today when omitted.',
      }),
      input: t.arg({ type: StatusChangeInput, required: true, description: 'The change.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'DeliveryAction');
      await unwrap(
        changeActionStatus(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          input: args.input as Parameters<typeof changeActionStatus>[2]['input'],
        }),
      );
      return prisma(ctx).deliveryAction.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const CreateActionInput = builder.inputType('CreateActionInput', {
  description:
    "A new delivery action under a commitment. Validated by the domain's DeliveryActionInputSchema.",
  validate: DeliveryActionInputSchema,
  fields: (t) => ({
    commitmentId: t.id({ required: true, description: 'The commitment (global ID).' }),
    title: t.string({ required: true, description: 'What is to be done.' }),
    description: t.string({ description: 'More detail.' }),
    owner: t.string({ description: 'Who does it.' }),
    startDate: t.field({ type: 'Date', description: 'When work starts.' }),
    dueDate: t.field({ type: 'Date', description: 'When it is due.' }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: 'Starting status; not started by default.',
    }),
    rag: t.field({ type: RagEnum, description: 'Starting RAG; not rated by default.' }),
    completedOn: t.field({
      type: 'Date',
      description: 'When it was completed, if it starts completed.',
    }),
    progressPercent: t.int({ description: 'Starting progress, 0–100; 0 by default.' }),
  }),
});

builder.mutationField('createAction', (t) =>
  t.prismaField({
    type: DeliveryActionRef,
    description: 'Adds a delivery action under a commitment. Editors and admins.',
    errors: { types: WRITE_ERRORS },
    args: {
      input: t.arg({ type: CreateActionInput, required: true, description: 'The action.' }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date it exists from; today when omitted.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const commitmentId = idOf(String(args.input.commitmentId), 'Commitment');
      const { record } = await unwrap(
        createAction(prisma(ctx), actorOf(ctx), {
          input: { ...(args.input as Parameters<typeof createAction>[2]['input']), commitmentId },
          effectiveOn: args.effectiveOn ?? undefined,
        }),
      );
      return prisma(ctx).deliveryAction.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);

const UpdateActionInput = builder.inputType('UpdateActionInput', {
  description:
    "A change to a delivery action's details; at least one field. Status, RAG and progress change through `changeActionStatus`. Validated by the domain's DeliveryActionPatchSchema.",
  validate: DeliveryActionPatchSchema,
  fields: (t) => ({
    title: t.string({ description: 'What is to be done.' }),
    description: t.string({ description: 'More detail; an empty string clears it.' }),
    owner: t.string({ description: 'Who does it; null clears it.' }),
    startDate: t.field({ type: 'Date', description: 'When work starts; null clears it.' }),
    dueDate: t.field({ type: 'Date', description: 'When it is due; null clears it.' }),
  }),
});

builder.mutationField('updateAction', (t) =>
  t.prismaField({
    type: DeliveryActionRef,
    description:
      "Changes a delivery action's title, description, owner or dates, recording history. Editors and admins.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The action (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date the change is true from; today when omitted.',
      }),
      note: t.arg.string({ description: 'A note for the history.' }),
      input: t.arg({ type: UpdateActionInput, required: true, description: 'The change.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'DeliveryAction');
      await unwrap(
        updateAction(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
          input: args.input as Parameters<typeof updateAction>[2]['input'],
        }),
      );
      return prisma(ctx).deliveryAction.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('archiveAction', (t) =>
  t.prismaField({
    type: DeliveryActionRef,
    description:
      'Archives a delivery action: it leaves lists and roll-ups but keeps its history and updates (nothing is deleted). Editors and admins.',
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The action (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date it leaves the plan from; today when omitted.',
      }),
      note: t.arg.string({ description: 'Why, for the history.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'DeliveryAction');
      await unwrap(
        archiveAction(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
        }),
      );
      return prisma(ctx).deliveryAction.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
