/**
 * Plans brought in through the product: a new organisation; a plan loaded from its text (or the
 * JSON `import-plan` prints) with everything it holds, in one transaction with history; a new
 * revision of a plan, applied from a newer text; and a plan published, unpublished, retitled or
 * archived. The Dorset seed is one use of `importPlan`.
 *
 * Every load can be a dry run: the same transaction, the same checks and the same writes, rolled
 * back at the end, so a preview tells exactly what applying would do (and refuses what applying
 * would refuse).
 */
import { createHash } from 'node:crypto';
import {
  type CommitmentRow,
  type CurrentPlan,
  diffRevision,
  type IsoDate,
  IsoDateSchema,
  isEmptyDiff,
  isPlanImportError,
  type MeasureDefinitions,
  organisationCreationRefusal,
  type PlanDocument,
  type PlanIdentity,
  type PlanIdentityInput,
  PlanIdentitySchema,
  type PlanLoadSummary,
  type PlanStructure,
  planLoadSummary,
  planQuarters,
  planStructure,
  publishedOnOf,
  type RevisionDiff,
  readPlanSource,
  revisionCodeOf,
  SlugSchema,
  type Writer,
  writeRefusal,
} from '@plan-tracker/domain';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { fromDbDate, toDbDate } from './dates.js';
import {
  conflictError,
  forbiddenError,
  notFoundError,
  type ServiceResult,
  type ValidationIssue,
  validationError,
  zodValidationError,
} from './errors.js';
import { COMMITMENT_STATE_FIELDS, commitmentRecord } from './records.js';
import {
  abort,
  abortInvalid,
  appendHistoryMany,
  effectiveFrom,
  type HistoryEntry,
  pickFields,
  runWrite,
  type Tx,
} from './write.js';

// ---------------------------------------------------------------------------------------------
// Organisations

/** A new organisation: an office, a council, any body with a plan. */
export const OrganisationInputSchema = z.strictObject({
  slug: SlugSchema,
  name: z
    .string()
    .trim()
    .min(1, 'Give the organisation a name.')
    .max(200, 'Use 200 characters or fewer.'),
});
/** A new organisation, as asked for. */
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;

/** Who creates an organisation: an operator, who belongs to none of the organisations made. */
export type OrganisationCreator = Pick<Actor, 'label' | 'userId' | 'caller'>;

/** The organisation as the services hand it out. */
export interface OrganisationRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly version: number;
}

/**
 * Creates an organisation with its own users, keys, plans and settings (none yet: its first
 * administrator is made next, e.g. with `pnpm cli user:create --organisation <slug>`).
 * Platform operators and the system only; the history entry belongs to the new organisation.
 */
export async function createOrganisation(
  prisma: PrismaClient,
  by: OrganisationCreator,
  input: OrganisationInput,
): Promise<ServiceResult<OrganisationRecord>> {
  const refusal = organisationCreationRefusal(by.caller);
  if (refusal) return { ok: false, error: forbiddenError(refusal) };
  const parsed = OrganisationInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const { slug, name } = parsed.data;
  return runWrite(prisma, async (tx) => {
    // Serialises creations of one slug: the second waits, then finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`organisation:${slug}`}))`;
    const taken = await tx.organisation.findUnique({ where: { slug }, select: { name: true } });
    if (taken) {
      abortInvalid(['slug'], `The slug ${slug} is taken by ${taken.name}. Choose another.`);
    }
    const row = await tx.organisation.create({ data: { slug, name } });
    await appendHistoryMany(tx, { ...by, organisationId: row.id, apiKeyId: null }, [
      {
        planId: null,
        entityType: 'Organisation',
        entityId: row.id,
        action: 'create',
        effective: effectiveFrom(undefined),
        before: null,
        after: { slug, name },
        note: null,
      },
    ]);
    return { id: row.id, slug: row.slug, name: row.name, version: row.version };
  });
}

// ---------------------------------------------------------------------------------------------
// Loading a plan

/** Where a plan's content comes from: a file's content (text or JSON), or a document. */
export type PlanSource =
  | { readonly content: string; readonly name?: string | undefined }
  | { readonly document: PlanDocument; readonly name?: string | undefined };

/**
 * A revision to create with the plan, with its own wording of the priorities: for plans whose
 * earlier revisions are known (the Dorset seed). Without any, the plan gets one revision, the
 * text being loaded, whose priority statements are the text's aims.
 */
export interface KnownRevision {
  readonly code: string;
  readonly title: string;
  readonly publishedOn: IsoDate;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly summary?: string | null;
  readonly source?: string | null;
  readonly priorities: readonly {
    readonly number: number;
    readonly title: string;
    readonly statement: string;
  }[];
}

export interface ImportPlanArgs {
  readonly identity: PlanIdentityInput;
  readonly source: PlanSource;
  /** Roll everything back at the end and only report what would be created. */
  readonly dryRun?: boolean | undefined;
  /** Publish the plan at once (the Dorset seed); a loaded plan is otherwise a draft. */
  readonly published?: boolean | undefined;
  readonly measureDefinitions?: MeasureDefinitions | undefined;
  readonly revisions?: readonly KnownRevision[] | undefined;
}

export interface ImportPlanResult {
  readonly dryRun: boolean;
  readonly summary: PlanLoadSummary;
  /** The new plan's id; in a dry run, the id it had before the roll-back. */
  readonly planId: string;
  /** The new commitments' ids by code (the seed hangs its demo delivery data on them). */
  readonly commitmentIdByCode: ReadonlyMap<string, string>;
}

/**
 * Loads a plan into an organisation: the plan, its revision(s), priorities, themes, the
 * commitments under them and the cross-cutting ones, measures, and the reporting periods of its
 * period (financial-year quarters); each with a history entry; all in one transaction. The same
 * file loaded twice is refused, as is a slug the organisation already uses.
 *
 * @param actor - an administrator of the organisation, or the system
 */
export async function importPlan(
  prisma: PrismaClient,
  actor: Actor,
  args: ImportPlanArgs,
): Promise<ServiceResult<ImportPlanResult>> {
  const prepared = preparePlan(args.identity, args.source, args.measureDefinitions);
  if (!prepared.ok) return prepared;
  const { identity, structure, digest } = prepared.value;
  const summary = planLoadSummary(identity, structure);
  const revisions = args.revisions?.length
    ? [...args.revisions].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
    : [loadedRevision(identity, prepared.value.document, args.source.name)];

  return runWrite(
    prisma,
    async (tx) => {
      await lockOrganisation(tx, actor);
      const taken = await tx.plan.findFirst({
        where: { organisationId: actor.organisationId, slug: identity.slug },
        select: { title: true },
      });
      if (taken) {
        abortInvalid(
          ['slug'],
          `This organisation already has a plan with the slug ${identity.slug} (${taken.title}). To load a newer text of it, load it as a revision of that plan; otherwise choose another slug.`,
        );
      }
      await refuseLoadedBefore(tx, actor.organisationId, digest);

      const plan = await tx.plan.create({
        data: {
          organisationId: actor.organisationId,
          slug: identity.slug,
          title: identity.title,
          vision: identity.vision,
          periodStart: toDbDate(identity.periodStart),
          periodEnd: toDbDate(identity.periodEnd),
          published: args.published === true,
        },
      });
      const history: HistoryEntry[] = [];
      const from = effectiveFrom(identity.periodStart);
      history.push({
        planId: plan.id,
        entityType: 'Plan',
        entityId: plan.id,
        action: 'import',
        effective: from,
        before: null,
        after: {
          slug: identity.slug,
          title: identity.title,
          periodStart: identity.periodStart,
          periodEnd: identity.periodEnd,
          published: plan.published,
          source: args.source.name ?? null,
        },
        note: `Loaded ${summary.commitments} commitments under ${summary.priorities} priorities, ${summary.crossCuttingCommitments} cross-cutting.`,
      });
      const revisionIds: string[] = [];
      for (const [index, revision] of revisions.entries()) {
        const row = await tx.planRevision.create({
          data: {
            organisationId: actor.organisationId,
            planId: plan.id,
            code: revision.code,
            title: revision.title,
            publishedOn: toDbDate(revision.publishedOn),
            periodStart: toDbDate(revision.periodStart),
            periodEnd: toDbDate(revision.periodEnd),
            summary: revision.summary ?? null,
            source: revision.source ?? null,
            // The file loaded is the latest revision's text.
            sourceDigest: index === revisions.length - 1 ? digest : null,
          },
        });
        revisionIds.push(row.id);
        await tx.priorityStatement.createMany({
          data: revision.priorities.map((p) => ({
            organisationId: actor.organisationId,
            revisionId: row.id,
            priorityNumber: p.number,
            title: p.title,
            statement: p.statement,
          })),
        });
        history.push(revisionEntry(plan.id, row.id, revision, index === 0 ? from : undefined));
      }
      const firstRevisionId = revisionIds[0] as string;
      const created = await createStructure(tx, actor.organisationId, plan.id, structure, {
        introducedInRevisionId: firstRevisionId,
        effective: from,
        history,
      });
      await createReportingPeriods(tx, actor.organisationId, identity);
      await appendHistoryMany(tx, actor, history);
      return {
        dryRun: args.dryRun === true,
        summary,
        planId: plan.id,
        commitmentIdByCode: created.commitmentIdByCode,
      };
    },
    { dryRun: args.dryRun === true, timeoutMs: 120_000 },
  );
}

// ---------------------------------------------------------------------------------------------
// Revising a plan

/** A new revision of a plan, as a person names and dates it. */
export const RevisionIdentitySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/, 'Use a short code such as 2027 or 2027-refresh.'),
  title: z.string().trim().min(1, 'Give the revision a title.').max(200).optional(),
  publishedOn: IsoDateSchema,
  summary: z.string().trim().max(2000).optional(),
});
export type RevisionIdentityInput = z.input<typeof RevisionIdentitySchema>;

export interface RevisePlanArgs {
  readonly planId: string;
  readonly expectedVersion: number;
  readonly revision: RevisionIdentityInput;
  readonly source: PlanSource;
  readonly dryRun?: boolean | undefined;
}

export interface RevisePlanResult {
  readonly dryRun: boolean;
  readonly diff: RevisionDiff;
  /** The new revision's id; in a dry run, the id it had before the roll-back. */
  readonly revisionId: string;
  /** The date its changes hold from: its publication. */
  readonly effectiveOn: IsoDate;
}

/**
 * Applies a newer text of a plan as a revision: commitments it adds are introduced by it; those
 * it drops are withdrawn by it (kept, with their actions and updates, and marked `WITHDRAWN`);
 * reworded and renumbered ones keep their rows, actions and updates, and history holds their
 * earlier wording and code, dated to the revision's publication, so "as at" an earlier date
 * reads the old wording. New priorities and themes are created and retitled ones renamed.
 * A text that changes nothing is refused (its dry run says so without failing).
 */
export async function revisePlan(
  prisma: PrismaClient,
  actor: Actor,
  args: RevisePlanArgs,
): Promise<ServiceResult<RevisePlanResult>> {
  const revisionInput = RevisionIdentitySchema.safeParse(args.revision);
  if (!revisionInput.success) {
    return { ok: false, error: zodValidationError(revisionInput.error, ['revision']) };
  }
  const read = readSource(args.source);
  if (!read.ok) return read;
  const { document, digest } = read.value;
  const structure = planStructure(document);
  const revision = revisionInput.data;
  const dryRun = args.dryRun === true;

  return runWrite(
    prisma,
    async (tx) => {
      const plan = await lockPlan(tx, actor, args.planId);
      if (plan.version !== args.expectedVersion) {
        abort(conflictError('Plan', plan.id, args.expectedVersion, planConflictRecord(plan)));
      }
      const existing = await tx.planRevision.findMany({
        where: { planId: plan.id },
        select: { code: true, publishedOn: true },
        orderBy: { publishedOn: 'asc' },
      });
      if (existing.some((r) => r.code === revision.code)) {
        abortInvalid(['revision', 'code'], `The plan already has a revision ${revision.code}.`);
      }
      const latest = existing.at(-1);
      if (latest && revision.publishedOn <= fromDbDate(latest.publishedOn)) {
        abortInvalid(
          ['revision', 'publishedOn'],
          `A revision must be published after the latest one (${latest.code}, published ${fromDbDate(latest.publishedOn)}).`,
        );
      }
      await refuseLoadedBefore(tx, plan.organisationId, digest);

      const current = await currentPlan(tx, plan.id);
      const diff = diffRevision(current.plan, structure);
      if (isEmptyDiff(diff) && !dryRun) {
        abortInvalid(
          ['text'],
          'This text is the plan as it stands: it adds, withdraws and rewords nothing.',
        );
      }
      const effective = effectiveFrom(revision.publishedOn);
      const row = await tx.planRevision.create({
        data: {
          organisationId: plan.organisationId,
          planId: plan.id,
          code: revision.code,
          title: revision.title ?? plan.title,
          publishedOn: toDbDate(revision.publishedOn),
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          summary: revision.summary ?? revisionSummary(diff),
          source: args.source.name ?? null,
          sourceDigest: digest,
        },
      });
      await tx.priorityStatement.createMany({
        data: document.priorities.map((p) => ({
          organisationId: plan.organisationId,
          revisionId: row.id,
          priorityNumber: p.number,
          title: p.title,
          statement: p.aims.join(' ') || p.title,
        })),
      });
      const history: HistoryEntry[] = [
        revisionEntry(
          plan.id,
          row.id,
          {
            code: revision.code,
            title: revision.title ?? plan.title,
            publishedOn: revision.publishedOn,
          },
          effective,
        ),
      ];
      await applyDiff(tx, plan, current, diff, {
        revisionId: row.id,
        revisionCode: revision.code,
        effective,
        history,
      });
      await tx.plan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
      history.push({
        planId: plan.id,
        entityType: 'Plan',
        entityId: plan.id,
        action: 'revise',
        effective,
        before: { version: plan.version },
        after: { version: plan.version + 1, revision: revision.code },
        note: revisionSummary(diff),
      });
      await appendHistoryMany(tx, actor, history);
      return { dryRun, diff, revisionId: row.id, effectiveOn: revision.publishedOn };
    },
    { dryRun, timeoutMs: 120_000 },
  );
}

/** "1 added, 1 withdrawn, 1 reworded, 0 renumbered", as a revision's summary. */
export function revisionSummary(diff: RevisionDiff): string {
  return `${diff.added.length} added, ${diff.withdrawn.length} withdrawn, ${diff.reworded.length} reworded, ${diff.renumbered.length} renumbered; ${diff.unchanged} unchanged.`;
}

// ---------------------------------------------------------------------------------------------
// Publishing, retitling, archiving

export const PlanChangeSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'Give the plan a title.').max(200).optional(),
    published: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .refine((c) => c.title !== undefined || c.published !== undefined || c.archived !== undefined, {
    message: 'Say what to change: the title, whether it is published, or whether it is archived.',
  })
  .refine((c) => !(c.archived === true && c.published === true), {
    path: ['published'],
    message: 'An archived plan cannot be published.',
  });
export type PlanChangeInput = z.input<typeof PlanChangeSchema>;

/** A plan as the services hand it out. */
export interface PlanRecord {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly published: boolean;
  readonly archivedAt: string | null;
  readonly version: number;
}

/**
 * Publishes or unpublishes a plan (anonymous readers and open data see published plans only),
 * retitles it, archives it (which also unpublishes it) or brings it back. Administrators only.
 */
export async function changePlan(
  prisma: PrismaClient,
  actor: Actor,
  args: { readonly id: string; readonly expectedVersion: number; readonly input: PlanChangeInput },
): Promise<ServiceResult<PlanRecord>> {
  const parsed = PlanChangeSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const change = parsed.data;
  return runWrite(prisma, async (tx) => {
    const plan = await lockPlan(tx, actor, args.id);
    if (plan.version !== args.expectedVersion) {
      abort(conflictError('Plan', plan.id, args.expectedVersion, planConflictRecord(plan)));
    }
    const archivedNow = change.archived === undefined ? plan.archivedAt !== null : change.archived;
    if (archivedNow && change.published === true) {
      abortInvalid(['published'], 'This plan is archived: bring it back before publishing it.');
    }
    const data = {
      title: change.title ?? plan.title,
      published: archivedNow ? false : (change.published ?? plan.published),
      archivedAt: archivedNow ? (plan.archivedAt ?? new Date()) : null,
    };
    const before = planFields(plan);
    const updated = await tx.plan.update({
      where: { id: plan.id },
      data: { ...data, version: { increment: 1 } },
    });
    const after = planFields(updated);
    const changedKeys = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => before[k] !== after[k],
    );
    const action =
      change.archived === true && plan.archivedAt === null
        ? 'archive'
        : change.archived === false && plan.archivedAt !== null
          ? 'restore'
          : change.published !== undefined && change.published !== plan.published
            ? change.published
              ? 'publish'
              : 'unpublish'
            : 'update';
    await appendHistoryMany(tx, actor, [
      {
        planId: plan.id,
        entityType: 'Plan',
        entityId: plan.id,
        action,
        effective: effectiveFrom(undefined),
        before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
        after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
        note: null,
      },
    ]);
    return planRecord(updated);
  });
}

function planFields(plan: { title: string; published: boolean; archivedAt: Date | null }) {
  return {
    title: plan.title,
    published: plan.published,
    archived: plan.archivedAt !== null,
  };
}

function planRecord(plan: {
  id: string;
  slug: string;
  title: string;
  published: boolean;
  archivedAt: Date | null;
  version: number;
}): PlanRecord {
  return {
    id: plan.id,
    slug: plan.slug,
    title: plan.title,
    published: plan.published,
    archivedAt: plan.archivedAt?.toISOString() ?? null,
    version: plan.version,
  };
}

function planConflictRecord(plan: Parameters<typeof planRecord>[0]) {
  return { ...planRecord(plan) };
}

// ---------------------------------------------------------------------------------------------
// The parts

interface PreparedPlan {
  readonly identity: PlanIdentity;
  readonly document: PlanDocument;
  readonly structure: PlanStructure;
  readonly digest: string;
}

function preparePlan(
  identityInput: PlanIdentityInput,
  source: PlanSource,
  definitions: MeasureDefinitions | undefined,
): ServiceResult<PreparedPlan> {
  const issues: ValidationIssue[] = [];
  const identity = PlanIdentitySchema.safeParse(identityInput);
  if (!identity.success) {
    issues.push(...zodValidationError(identity.error).issues);
  }
  const read = readSource(source);
  if (!read.ok) {
    issues.push(...(read.error.code === 'VALIDATION' ? read.error.issues : []));
  }
  if (!identity.success || !read.ok) return { ok: false, error: validationError(issues) };
  return {
    ok: true,
    value: {
      identity: identity.data,
      document: read.value.document,
      structure: planStructure(read.value.document, definitions),
      digest: read.value.digest,
    },
  };
}

/** The source read into a document, and its digest; a VALIDATION failure naming the line. */
function readSource(source: PlanSource): ServiceResult<{ document: PlanDocument; digest: string }> {
  if ('document' in source) {
    return {
      ok: true,
      value: { document: source.document, digest: sha256(JSON.stringify(source.document)) },
    };
  }
  try {
    const document = readPlanSource(source.content, { sourceName: source.name });
    return { ok: true, value: { document, digest: sha256(source.content) } };
  } catch (error) {
    if (!isPlanImportError(error)) throw error;
    return {
      ok: false,
      error: validationError([{ path: ['text'], message: error.message }]),
    };
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function loadedRevision(
  identity: PlanIdentity,
  document: PlanDocument,
  sourceName: string | undefined,
): KnownRevision {
  return {
    code: revisionCodeOf(identity),
    title: identity.title,
    publishedOn: publishedOnOf(identity),
    periodStart: identity.periodStart,
    periodEnd: identity.periodEnd,
    summary: null,
    source: sourceName ?? null,
    priorities: document.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      statement: p.aims.join(' ') || p.title,
    })),
  };
}

function revisionEntry(
  planId: string,
  revisionId: string,
  revision: { code: string; title: string; publishedOn: IsoDate },
  effective: ReturnType<typeof effectiveFrom> | undefined,
): HistoryEntry {
  return {
    planId,
    entityType: 'PlanRevision',
    entityId: revisionId,
    action: 'create',
    effective: effective ?? effectiveFrom(revision.publishedOn),
    before: null,
    after: { code: revision.code, title: revision.title, publishedOn: revision.publishedOn },
    note: null,
  };
}

/** Locks the actor's organisation row (loads in one organisation run one at a time). */
async function lockOrganisation(tx: Tx, actor: Actor): Promise<void> {
  const refusal = writeRefusal(actor.caller, 'managePlans', {
    organisationId: actor.organisationId,
  });
  if (refusal) abort(forbiddenError(refusal));
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Organisation" WHERE "id" = ${actor.organisationId} FOR UPDATE`;
  if (rows.length === 0) abortInvalid(['organisation'], 'There is no such organisation.');
}

/** The plan, locked, after checking the actor may manage it; NOT_FOUND in another organisation. */
async function lockPlan(tx: Tx, actor: Actor, planId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
  const plan = rows.length ? await tx.plan.findUnique({ where: { id: planId } }) : null;
  if (!plan || plan.organisationId !== actor.organisationId) {
    abort(notFoundError('Plan', planId));
  }
  const refusal = writeRefusal(actor.caller as Writer, 'managePlans', plan);
  if (refusal) abort(forbiddenError(refusal));
  return plan;
}

/** Refuses a file that the organisation has loaded before, as a plan or a revision. */
async function refuseLoadedBefore(tx: Tx, organisationId: string, digest: string): Promise<void> {
  const earlier = await tx.planRevision.findFirst({
    where: { organisationId, sourceDigest: digest },
    select: { code: true, createdAt: true, plan: { select: { slug: true, title: true } } },
  });
  if (earlier) {
    abortInvalid(
      ['text'],
      `This file was loaded before, as revision ${earlier.code} of ${earlier.plan.title} (${earlier.plan.slug}) on ${fromDbDate(earlier.createdAt)}: nothing to do.`,
    );
  }
}

interface StructureOptions {
  readonly introducedInRevisionId: string;
  readonly effective: ReturnType<typeof effectiveFrom>;
  readonly history: HistoryEntry[];
}

/** Creates the priorities, themes, commitments and measures of a new plan. */
async function createStructure(
  tx: Tx,
  organisationId: string,
  planId: string,
  structure: PlanStructure,
  options: StructureOptions,
): Promise<{ commitmentIdByCode: Map<string, string> }> {
  const priorityIdByNumber = new Map<number, string>();
  for (const priority of structure.priorities) {
    const id = await createPriority(tx, organisationId, planId, priority, options);
    priorityIdByNumber.set(priority.number, id);
  }
  const themeIdByKey = new Map<string, string>();
  for (const theme of structure.themes) {
    const priorityId = priorityIdByNumber.get(theme.priorityNumber) as string;
    themeIdByKey.set(
      `${theme.priorityNumber}.${theme.position}`,
      await createTheme(tx, organisationId, planId, priorityId, theme, options),
    );
  }
  const commitmentIdByCode = await createCommitments(
    tx,
    organisationId,
    planId,
    structure.commitments,
    themeIdByKey,
    options,
  );
  if (structure.measures.length > 0) {
    const measures = await tx.measure.createManyAndReturn({
      data: structure.measures.map((m) => ({
        organisationId,
        priorityId: priorityIdByNumber.get(m.priorityNumber) as string,
        position: m.position,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
      })),
      select: { id: true, name: true, unit: true, direction: true },
    });
    for (const measure of measures) {
      options.history.push({
        planId,
        entityType: 'Measure',
        entityId: measure.id,
        action: 'create',
        effective: options.effective,
        before: null,
        after: { name: measure.name, unit: measure.unit, direction: measure.direction },
        note: null,
      });
    }
  }
  return { commitmentIdByCode };
}

async function createPriority(
  tx: Tx,
  organisationId: string,
  planId: string,
  priority: PlanStructure['priorities'][number],
  options: StructureOptions,
): Promise<string> {
  const row = await tx.priority.create({
    data: {
      organisationId,
      planId,
      number: priority.number,
      title: priority.title,
      aims: [...priority.aims],
      outcome: priority.outcome,
    },
    select: { id: true },
  });
  options.history.push({
    planId,
    entityType: 'Priority',
    entityId: row.id,
    action: 'create',
    effective: options.effective,
    before: null,
    after: { number: priority.number, title: priority.title },
    note: null,
  });
  return row.id;
}

async function createTheme(
  tx: Tx,
  organisationId: string,
  planId: string,
  priorityId: string,
  theme: PlanStructure['themes'][number],
  options: StructureOptions,
): Promise<string> {
  const row = await tx.theme.create({
    data: { organisationId, priorityId, position: theme.position, title: theme.title },
    select: { id: true },
  });
  options.history.push({
    planId,
    entityType: 'Theme',
    entityId: row.id,
    action: 'create',
    effective: options.effective,
    before: null,
    after: { priorityNumber: theme.priorityNumber, position: theme.position, title: theme.title },
    note: null,
  });
  return row.id;
}

async function createCommitments(
  tx: Tx,
  organisationId: string,
  planId: string,
  rows: readonly CommitmentRow[],
  themeIdByKey: ReadonlyMap<string, string>,
  options: StructureOptions,
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const created = await tx.commitment.createManyAndReturn({
    data: rows.map((c) => ({
      organisationId,
      planId,
      themeId: themeIdOf(c, themeIdByKey),
      crossCuttingSection: c.crossCuttingSection,
      code: c.code,
      liveCode: c.code,
      position: c.position,
      text: c.text,
      introducedInRevisionId: options.introducedInRevisionId,
    })),
  });
  for (const row of created) {
    const record = commitmentRecord(row);
    options.history.push({
      planId,
      entityType: 'Commitment',
      entityId: row.id,
      action: 'create',
      effective: options.effective,
      before: null,
      after: { code: record.code, ...pickFields(record, COMMITMENT_STATE_FIELDS) },
      note: null,
    });
  }
  return new Map(created.map((c) => [c.code, c.id]));
}

function themeIdOf(row: CommitmentRow, themeIdByKey: ReadonlyMap<string, string>): string | null {
  if (row.priorityNumber === null || row.themePosition === null) return null;
  const id = themeIdByKey.get(`${row.priorityNumber}.${row.themePosition}`);
  if (!id) throw new Error(`No theme ${row.priorityNumber}.${row.themePosition} for ${row.code}`);
  return id;
}

async function createReportingPeriods(
  tx: Tx,
  organisationId: string,
  identity: PlanIdentity,
): Promise<void> {
  await tx.reportingPeriod.createMany({
    data: planQuarters(identity.periodStart, identity.periodEnd).map((q) => ({
      organisationId,
      label: q.label,
      financialYear: q.financialYear,
      quarter: q.quarter,
      startDate: toDbDate(q.startDate),
      endDate: toDbDate(q.endDate),
    })),
    // Another plan of the organisation may share quarters: the periods are the organisation's.
    skipDuplicates: true,
  });
}

/** The plan as it stands, for comparing with a new text; ids of its priorities and themes. */
async function currentPlan(
  tx: Tx,
  planId: string,
): Promise<{
  plan: CurrentPlan;
  priorityIdByNumber: Map<number, string>;
  themeIdByKey: Map<string, string>;
}> {
  const [priorities, themes, commitments] = await Promise.all([
    tx.priority.findMany({ where: { planId }, orderBy: { number: 'asc' } }),
    tx.theme.findMany({
      where: { priority: { planId } },
      include: { priority: { select: { number: true } } },
      orderBy: [{ priority: { number: 'asc' } }, { position: 'asc' }],
    }),
    tx.commitment.findMany({
      where: { planId, liveCode: { not: null } },
      include: { theme: { select: { position: true, priority: { select: { number: true } } } } },
      orderBy: { code: 'asc' },
    }),
  ]);
  return {
    plan: {
      priorities: priorities.map((p) => ({
        number: p.number,
        title: p.title,
        aims: p.aims,
        outcome: p.outcome,
      })),
      themes: themes.map((t) => ({
        priorityNumber: t.priority.number,
        position: t.position,
        title: t.title,
      })),
      commitments: commitments.map((c) => ({
        id: c.id,
        code: c.code,
        priorityNumber: c.theme?.priority.number ?? null,
        themePosition: c.theme?.position ?? null,
        crossCuttingSection: c.crossCuttingSection,
        position: c.position,
        text: c.text,
      })),
    },
    priorityIdByNumber: new Map(priorities.map((p) => [p.number, p.id])),
    themeIdByKey: new Map(themes.map((t) => [`${t.priority.number}.${t.position}`, t.id])),
  };
}

interface ApplyOptions {
  readonly revisionId: string;
  readonly revisionCode: string;
  readonly effective: ReturnType<typeof effectiveFrom>;
  readonly history: HistoryEntry[];
}

/** Writes what a revision changes, appending its history to `options.history`. */
async function applyDiff(
  tx: Tx,
  plan: { id: string; organisationId: string },
  current: Awaited<ReturnType<typeof currentPlan>>,
  diff: RevisionDiff,
  options: ApplyOptions,
): Promise<void> {
  const { organisationId } = plan;
  const planId = plan.id;
  const structureOptions: StructureOptions = {
    introducedInRevisionId: options.revisionId,
    effective: options.effective,
    history: options.history,
  };
  const entry = (
    entityType: HistoryEntry['entityType'],
    entityId: string,
    action: HistoryEntry['action'],
    before: HistoryEntry['before'],
    after: HistoryEntry['after'],
  ) =>
    options.history.push({
      planId,
      entityType,
      entityId,
      action,
      effective: options.effective,
      before,
      after,
      note: `Revision ${options.revisionCode}`,
    });

  const priorityIdByNumber = new Map(current.priorityIdByNumber);
  for (const priority of diff.prioritiesAdded) {
    priorityIdByNumber.set(
      priority.number,
      await createPriority(tx, organisationId, planId, priority, structureOptions),
    );
  }
  for (const { before, after } of diff.prioritiesRetitled) {
    const id = priorityIdByNumber.get(after.number) as string;
    await tx.priority.update({
      where: { id },
      data: { title: after.title, aims: [...after.aims], version: { increment: 1 } },
    });
    entry('Priority', id, 'update', { title: before.title }, { title: after.title });
  }
  const themeIdByKey = new Map(current.themeIdByKey);
  for (const theme of diff.themesAdded) {
    const priorityId = priorityIdByNumber.get(theme.priorityNumber) as string;
    themeIdByKey.set(
      `${theme.priorityNumber}.${theme.position}`,
      await createTheme(tx, organisationId, planId, priorityId, theme, structureOptions),
    );
  }
  for (const { before, after } of diff.themesRetitled) {
    const id = themeIdByKey.get(`${after.priorityNumber}.${after.position}`) as string;
    await tx.theme.update({
      where: { id },
      data: { title: after.title, version: { increment: 1 } },
    });
    entry('Theme', id, 'update', { title: before.title }, { title: after.title });
  }

  // Withdrawn and renumbered commitments give up their codes first, so that a code can pass
  // from one commitment to another within the revision.
  const released = [...diff.withdrawn.map((c) => c.id), ...diff.renumbered.map((c) => c.id)];
  if (released.length > 0) {
    await tx.commitment.updateMany({ where: { id: { in: released } }, data: { liveCode: null } });
  }
  const moving = await tx.commitment.findMany({ where: { id: { in: released } } });
  const wasById = new Map(moving.map((c) => [c.id, c]));
  const reason = `Withdrawn by revision ${options.revisionCode} of the plan.`;
  for (const withdrawn of diff.withdrawn) {
    const was = wasById.get(withdrawn.id);
    await tx.commitment.update({
      where: { id: withdrawn.id },
      data: {
        withdrawnInRevisionId: options.revisionId,
        status: 'WITHDRAWN',
        statusOverrideReason: reason,
        version: { increment: 1 },
      },
    });
    entry(
      'Commitment',
      withdrawn.id,
      'withdraw',
      {
        withdrawnInRevisionId: null,
        status: was?.status ?? null,
        statusOverrideReason: was?.statusOverrideReason ?? null,
      },
      {
        withdrawnInRevisionId: options.revisionId,
        status: 'WITHDRAWN',
        statusOverrideReason: reason,
      },
    );
  }
  for (const moved of diff.renumbered) {
    const was = wasById.get(moved.id);
    const themeId = themeIdOf(moved.after, themeIdByKey);
    await tx.commitment.update({
      where: { id: moved.id },
      data: {
        code: moved.after.code,
        liveCode: moved.after.code,
        themeId,
        crossCuttingSection: moved.after.crossCuttingSection,
        position: moved.after.position,
        version: { increment: 1 },
      },
    });
    entry(
      'Commitment',
      moved.id,
      'renumber',
      {
        code: was?.code ?? moved.fromCode,
        position: was?.position ?? null,
        themeId: was?.themeId ?? null,
      },
      { code: moved.after.code, position: moved.after.position, themeId },
    );
  }
  for (const reworded of diff.reworded) {
    await tx.commitment.update({
      where: { id: reworded.id },
      data: { text: reworded.after.text, version: { increment: 1 } },
    });
    entry(
      'Commitment',
      reworded.id,
      'reword',
      { text: reworded.before },
      { text: reworded.after.text },
    );
  }
  await createCommitments(tx, organisationId, planId, diff.added, themeIdByKey, structureOptions);
}
