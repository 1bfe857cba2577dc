// A police and crime plan, its revisions, and the root `plan(slug:, asAt:)` query. Reads below a
// plan asked for with `asAt` answer as at that date (see plan/snapshot.ts).

import type { Commitment, PriorityStatement } from '@plan-tracker/db';
import { CROSS_CUTTING_SECTIONS, type CrossCuttingSection } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { asAtOf, readPlanAt } from '../plan/as-at.js';
import { effectiveDate, planSnapshot, withCommitmentFigures } from '../plan/snapshot.js';
import { CommitmentRef } from './commitment.js';
import { RollUpType } from './rollup.js';
import { CrossCuttingSectionEnum } from './scalars.js';

export const PlanRef = builder.prismaNode('Plan', {
  description:
    'A plan of an organisation: priorities, themes and "I will" commitments, e.g. the Dorset "Police & Crime Plan 2021–29".',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visiblePlanWhere(ctx.caller)] }),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe name, e.g. `dorset-2021-29`.' }),
    title: t.exposeString('title', { description: 'Title as published.' }),
    vision: t.exposeString('vision', {
      description: 'The vision, e.g. "Make Dorset the safest county".',
    }),
    periodStart: t.expose('periodStart', { type: 'Date', description: 'First day of the plan.' }),
    periodEnd: t.expose('periodEnd', { type: 'Date', description: 'Last day of the plan.' }),
    published: t.exposeBoolean('published', {
      description:
        'Whether the public may see it. Unpublished plans are seen by their organisation only.',
    }),
    archivedAt: t.expose('archivedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When an administrator archived it (kept for its staff, out of pickers, unpublished); null while in use.',
    }),
    version: t.int({
      nullable: true,
      description:
        'Version for optimistic concurrency: send it back with `changePlan` or `revisePlan`. Staff of the organisation only.',
      authScopes: (plan) => ({ staffOf: plan.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (plan) => plan.version,
    }),
    asAt: t.field({
      type: 'Date',
      description: 'The date every figure below is judged at: the `asAt` asked for, or today.',
      resolve: (_plan, _args, ctx, info) => effectiveDate(ctx, asAtOf(ctx, info)),
    }),
    organisation: t.relation('organisation', { description: 'Whose plan it is.' }),
    revisions: t.relation('revisions', {
      description: 'Published versions of the plan, oldest first.',
      complexity: { field: 1, multiplier: 3 },
      query: { orderBy: { publishedOn: 'asc' } },
    }),
    priorities: t.relation('priorities', {
      description: 'The priorities, in number order.',
      complexity: { field: 1, multiplier: 6 },
      query: { orderBy: { number: 'asc' } },
    }),
    crossCuttingCommitments: t.field({
      type: [CommitmentRef],
      description:
        'Commitments outside the six priorities (the three cross-cutting sections), in code order.',
      complexity: { field: 1, multiplier: 12 },
      select: (_args, _ctx, nestedSelection) => ({
        commitments: nestedSelection({
          where: { themeId: null },
          orderBy: [{ crossCuttingSection: 'asc' as const }, { position: 'asc' as const }],
        }),
      }),
      resolve: (plan, _args, ctx, info) =>
        withCommitmentFigures(ctx, plan.id, asAtOf(ctx, info), ({ inForce }) =>
          plan.commitments.filter((c) => inForce.has(c.id)),
        ),
    }),
    commitment: t.prismaField({
      type: 'Commitment',
      nullable: true,
      description:
        'One commitment by its code, e.g. `1.2.3` or `X.1.2`: the one in the plan now, else the latest withdrawn one that had the code.',
      args: { code: t.arg.string({ required: true, description: 'The code.' }) },
      resolve: (query, plan, args, ctx) =>
        prisma(ctx).commitment.findFirst({
          ...query,
          where: { planId: plan.id, code: args.code },
          orderBy: [{ liveCode: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
        }),
    }),
    rollUp: t.field({
      type: RollUpType,
      description: 'Figures of every commitment of the plan, cross-cutting ones included.',
      resolve: async (plan, _args, ctx, info) =>
        (await planSnapshot(ctx, plan.id, asAtOf(ctx, info))).rollUp.plan,
    }),
    crossCuttingRollUps: t.field({
      type: [SectionRollUpType],
      description: 'Figures of each cross-cutting section that has commitments.',
      resolve: async (plan, _args, ctx, info) => {
        const { rollUp } = await planSnapshot(ctx, plan.id, asAtOf(ctx, info));
        return CROSS_CUTTING_SECTIONS.flatMap((section) => {
          const sectionRollUp = rollUp.crossCuttingSections.get(section);
          return sectionRollUp ? [{ section, rollUp: sectionRollUp }] : [];
        });
      },
    }),
    revisionComparison: t.field({
      type: RevisionComparisonType,
      nullable: true,
      description:
        'What changed between two revisions: commitments added, withdrawn, and reworded (withdrawn and re-introduced under the same code), and reworded priority statements. Null when either code is unknown.',
      args: {
        from: t.arg.string({
          required: true,
          description: 'The earlier revision code, e.g. `2021`.',
        }),
        to: t.arg.string({ required: true, description: 'The later revision code, e.g. `2024`.' }),
      },
      resolve: (plan, args, ctx) => compareRevisions(ctx, plan.id, args.from, args.to),
    }),
  }),
});

interface SectionRollUp {
  section: CrossCuttingSection;
  rollUp: import('@plan-tracker/domain').RollUp;
}

const SectionRollUpType = builder.objectRef<SectionRollUp>('SectionRollUp').implement({
  description: 'The figures of one cross-cutting section.',
  fields: (t) => ({
    section: t.field({
      type: CrossCuttingSectionEnum,
      description: 'The section.',
      resolve: (s) => s.section,
    }),
    rollUp: t.field({ type: RollUpType, description: 'Its figures.', resolve: (s) => s.rollUp }),
  }),
});

builder.prismaNode('PlanRevision', {
  description:
    'One published version of a plan (the 2021 launch, the 2024 refresh). History is never rewritten.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, plan: visiblePlanWhere(ctx.caller) }),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'e.g. `2021`, `2024`.' }),
    title: t.exposeString('title', { description: 'Title as published then.' }),
    publishedOn: t.expose('publishedOn', { type: 'Date', description: 'When it was published.' }),
    periodStart: t.expose('periodStart', {
      type: 'Date',
      description: 'First day of the period it covered.',
    }),
    periodEnd: t.expose('periodEnd', {
      type: 'Date',
      description: 'Last day of the period it covered.',
    }),
    summary: t.exposeString('summary', {
      nullable: true,
      description: 'What this revision changed.',
    }),
    source: t.exposeString('source', { nullable: true, description: 'Where it was published.' }),
    plan: t.relation('plan', { description: 'The plan.' }),
  }),
});

interface CommitmentChange {
  code: string;
  before: Commitment;
  after: Commitment;
}
interface StatementChange {
  priorityNumber: number;
  before: PriorityStatement | null;
  after: PriorityStatement | null;
}
interface RevisionComparison {
  fromId: string;
  toId: string;
  added: Commitment[];
  withdrawn: Commitment[];
  changed: CommitmentChange[];
  statements: StatementChange[];
}

const PriorityStatementType = builder.objectRef<PriorityStatement>('PriorityStatement').implement({
  description: 'How one revision worded one priority.',
  fields: (t) => ({
    priorityNumber: t.exposeInt('priorityNumber', { description: 'The priority, 1–6.' }),
    title: t.exposeString('title', { description: 'Its title in this revision.' }),
    statement: t.exposeString('statement', { description: 'Its statement in this revision.' }),
  }),
});

const CommitmentChangeType = builder.objectRef<CommitmentChange>('CommitmentChange').implement({
  description:
    'A commitment reworded between two revisions: the old one withdrawn, a new one with the same code introduced.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code both share.' }),
    before: t.field({
      type: CommitmentRef,
      description: 'As the earlier revision had it.',
      resolve: (c) => c.before,
    }),
    after: t.field({
      type: CommitmentRef,
      description: 'As the later revision has it.',
      resolve: (c) => c.after,
    }),
  }),
});

const StatementChangeType = builder
  .objectRef<StatementChange>('PriorityStatementChange')
  .implement({
    description: 'A priority whose wording differs between two revisions.',
    fields: (t) => ({
      priorityNumber: t.exposeInt('priorityNumber', { description: 'The priority, 1–6.' }),
      before: t.field({
        type: PriorityStatementType,
        nullable: true,
        description: 'The earlier wording.',
        resolve: (s) => s.before,
      }),
      after: t.field({
        type: PriorityStatementType,
        nullable: true,
        description: 'The later wording.',
        resolve: (s) => s.after,
      }),
    }),
  });

const RevisionComparisonType = builder
  .objectRef<RevisionComparison>('RevisionComparison')
  .implement({
    description: 'What changed in a plan from one revision to a later one.',
    fields: (t) => ({
      from: t.prismaField({
        type: 'PlanRevision',
        description: 'The earlier revision.',
        resolve: (query, c, _args, ctx) =>
          prisma(ctx).planRevision.findUniqueOrThrow({ ...query, where: { id: c.fromId } }),
      }),
      to: t.prismaField({
        type: 'PlanRevision',
        description: 'The later revision.',
        resolve: (query, c, _args, ctx) =>
          prisma(ctx).planRevision.findUniqueOrThrow({ ...query, where: { id: c.toId } }),
      }),
      added: t.field({
        type: [CommitmentRef],
        description: 'Commitments new in the later revision.',
        resolve: (c) => c.added,
      }),
      withdrawn: t.field({
        type: [CommitmentRef],
        description: 'Commitments the later revision withdrew.',
        resolve: (c) => c.withdrawn,
      }),
      changed: t.field({
        type: [CommitmentChangeType],
        description: 'Commitments reworded under the same code.',
        resolve: (c) => c.changed,
      }),
      priorityStatements: t.field({
        type: [StatementChangeType],
        description: 'Priorities worded differently.',
        resolve: (c) => c.statements,
      }),
    }),
  });

async function compareRevisions(
  ctx: Context,
  planId: string,
  fromCode: string,
  toCode: string,
): Promise<RevisionComparison | null> {
  const db = prisma(ctx);
  const revisions = await db.planRevision.findMany({
    where: { planId, code: { in: [fromCode, toCode] } },
    include: { priorityStatements: true },
  });
  const from = revisions.find((r) => r.code === fromCode);
  const to = revisions.find((r) => r.code === toCode);
  if (!from || !to) return null;
  // Revisions strictly after `from`, up to and including `to`.
  const between = await db.planRevision.findMany({
    where: { planId, publishedOn: { gt: from.publishedOn, lte: to.publishedOn } },
    select: { id: true },
  });
  const ids = between.map((r) => r.id);
  const [introduced, withdrawn] = await Promise.all([
    db.commitment.findMany({
      where: { planId, introducedInRevisionId: { in: ids } },
      orderBy: { code: 'asc' },
    }),
    db.commitment.findMany({
      where: { planId, withdrawnInRevisionId: { in: ids } },
      orderBy: { code: 'asc' },
    }),
  ]);
  const withdrawnByCode = new Map(withdrawn.map((c) => [c.code, c]));
  const introducedByCode = new Map(introduced.map((c) => [c.code, c]));
  const changed: CommitmentChange[] = [];
  for (const after of introduced) {
    const before = withdrawnByCode.get(after.code);
    if (before && before.id !== after.id) changed.push({ code: after.code, before, after });
  }
  const changedCodes = new Set(changed.map((c) => c.code));
  const statements: StatementChange[] = [];
  for (let n = 1; n <= 6; n += 1) {
    const before = from.priorityStatements.find((s) => s.priorityNumber === n) ?? null;
    const after = to.priorityStatements.find((s) => s.priorityNumber === n) ?? null;
    if (before?.title !== after?.title || before?.statement !== after?.statement) {
      statements.push({ priorityNumber: n, before, after });
    }
  }
  return {
    fromId: from.id,
    toId: to.id,
    added: introduced.filter((c) => !changedCodes.has(c.code) || !withdrawnByCode.has(c.code)),
    withdrawn: withdrawn.filter((c) => !(changedCodes.has(c.code) && introducedByCode.has(c.code))),
    changed,
    statements,
  };
}

builder.queryField('plan', (t) =>
  t.prismaField({
    type: 'Plan',
    nullable: true,
    description:
      'A plan by its slug (the Dorset plan is `dorset-2021-29`), if it is published or yours. With `asAt`, every status, RAG, progress figure, roll-up and list below answers as at the end of that day, replayed from the append-only history.',
    args: {
      slug: t.arg.string({ required: true, description: 'e.g. `dorset-2021-29`.' }),
      organisation: t.arg.string({
        description:
          "The organisation's slug, when several organisations use the same plan slug. Defaults to yours, else the first published.",
      }),
      asAt: t.arg({
        type: 'Date',
        description: 'Answer as at the end of this day; default today.',
      }),
    },
    resolve: (query, _root, args, ctx, info) => {
      readPlanAt(ctx, info, args.asAt ?? null);
      const own = ctx.caller.kind === 'anonymous' ? null : ctx.caller.organisationId;
      return prisma(ctx)
        .plan.findFirst({
          ...query,
          where: {
            slug: args.slug,
            ...(args.organisation ? { organisation: { slug: args.organisation } } : {}),
            AND: [visiblePlanWhere(ctx.caller)],
          },
          // Prefer the caller's own organisation's plan when slugs collide.
          orderBy: own ? [{ organisationId: 'asc' }] : [{ createdAt: 'asc' }],
        })
        .then(async (first) => {
          if (!own || args.organisation || !first || first.organisationId === own) return first;
          const mine = await prisma(ctx).plan.findFirst({
            ...query,
            where: { slug: args.slug, organisationId: own },
          });
          return mine ?? first;
        });
    },
  }),
);
