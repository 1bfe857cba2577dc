// Commitments: one "I will" bullet each, their figures, actions and updates; and the plan's
// filtered, ordered `commitments` connection.

import { changeCommitmentStatus, clearCommitmentOverride, type Prisma } from '@plan-tracker/db';
import type { IsoDate } from '@plan-tracker/domain';
import { isOverdue, StatusChangeInputSchema } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { asAtOf } from '../plan/as-at.js';
import { contains, dueBetween, idsPassingFigures } from '../plan/filters.js';
import {
  commitmentFigures,
  recordedByAsAt,
  withCommitmentFigures,
  withSnapshot,
} from '../plan/snapshot.js';
import { DeliveryActionRef } from './action.js';
import { RollUpType } from './rollup.js';
import {
  CrossCuttingSectionEnum,
  LifecycleStatusEnum,
  RagEnum,
  SortDirectionEnum,
} from './scalars.js';
import { ProgressUpdateRef } from './update.js';
import { WorkFilterInput, workFilterFrom } from './work.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

export const CommitmentRef = builder.prismaNode('Commitment', {
  description: 'One "I will" commitment of the plan, verbatim, with its delivery figures.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, plan: visiblePlanWhere(ctx.caller) }),
  fields: (t) => ({
    code: t.exposeString('code', {
      description: '`priority.theme.position` such as `1.2.3`; cross-cutting `X.n.m`.',
    }),
    position: t.exposeInt('position', { description: 'Position within its theme or section.' }),
    text: t.string({
      description:
        "The commitment, verbatim from the plan; as at the plan's date, the wording then (a later revision may have reworded it).",
      resolve: (c, _args, ctx, info) => {
        const asAt = asAtOf(ctx, info);
        if (asAt === null) return c.text;
        return withCommitmentFigures(ctx, c.planId, asAt, (f) =>
          f.historical ? (f.figures.get(c.id)?.text ?? c.text) : c.text,
        );
      },
    }),
    crossCuttingSection: t.field({
      type: CrossCuttingSectionEnum,
      nullable: true,
      description: 'The cross-cutting section; null inside a priority.',
      resolve: (c) => c.crossCuttingSection,
    }),
    theme: t.relation('theme', {
      nullable: true,
      description: 'Its theme; null when cross-cutting.',
    }),
    plan: t.relation('plan', { description: 'The plan.' }),
    introducedIn: t.relation('introducedInRevision', {
      description: 'The revision that introduced it.',
    }),
    withdrawnIn: t.relation('withdrawnInRevision', {
      nullable: true,
      description: 'The revision that withdrew it, if any.',
    }),
    status: t.field({
      type: LifecycleStatusEnum,
      description:
        "Lifecycle status (as at the plan's date). Like `rag` and `progressPercent`, rolled up from its delivery actions unless staff set it with a reason (`rollUp.basis`).",
      resolve: (c, _args, ctx, info) =>
        withCommitmentFigures(
          ctx,
          c.planId,
          asAtOf(ctx, info),
          (f) => f.figures.get(c.id)?.status ?? c.status,
        ),
    }),
    rag: t.field({
      type: RagEnum,
      nullable: true,
      description: "RAG rating (as at the plan's date); null until first rated.",
      resolve: (c, _args, ctx, info) =>
        withCommitmentFigures(ctx, c.planId, asAtOf(ctx, info), (f) => {
          const figures = f.figures.get(c.id);
          return figures ? figures.rag : c.rag;
        }),
    }),
    progressPercent: t.int({
      description: "Progress, 0–100 (as at the plan's date).",
      resolve: (c, _args, ctx, info) =>
        withCommitmentFigures(
          ctx,
          c.planId,
          asAtOf(ctx, info),
          (f) => f.figures.get(c.id)?.progressPercent ?? c.progressPercent,
        ),
    }),
    owner: t.exposeString('owner', {
      nullable: true,
      description: 'Who leads it: a role, team or partner.',
    }),
    startDate: t.expose('startDate', {
      type: 'Date',
      nullable: true,
      description: 'When work starts.',
    }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due.' }),
    overdue: t.boolean({
      description:
        "Due before the plan's date and neither completed nor withdrawn. Derived, never stored.",
      resolve: (c, _args, ctx, info) =>
        withCommitmentFigures(ctx, c.planId, asAtOf(ctx, info), (f) => {
          const figures = f.figures.get(c.id);
          return figures ? isOverdue(figures, f.asAt) : false;
        }),
    }),
    statusOverrideReason: t.exposeString('statusOverrideReason', {
      nullable: true,
      description:
        'Why staff set the figures instead of rolling them up from the actions. Internal: staff of the organisation only, null for others.',
      authScopes: (c) => ({ staffOf: c.organisationId }),
      unauthorizedResolver: () => null,
    }),
    version: t.int({
      nullable: true,
      description:
        'Version for optimistic concurrency: send it back with a change. Staff of the organisation only.',
      authScopes: (c) => ({ staffOf: c.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (c) => c.version,
    }),
    actions: t.field({
      type: [DeliveryActionRef],
      description: 'Its delivery actions that are not archived, by due date.',
      complexity: { field: 1, multiplier: 4 },
      select: (_args, _ctx, nestedSelection) => ({
        actions: nestedSelection({
          where: { archivedAt: null },
          orderBy: [{ dueDate: 'asc' as const }, { id: 'asc' as const }],
        }),
      }),
      resolve: (c) => c.actions,
    }),
    updates: t.field({
      type: [ProgressUpdateRef],
      description:
        "Progress updates on it or its actions, newest first (as at the plan's date: recorded by then).",
      complexity: { field: 1, multiplier: 4 },
      select: (_args, _ctx, nestedSelection) => ({
        progressUpdates: nestedSelection({
          orderBy: [{ recordedOn: 'desc' as const }, { createdAt: 'desc' as const }],
        }),
      }),
      resolve: (c, _args, ctx, info) => recordedByAsAt(asAtOf(ctx, info), c.progressUpdates),
    }),
    rollUp: t.field({
      type: RollUpType,
      nullable: true,
      description:
        "Figures from its actions (or its own, when overridden or without actions); null when not in force at the plan's date.",
      resolve: (c, _args, ctx, info) =>
        withSnapshot(
          ctx,
          c.planId,
          asAtOf(ctx, info),
          (s) => s.rollUp.commitments.get(c.id) ?? null,
        ),
    }),
  }),
});

const CommitmentOrderField = builder.enumType('CommitmentOrderField', {
  description: 'What to order commitments by.',
  values: {
    CODE: { description: 'Plan order: priority, theme, position (cross-cutting last).' },
    DUE_DATE: { description: 'Due date, undated last.' },
    PROGRESS: { description: 'Stored progress per cent.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

const CommitmentOrder = builder.inputType('CommitmentOrder', {
  description: 'An ordering of commitments.',
  fields: (t) => ({
    field: t.field({
      type: CommitmentOrderField,
      required: true,
      description: 'What to order by.',
    }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

const CommitmentFilter = builder.inputType('CommitmentFilter', {
  description: 'Which commitments to list; every condition given must hold.',
  fields: (t) => ({
    work: t.field({ type: WorkFilterInput, description: 'Conditions shared with actions.' }),
    priorityNumber: t.int({ description: 'Only this priority (1–6).' }),
    crossCutting: t.boolean({
      description: 'True: only cross-cutting commitments; false: only those in a priority.',
    }),
    revision: t.string({
      description:
        'Only commitments in force in this revision (by code, e.g. `2021`): introduced by it and not withdrawn by then.',
    }),
  }),
});

builder.prismaObjectField('Plan', 'commitments', (t) =>
  t.prismaConnection(
    {
      type: 'Commitment',
      cursor: 'id',
      description:
        "The plan's commitments, filtered and ordered, a page at a time. Page size: `first`/`last` default 20 and may be at most 100; a larger value is rejected with PAGE_SIZE_TOO_LARGE (not clamped), before anything runs.",
      complexity: (args) => ({ field: 2, multiplier: args.first ?? args.last ?? 20 }),
      args: {
        filter: t.arg({ type: CommitmentFilter, description: 'Conditions; none lists all.' }),
        orderBy: t.arg({ type: CommitmentOrder, description: 'Ordering; default plan order.' }),
      },
      totalCount: async (plan, args, ctx, info) =>
        prisma(ctx).commitment.count({
          where: await commitmentWhere(plan.id, args, ctx, asAtOf(ctx, info)),
        }),
      resolve: async (query, plan, args, ctx, info) =>
        prisma(ctx).commitment.findMany({
          ...query,
          where: await commitmentWhere(plan.id, args, ctx, asAtOf(ctx, info)),
          orderBy: commitmentOrder(args.orderBy ?? null),
        }),
    },
    {
      description: 'A page of commitments.',
      // Replaces the plugin's own totalCount field only to give it a description.
      fields: (tc) => ({
        totalCount: tc.int({
          description: 'How many match the filter, on every page.',
          resolve: (connection) =>
            (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
    { description: 'A commitment and its cursor.' },
  ),
);

type CommitmentArgs = {
  filter?: {
    work?: import('./work.js').WorkFilterArgs | null;
    priorityNumber?: number | null;
    crossCutting?: boolean | null;
    revision?: string | null;
  } | null;
};

async function commitmentWhere(
  planId: string,
  args: CommitmentArgs,
  ctx: Context,
  asAt: IsoDate | null,
): Promise<Prisma.CommitmentWhereInput> {
  const filter = args.filter ?? {};
  const work = workFilterFrom(filter.work);
  const snapshot = await commitmentFigures(ctx, planId, asAt);
  const inForce = [...snapshot.inForce];
  const passing = idsPassingFigures(snapshot, inForce, work);
  const and: Prisma.CommitmentWhereInput[] = [{ planId }];
  if (snapshot.historical || passing) and.push({ id: { in: passing ?? inForce } });
  if (work.themeId) and.push({ themeId: work.themeId });
  if (work.priorityId) and.push({ theme: { priorityId: work.priorityId } });
  if (filter.priorityNumber != null)
    and.push({ theme: { priority: { number: filter.priorityNumber } } });
  if (filter.crossCutting != null)
    and.push(filter.crossCutting ? { themeId: null } : { themeId: { not: null } });
  if (work.owner) and.push({ owner: contains(work.owner) });
  const due = dueBetween(work);
  if (due) and.push({ dueDate: due });
  if (work.search)
    and.push({ OR: [{ text: contains(work.search) }, { code: work.search.trim() }] });
  if (filter.revision) {
    const revision = await prisma(ctx).planRevision.findFirst({
      where: { planId, code: filter.revision },
    });
    if (!revision) return { id: { in: [] } };
    and.push({ introducedInRevision: { publishedOn: { lte: revision.publishedOn } } });
    and.push({
      OR: [
        { withdrawnInRevisionId: null },
        { withdrawnInRevision: { publishedOn: { gt: revision.publishedOn } } },
      ],
    });
  }
  return { AND: and };
}

function commitmentOrder(
  order: {
    field: 'CODE' | 'DUE_DATE' | 'PROGRESS' | 'UPDATED_AT';
    direction?: 'ASC' | 'DESC' | null;
  } | null,
): Prisma.CommitmentOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  switch (order?.field) {
    case 'DUE_DATE':
      return [{ dueDate: { sort: direction, nulls: 'last' } }, { code: 'asc' }, { id: 'asc' }];
    case 'PROGRESS':
      return [{ progressPercent: direction }, { code: 'asc' }, { id: 'asc' }];
    case 'UPDATED_AT':
      return [{ updatedAt: direction }, { id: 'asc' }];
    default:
      return [
        { theme: { priority: { number: direction } } },
        { theme: { position: direction } },
        { crossCuttingSection: { sort: direction, nulls: 'first' } },
        { position: direction },
        { id: 'asc' },
      ];
  }
}

// ---------------------------------------------------------------------------------------------
// Writes

export const StatusChangeInput = builder.inputType('StatusChangeInput', {
  description:
    "A change to a commitment's or action's status and figures; at least one of status, RAG, owner, dates or progress. Validated by the domain's StatusChangeInputSchema.",
  validate: StatusChangeInputSchema,
  fields: (t) => ({
    status: t.field({ type: LifecycleStatusEnum, description: 'New lifecycle status.' }),
    rag: t.field({ type: RagEnum, description: 'New RAG rating; null clears it.' }),
    owner: t.string({ description: 'New owner; null clears it.' }),
    startDate: t.field({ type: 'Date', description: 'New start date; null clears it.' }),
    dueDate: t.field({ type: 'Date', description: 'New due date; null clears it.' }),
    progressPercent: t.int({ description: 'New progress, 0–100.' }),
    reason: t.string({
      description:
        "Why: needed to reopen completed work, revive withdrawn work, or set a commitment's figures over its actions.",
    }),
    note: t.string({ description: 'A note for the history.' }),
  }),
});

builder.mutationField('changeCommitmentStatus', (t) =>
  t.prismaField({
    type: CommitmentRef,
    description:
      "Changes a commitment's status, RAG, owner, dates or progress, recording history. Editors and admins; contributors for commitments they own.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The commitment (global ID).' }),
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
      const id = idOf(String(args.id), 'Commitment');
      await unwrap(
        changeCommitmentStatus(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          input: args.input as Parameters<typeof changeCommitmentStatus>[2]['input'],
        }),
      );
      return prisma(ctx).commitment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('clearCommitmentOverride', (t) =>
  t.prismaField({
    type: CommitmentRef,
    description:
      "Hands a commitment's figures back to its delivery actions: clears the reason staff gave for setting them by hand, recording history. A commitment that already rolls up is a ValidationError. Editors and admins; contributors for commitments they own.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The commitment (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      effectiveOn: t.arg({
        type: 'Date',
        description: 'The date the change is true from; today when omitted.',
      }),
      note: t.arg.string({ description: 'A note for the history.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'Commitment');
      await unwrap(
        clearCommitmentOverride(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          effectiveOn: args.effectiveOn ?? undefined,
          note: args.note,
        }),
      );
      return prisma(ctx).commitment.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
