// Organisations and plans brought in over GraphQL: a platform operator creates an organisation;
// its administrators load a plan from its text (or the JSON `import-plan` prints), load a newer
// text as a revision, publish, retitle and archive. Each can be previewed first: a preview runs
// the same checks and writes and rolls them back (the db services' dry run).

import {
  changePlan,
  createOrganisation,
  importPlan,
  type RevisePlanResult,
  revisePlan,
  revisionSummary,
} from '@plan-tracker/db';
import type {
  CommitmentRow,
  PlanLoadSummary,
  PriorityRow,
  Renumbered,
  Retitled,
  Reworded,
  ThemeRow,
} from '@plan-tracker/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { PlanRef } from './plan.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

/** The most text a plan or revision may have (the Dorset plan is about 48 KB). */
const PlanTextSchema = z.string().max(900_000, 'A plan text may be at most 900,000 characters.');

// ---------------------------------------------------------------------------------------------
// Organisations

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'A new organisation: an office, a council, any body with a plan.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'URL-safe name, e.g. `wessex-opcc`: lower-case letters and digits, hyphens.',
    }),
    name: t.string({ required: true, description: 'Full name, as people read it.' }),
  }),
});

builder.mutationField('createOrganisation', (t) =>
  t.prismaField({
    type: 'Organisation',
    description:
      'Creates an organisation with its own users, API keys, plans and settings. Platform operators only; make its first administrator next (`pnpm cli user:create --organisation <slug>`).',
    errors: { types: WRITE_ERRORS },
    args: {
      input: t.arg({
        type: CreateOrganisationInput,
        required: true,
        description: 'The organisation.',
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const actor = actorOf(ctx);
      const created = await unwrap(createOrganisation(prisma(ctx), actor, input));
      return prisma(ctx).organisation.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Loading a plan

const PlanLoadSummaryType = builder.objectRef<PlanLoadSummary>('PlanLoadSummary').implement({
  description: 'What loading a plan creates (or, in a preview, would create).',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The plan’s slug.' }),
    title: t.exposeString('title', { description: 'The plan’s title.' }),
    periodStart: t.exposeString('periodStart', { description: 'First day, `YYYY-MM-DD`.' }),
    periodEnd: t.exposeString('periodEnd', { description: 'Last day, `YYYY-MM-DD`.' }),
    revisionCode: t.exposeString('revisionCode', {
      description: 'The code of the revision the text becomes, e.g. `2025`.',
    }),
    priorities: t.exposeInt('priorities', { description: 'Priorities.' }),
    themes: t.exposeInt('themes', { description: 'Themes under the priorities.' }),
    commitments: t.exposeInt('commitments', {
      description: 'Commitments under the priorities’ themes.',
    }),
    crossCuttingCommitments: t.exposeInt('crossCuttingCommitments', {
      description: '"I will" commitments outside the priorities.',
    }),
    measures: t.exposeInt('measures', { description: 'Measures from the plan’s measures table.' }),
    reportingPeriods: t.exposeStringList('reportingPeriods', {
      description:
        'The financial-year quarters of the plan’s period, first to last, e.g. `2025/26 Q1`.',
    }),
  }),
});

const ImportPlanInput = builder.inputType('ImportPlanInput', {
  description: 'A plan to load from its published text, or from the JSON `import-plan` prints.',
  fields: (t) => ({
    text: t.string({
      required: true,
      description:
        'The plan as plain text (headings, "I will:" and bullets, as the Dorset plan is laid out), or a PlanDocument as JSON.',
      validate: PlanTextSchema,
    }),
    fileName: t.string({
      description:
        'The file’s name, put before line numbers in error messages and kept in history.',
    }),
    slug: t.string({ required: true, description: 'URL-safe name, e.g. `wessex-2025-29`.' }),
    title: t.string({ required: true, description: 'Title as published.' }),
    vision: t.string({ description: 'The plan’s one-line vision, if it has one.' }),
    periodStart: t.field({ type: 'Date', required: true, description: 'First day of the plan.' }),
    periodEnd: t.field({ type: 'Date', required: true, description: 'Last day of the plan.' }),
    revisionCode: t.string({
      description: 'The code this text gets as the plan’s first revision; its year when omitted.',
    }),
    publishedOn: t.field({
      type: 'Date',
      description: 'When the text was published; the first day of the plan when omitted.',
    }),
    preview: t.boolean({
      description:
        'Check everything and say what would be created, but write nothing. Default false.',
    }),
  }),
});

interface PlanImported {
  readonly preview: boolean;
  readonly summary: PlanLoadSummary;
  readonly planId: string | null;
}

const ImportPlanPayload = builder.objectRef<PlanImported>('ImportPlanPayload').implement({
  description: 'A plan loaded, or what loading it would create.',
  fields: (t) => ({
    preview: t.exposeBoolean('preview', { description: 'True when nothing was written.' }),
    summary: t.field({
      type: PlanLoadSummaryType,
      description: 'What was (or would be) created.',
      resolve: (p) => p.summary,
    }),
    plan: t.prismaField({
      type: PlanRef,
      nullable: true,
      description: 'The new plan, a draft until published; null in a preview.',
      resolve: (query, p, _args, ctx) =>
        p.planId ? prisma(ctx).plan.findUniqueOrThrow({ ...query, where: { id: p.planId } }) : null,
    }),
  }),
});

builder.mutationField('importPlan', (t) =>
  t.field({
    type: ImportPlanPayload,
    description:
      'Loads a plan into your organisation from its text: priorities, themes, commitments, cross-cutting commitments, measures and the reporting periods of its period, in one transaction with history. The same file twice, or a slug in use, is refused; a text that cannot be read is refused naming its line. Administrators only.',
    errors: { types: WRITE_ERRORS },
    args: {
      input: t.arg({ type: ImportPlanInput, required: true, description: 'The plan.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const preview = input.preview === true;
      const result = await unwrap(
        importPlan(prisma(ctx), actorOf(ctx), {
          identity: {
            slug: input.slug,
            title: input.title,
            ...(input.vision != null && { vision: input.vision }),
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            ...(input.revisionCode != null && { revisionCode: input.revisionCode }),
            ...(input.publishedOn != null && { publishedOn: input.publishedOn }),
          },
          source: { content: input.text, name: input.fileName ?? undefined },
          dryRun: preview,
        }),
      );
      ctx.log.info({ planId: result.planId, preview }, 'plan imported');
      return { preview, summary: result.summary, planId: preview ? null : result.planId };
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Revising a plan

const TextCommitmentType = builder.objectRef<CommitmentRow>('PlanTextCommitment').implement({
  description: 'A commitment as a plan text has it.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Its code in the text, e.g. `1.2.3`.' }),
    text: t.exposeString('text', { description: 'Its wording.' }),
  }),
});

const RewordedType = builder.objectRef<Reworded>('RewordedCommitment').implement({
  description: 'A commitment whose wording a revision changes; it keeps its actions and updates.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code it keeps.' }),
    before: t.exposeString('before', { description: 'The wording until the revision.' }),
    after: t.string({
      description: 'The wording from the revision.',
      resolve: (r) => r.after.text,
    }),
  }),
});

const RenumberedType = builder.objectRef<Renumbered>('RenumberedCommitment').implement({
  description:
    'A commitment whose wording stays but whose place in the plan moves (a bullet before it was added or removed); it keeps its actions and updates.',
  fields: (t) => ({
    fromCode: t.exposeString('fromCode', { description: 'Its code until the revision.' }),
    toCode: t.string({ description: 'Its code from the revision.', resolve: (r) => r.after.code }),
    text: t.string({ description: 'Its wording.', resolve: (r) => r.after.text }),
  }),
});

const PlanPriorityRowType = builder.objectRef<PriorityRow>('PlanTextPriority').implement({
  description: 'A priority as a plan text has it.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'Its number.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
  }),
});

const PlanThemeRowType = builder.objectRef<ThemeRow>('PlanTextTheme').implement({
  description: 'A theme as a plan text has it.',
  fields: (t) => ({
    priorityNumber: t.exposeInt('priorityNumber', { description: 'Its priority’s number.' }),
    position: t.exposeInt('position', { description: 'Its place in the priority, from 1.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
  }),
});

const RetitledPriorityType = builder
  .objectRef<Retitled<PriorityRow>>('RetitledPriority')
  .implement({
    description: 'A priority whose title a revision changes.',
    fields: (t) => ({
      number: t.int({ description: 'Its number.', resolve: (r) => r.after.number }),
      before: t.string({
        description: 'The title until the revision.',
        resolve: (r) => r.before.title,
      }),
      after: t.string({
        description: 'The title from the revision.',
        resolve: (r) => r.after.title,
      }),
    }),
  });

const RetitledThemeType = builder.objectRef<Retitled<ThemeRow>>('RetitledTheme').implement({
  description: 'A theme whose title a revision changes.',
  fields: (t) => ({
    priorityNumber: t.int({
      description: 'Its priority’s number.',
      resolve: (r) => r.after.priorityNumber,
    }),
    position: t.int({
      description: 'Its place in the priority.',
      resolve: (r) => r.after.position,
    }),
    before: t.string({
      description: 'The title until the revision.',
      resolve: (r) => r.before.title,
    }),
    after: t.string({ description: 'The title from the revision.', resolve: (r) => r.after.title }),
  }),
});

const RevisionDiffType = builder.objectRef<RevisePlanResult['diff']>('PlanRevisionDiff').implement({
  description:
    'What a revision changes. Commitments are matched by wording first (the same wording is the same commitment, renumbered if its code moved), then by code (a different wording under the same code is reworded); the rest of the new text is added and the rest of the plan withdrawn.',
  fields: (t) => ({
    summary: t.string({
      description:
        'In one line, e.g. "1 added, 1 withdrawn, 1 reworded, 0 renumbered; 12 unchanged."',
      resolve: (diff) => revisionSummary(diff),
    }),
    added: t.field({
      type: [TextCommitmentType],
      description: 'Commitments the revision introduces.',
      resolve: (diff) => diff.added,
    }),
    withdrawn: t.field({
      type: [TextCommitmentType],
      description: 'Commitments the revision withdraws (kept, with their actions and updates).',
      resolve: (diff) => diff.withdrawn,
    }),
    reworded: t.field({
      type: [RewordedType],
      description: 'Commitments reworded under the same code.',
      resolve: (diff) => diff.reworded,
    }),
    renumbered: t.field({
      type: [RenumberedType],
      description: 'Commitments whose code moves.',
      resolve: (diff) => diff.renumbered,
    }),
    unchanged: t.exposeInt('unchanged', {
      description: 'Commitments that keep their code and wording.',
    }),
    prioritiesAdded: t.field({
      type: [PlanPriorityRowType],
      description: 'New priorities.',
      resolve: (diff) => diff.prioritiesAdded,
    }),
    prioritiesRetitled: t.field({
      type: [RetitledPriorityType],
      description: 'Priorities with a new title.',
      resolve: (diff) => diff.prioritiesRetitled,
    }),
    themesAdded: t.field({
      type: [PlanThemeRowType],
      description: 'New themes.',
      resolve: (diff) => diff.themesAdded,
    }),
    themesRetitled: t.field({
      type: [RetitledThemeType],
      description: 'Themes with a new title.',
      resolve: (diff) => diff.themesRetitled,
    }),
  }),
});

const RevisePlanInput = builder.inputType('RevisePlanInput', {
  description: 'A newer text of a plan, to load as its next revision.',
  fields: (t) => ({
    plan: t.id({ required: true, description: 'The plan (global ID).' }),
    expectedVersion: t.int({
      required: true,
      description: 'The plan’s `version` as you read it; a stale one is a ConflictError.',
    }),
    text: t.string({
      required: true,
      description: 'The newer text, or its PlanDocument as JSON.',
      validate: PlanTextSchema,
    }),
    fileName: t.string({ description: 'The file’s name, for error messages and history.' }),
    code: t.string({ required: true, description: 'The revision’s code, e.g. `2027`.' }),
    title: t.string({ description: 'The title it was published under; the plan’s when omitted.' }),
    publishedOn: t.field({
      type: 'Date',
      required: true,
      description:
        'When it was published: its changes hold from this date, and "as at" earlier dates read the earlier wording.',
    }),
    summary: t.string({ description: 'What it changed, in your words; a count when omitted.' }),
    preview: t.boolean({
      description: 'Say what the revision changes, but write nothing. Default false.',
    }),
  }),
});

interface PlanRevised {
  readonly preview: boolean;
  readonly result: RevisePlanResult;
  readonly planId: string;
}

const RevisePlanPayload = builder.objectRef<PlanRevised>('RevisePlanPayload').implement({
  description: 'A revision applied, or what applying it would change.',
  fields: (t) => ({
    preview: t.exposeBoolean('preview', { description: 'True when nothing was written.' }),
    diff: t.field({
      type: RevisionDiffType,
      description: 'What it changes.',
      resolve: (p) => p.result.diff,
    }),
    effectiveOn: t.string({
      description: 'The date its changes hold from, `YYYY-MM-DD`.',
      resolve: (p) => p.result.effectiveOn,
    }),
    plan: t.prismaField({
      type: PlanRef,
      description: 'The plan, as it is now.',
      resolve: (query, p, _args, ctx) =>
        prisma(ctx).plan.findUniqueOrThrow({ ...query, where: { id: p.planId } }),
    }),
  }),
});

builder.mutationField('revisePlan', (t) =>
  t.field({
    type: RevisePlanPayload,
    description:
      'Loads a newer text of a plan as its next revision: added commitments are introduced by it, dropped ones withdrawn by it (kept with their actions and updates), reworded and renumbered ones keep their actions and updates; history keeps the earlier wording. Preview first. Administrators only.',
    errors: { types: WRITE_ERRORS },
    args: {
      input: t.arg({ type: RevisePlanInput, required: true, description: 'The revision.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const planId = idOf(String(input.plan), 'Plan');
      const preview = input.preview === true;
      const result = await unwrap(
        revisePlan(prisma(ctx), actorOf(ctx), {
          planId,
          expectedVersion: input.expectedVersion,
          revision: {
            code: input.code,
            publishedOn: input.publishedOn,
            ...(input.title != null && { title: input.title }),
            ...(input.summary != null && { summary: input.summary }),
          },
          source: { content: input.text, name: input.fileName ?? undefined },
          dryRun: preview,
        }),
      );
      return { preview, result, planId };
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Publishing, retitling, archiving

const ChangePlanInput = builder.inputType('ChangePlanInput', {
  description: 'What to change about a plan; give at least one field.',
  fields: (t) => ({
    title: t.string({ description: 'A new title.' }),
    published: t.boolean({
      description:
        'Publish (anonymous readers and open data see it) or unpublish (its organisation only).',
    }),
    archived: t.boolean({
      description:
        'Archive (kept for its staff, out of pickers, unpublished) or bring back from the archive.',
    }),
  }),
});

builder.mutationField('changePlan', (t) =>
  t.prismaField({
    type: PlanRef,
    description:
      'Publishes, unpublishes, retitles, archives or restores a plan, with history. Administrators only.',
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The plan (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      input: t.arg({ type: ChangePlanInput, required: true, description: 'The change.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(String(args.id), 'Plan');
      const record = await unwrap(
        changePlan(prisma(ctx), actorOf(ctx), {
          id,
          expectedVersion: args.expectedVersion,
          input: {
            ...(args.input.title != null && { title: args.input.title }),
            ...(args.input.published != null && { published: args.input.published }),
            ...(args.input.archived != null && { archived: args.input.archived }),
          },
        }),
      );
      return prisma(ctx).plan.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);
