/**
 * Zod schemas and types for every stored entity in docs/domain-model.md. Storage fields that
 * the database adds (`organisationId` on every row, `version`, `createdAt`, `updatedAt`) are not
 * part of the domain and are left out.
 */
import { z } from 'zod';
import { tryPeriodFromLabel } from '../timeline/financial-year.js';
import {
  CommitmentCodeSchema,
  EvidenceLinkSchema,
  FinancialYearSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PercentSchema,
  PeriodLabelSchema,
  PositionSchema,
  PriorityNumberSchema,
  requiredText,
  SlugSchema,
} from './primitives.js';
import { addFigureIssues, addRangeIssue, addUpdateIssues } from './rules.js';
import {
  CROSS_CUTTING_SECTIONS,
  CrossCuttingSectionSchema,
  LifecycleStatusSchema,
  MeasureDirectionSchema,
  PanelActionStatusSchema,
  RagSchema,
} from './vocabulary.js';

/** Most evidence links one update may carry. */
export const MAX_EVIDENCE_LINKS = 20;
/** Longest narrative of a progress update, in characters after trimming. */
export const MAX_NARRATIVE_LENGTH = 5000;

/** Free text that may be empty (descriptions); trimmed. */
const OptionalText = (max: number) => z.string().trim().max(max);

/** The narrative of a progress update: trimmed, 1–5000 characters. */
export const NarrativeSchema = requiredText(MAX_NARRATIVE_LENGTH, 'The narrative');

/** Evidence links of one update: at most {@link MAX_EVIDENCE_LINKS}. */
export const EvidenceListSchema = z
  .array(EvidenceLinkSchema)
  .max(MAX_EVIDENCE_LINKS, `Attach at most ${MAX_EVIDENCE_LINKS} evidence links.`);

/** A tenant: an office such as the Dorset OPCC. Everything else belongs to one. */
export const OrganisationSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  name: requiredText(200, 'The name'),
});
/** A tenant organisation. */
export type Organisation = z.infer<typeof OrganisationSchema>;

/** A police and crime plan, e.g. "Police & Crime Plan 2021–29" (`dorset-2021-29`). */
export const PlanSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    slug: SlugSchema,
    title: requiredText(300, 'The title'),
    vision: OptionalText(1000),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    published: z.boolean(),
  })
  .superRefine((plan, ctx) => addRangeIssue(plan.periodStart, plan.periodEnd, 'periodEnd', ctx));
/** A police and crime plan. */
export type Plan = z.infer<typeof PlanSchema>;

/** One published version of a plan (the 2021 launch, the 2024 refresh). History is never rewritten. */
export const PlanRevisionSchema = z
  .object({
    id: IdSchema,
    planId: IdSchema,
    code: requiredText(32, 'The revision code'),
    title: requiredText(300, 'The title'),
    publishedOn: IsoDateSchema,
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    summary: OptionalText(5000),
    source: OptionalText(1000),
  })
  .superRefine((rev, ctx) => addRangeIssue(rev.periodStart, rev.periodEnd, 'periodEnd', ctx));
/** One published version of a plan. */
export type PlanRevision = z.infer<typeof PlanRevisionSchema>;

/** One of the plan's six priorities, with its aims and outcome. */
export const PrioritySchema = z.object({
  id: IdSchema,
  planId: IdSchema,
  number: PriorityNumberSchema,
  title: requiredText(300, 'The title'),
  aims: z.array(requiredText(2000, 'An aim')),
  outcome: OptionalText(2000),
});
/** One of the plan's priorities. */
export type Priority = z.infer<typeof PrioritySchema>;

/** How one revision worded one priority. */
export const PriorityStatementSchema = z.object({
  revisionId: IdSchema,
  priorityNumber: PriorityNumberSchema,
  title: requiredText(300, 'The title'),
  statement: requiredText(10000, 'The statement'),
});
/** How one revision worded one priority. */
export type PriorityStatement = z.infer<typeof PriorityStatementSchema>;

/** A heading inside a priority, e.g. "Burglary and Acquisitive Crime". */
export const ThemeSchema = z.object({
  id: IdSchema,
  priorityId: IdSchema,
  position: PositionSchema,
  title: requiredText(300, 'The title'),
});
/** A heading inside a priority. */
export type Theme = z.infer<typeof ThemeSchema>;

/**
 * One "I will" commitment, verbatim.
 *
 * Rules: a commitment sits either in a theme (`themeId`, code `p.t.m`) or in a cross-cutting
 * section (`crossCuttingSection`, code `X.n.m` with `n` the section's number); the last part of
 * the code is its `position`; plus the figure rules (see `figureIssues`).
 */
export const CommitmentSchema = z
  .object({
    id: IdSchema,
    planId: IdSchema,
    themeId: IdSchema.nullable(),
    crossCuttingSection: CrossCuttingSectionSchema.nullable(),
    code: CommitmentCodeSchema,
    position: PositionSchema,
    text: requiredText(5000, 'The commitment text'),
    introducedInRevisionId: IdSchema,
    withdrawnInRevisionId: IdSchema.nullable(),
    status: LifecycleStatusSchema,
    rag: RagSchema.nullable(),
    owner: requiredText(300, 'The owner').nullable(),
    startDate: IsoDateSchema.nullable(),
    dueDate: IsoDateSchema.nullable(),
    progressPercent: PercentSchema,
    statusOverrideReason: requiredText(2000, 'The reason').nullable(),
  })
  .superRefine((c, ctx) => {
    const crossCutting = c.crossCuttingSection !== null;
    if (crossCutting === (c.themeId !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['crossCuttingSection'],
        message: crossCutting
          ? 'A cross-cutting commitment cannot also belong to a theme.'
          : 'Choose a theme or a cross-cutting section.',
      });
    }
    const parts = c.code.split('.');
    if (crossCutting !== (parts[0] === 'X')) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: crossCutting
          ? 'A cross-cutting commitment has a code starting with X, such as X.1.2.'
          : 'A commitment in a theme has a code such as 1.2.3, not X.',
      });
    } else if (
      c.crossCuttingSection !== null &&
      Number(parts[1]) !== CROSS_CUTTING_SECTIONS.indexOf(c.crossCuttingSection) + 1
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `The code ${c.code} does not match section ${c.crossCuttingSection} (number ${CROSS_CUTTING_SECTIONS.indexOf(c.crossCuttingSection) + 1}).`,
      });
    }
    if (Number(parts[2]) !== c.position) {
      ctx.addIssue({
        code: 'custom',
        path: ['position'],
        message: `The position ${c.position} does not match the last part of the code ${c.code}.`,
      });
    }
    addFigureIssues(c, ctx);
  });
/** One "I will" commitment. */
export type Commitment = z.infer<typeof CommitmentSchema>;

/** The fields of a delivery action, before cross-field rules. */
export const DeliveryActionShape = z.object({
  id: IdSchema,
  commitmentId: IdSchema,
  title: requiredText(300, 'The title'),
  description: OptionalText(5000),
  owner: requiredText(300, 'The owner').nullable(),
  status: LifecycleStatusSchema,
  rag: RagSchema.nullable(),
  startDate: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  completedOn: IsoDateSchema.nullable(),
  progressPercent: PercentSchema,
  archivedAt: IsoDateTimeSchema.nullable(),
});

/** A unit of work in the delivery plan under one commitment; `owner` is a role, team or partner. */
export const DeliveryActionSchema = DeliveryActionShape.superRefine(addFigureIssues);
/** A unit of work under a commitment. */
export type DeliveryAction = z.infer<typeof DeliveryActionSchema>;

/** A dated step within a delivery action. */
export const MilestoneSchema = z.object({
  id: IdSchema,
  actionId: IdSchema,
  title: requiredText(300, 'The title'),
  dueDate: IsoDateSchema,
  completedOn: IsoDateSchema.nullable(),
  archivedAt: IsoDateTimeSchema.nullable(),
});
/** A dated step within a delivery action. */
export type Milestone = z.infer<typeof MilestoneSchema>;

/**
 * An append-only, dated entry on a commitment or one of its actions, with the figures before
 * and after. An update on an action also names its commitment.
 */
export const ProgressUpdateSchema = z
  .object({
    id: IdSchema,
    commitmentId: IdSchema,
    actionId: IdSchema.nullable(),
    period: PeriodLabelSchema,
    recordedOn: IsoDateSchema,
    author: requiredText(300, 'The author'),
    statusBefore: LifecycleStatusSchema,
    statusAfter: LifecycleStatusSchema,
    ragBefore: RagSchema.nullable(),
    ragAfter: RagSchema.nullable(),
    progressBefore: PercentSchema,
    progressAfter: PercentSchema,
    narrative: NarrativeSchema,
    evidence: EvidenceListSchema,
  })
  .superRefine(addUpdateIssues);
/** An append-only dated progress entry. */
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;

/** A way of measuring a priority's progress, e.g. total crime, victim satisfaction. */
export const MeasureSchema = z.object({
  id: IdSchema,
  priorityId: IdSchema,
  position: PositionSchema,
  name: requiredText(300, 'The name'),
  unit: OptionalText(100),
  direction: MeasureDirectionSchema,
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
});
/** A way of measuring a priority's progress. */
export type Measure = z.infer<typeof MeasureSchema>;

/** A measure's value for one reporting period. */
export const MeasureValueSchema = z.object({
  id: IdSchema,
  measureId: IdSchema,
  period: PeriodLabelSchema,
  value: z.number().finite(),
  note: OptionalText(2000).nullable(),
  recordedOn: IsoDateSchema,
});
/** A measure's value for one reporting period. */
export type MeasureValue = z.infer<typeof MeasureValueSchema>;

/**
 * A financial-year quarter the office reports on; once `closedAt` is set its updates are
 * locked. Year, quarter and dates must agree with the label.
 */
export const ReportingPeriodSchema = z
  .object({
    label: PeriodLabelSchema,
    financialYear: FinancialYearSchema,
    quarter: z.number().int().min(1).max(4),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    closedAt: IsoDateTimeSchema.nullable(),
  })
  .superRefine((p, ctx) => {
    const expected = tryPeriodFromLabel(p.label);
    if (!expected) return;
    for (const field of ['financialYear', 'quarter', 'startDate', 'endDate'] as const) {
      if (p[field] !== expected[field]) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${p.label} has ${field} ${expected[field]}, not ${p[field]}.`,
        });
      }
    }
  });
/** A financial-year quarter the office reports on. */
export type ReportingPeriod = z.infer<typeof ReportingPeriodSchema>;

/** A meeting of the Police and Crime Panel that scrutinised the plan. */
export const PanelMeetingSchema = z.object({
  id: IdSchema,
  planId: IdSchema,
  heldOn: IsoDateSchema,
  title: requiredText(300, 'The title'),
  source: OptionalText(1000).nullable(),
});
/** A meeting of the Police and Crime Panel. */
export type PanelMeeting = z.infer<typeof PanelMeetingSchema>;

/** Something the Panel asked the office to do, and the office's response. */
export const PanelActionSchema = z.object({
  id: IdSchema,
  meetingId: IdSchema,
  priorityNumber: PriorityNumberSchema.nullable(),
  text: requiredText(5000, 'The action'),
  status: PanelActionStatusSchema,
  response: OptionalText(10000).nullable(),
  dueDate: IsoDateSchema.nullable(),
});
/** Something the Panel asked the office to do. */
export type PanelAction = z.infer<typeof PanelActionSchema>;
