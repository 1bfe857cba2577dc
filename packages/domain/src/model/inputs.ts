/**
 * Input schemas for writes. The API validates its arguments with these (through Pothos'
 * validation plugin) and the importer and seed use them too, so every rule lives here once.
 * Inputs are strict: an unknown field is an error, not silently dropped.
 */
import { z } from 'zod';
import { EvidenceListSchema, NarrativeSchema } from './entities.js';
import {
  IdSchema,
  IsoDateSchema,
  PercentSchema,
  PeriodLabelSchema,
  requiredText,
} from './primitives.js';
import { addFigureIssues, addUpdateIssues } from './rules.js';
import { LifecycleStatusSchema, RagSchema } from './vocabulary.js';

/** Free text that may be empty; trimmed. */
const OptionalText = (max: number) => z.string().trim().max(max);

/** Why a status or figure was changed; needed to reopen completed or revive withdrawn work. */
const ReasonSchema = requiredText(2000, 'The reason');

/** Fields of {@link StatusChangeInputSchema} that change something (`reason` and `note` do not). */
export const STATUS_CHANGE_FIELDS = [
  'status',
  'rag',
  'owner',
  'startDate',
  'dueDate',
  'progressPercent',
] as const;

/**
 * A change to the status and figures of a commitment or delivery action. Every field is
 * optional, but at least one of {@link STATUS_CHANGE_FIELDS} must be given; `null` clears a
 * nullable field. The rules are checked on the fields given; the service checks them again on
 * the merged record (`figureIssues`) and checks the transition (`checkTransition`, passing
 * `reason`).
 */
export const StatusChangeInputSchema = z
  .strictObject({
    status: LifecycleStatusSchema.optional(),
    rag: RagSchema.nullable().optional(),
    owner: requiredText(300, 'The owner').nullable().optional(),
    startDate: IsoDateSchema.nullable().optional(),
    dueDate: IsoDateSchema.nullable().optional(),
    progressPercent: PercentSchema.optional(),
    reason: ReasonSchema.optional(),
    note: OptionalText(5000).optional(),
  })
  .superRefine((input, ctx) => {
    if (STATUS_CHANGE_FIELDS.every((field) => input[field] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'Nothing to change. Give at least one of status, RAG, owner, start date, due date or progress.',
      });
    }
    addFigureIssues(input, ctx);
  });
/** A change to the status and figures of a commitment or delivery action. */
export type StatusChangeInput = z.infer<typeof StatusChangeInputSchema>;

/**
 * A new progress update. The figures before are taken from the record by the service, so only
 * those after are given; an omitted "after" figure means unchanged.
 */
export const ProgressUpdateInputSchema = z
  .strictObject({
    period: PeriodLabelSchema,
    recordedOn: IsoDateSchema,
    narrative: NarrativeSchema,
    statusAfter: LifecycleStatusSchema.optional(),
    ragAfter: RagSchema.nullable().optional(),
    progressAfter: PercentSchema.optional(),
    evidence: EvidenceListSchema.default([]),
    // The subject's details changed with the update, so the whole form saves in one write.
    owner: requiredText(300, 'The owner').nullable().optional(),
    startDate: IsoDateSchema.nullable().optional(),
    dueDate: IsoDateSchema.nullable().optional(),
  })
  .superRefine(addUpdateIssues);
/** A new progress update, as the API receives it. */
export type ProgressUpdateInput = z.infer<typeof ProgressUpdateInputSchema>;
/** A new progress update before defaults are applied (`evidence` may be omitted). */
export type ProgressUpdateInputRaw = z.input<typeof ProgressUpdateInputSchema>;

/** The editable details of a delivery action. */
const DeliveryActionDetails = z.strictObject({
  title: requiredText(300, 'The title'),
  description: OptionalText(5000),
  owner: requiredText(300, 'The owner').nullable(),
  startDate: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
});

/**
 * A new delivery action under a commitment. It may start with any status and figures (the
 * delivery plan is often entered part-way through); defaults are not started, not rated, 0%.
 */
export const DeliveryActionInputSchema = DeliveryActionDetails.extend({
  commitmentId: IdSchema,
  description: OptionalText(5000).default(''),
  owner: requiredText(300, 'The owner').nullable().default(null),
  startDate: IsoDateSchema.nullable().default(null),
  dueDate: IsoDateSchema.nullable().default(null),
  status: LifecycleStatusSchema.default('NOT_STARTED'),
  rag: RagSchema.nullable().default(null),
  completedOn: IsoDateSchema.nullable().default(null),
  progressPercent: PercentSchema.default(0),
}).superRefine(addFigureIssues);
/** A new delivery action, with defaults applied. */
export type DeliveryActionInput = z.infer<typeof DeliveryActionInputSchema>;

/**
 * A change to a delivery action's details; at least one field. Status, RAG and progress are
 * not here on purpose: they change through {@link StatusChangeInputSchema}, the one path that
 * enforces the lifecycle transitions and records history.
 */
export const DeliveryActionPatchSchema = DeliveryActionDetails.partial().superRefine(
  (patch, ctx) => {
    if (Object.values(patch).every((value) => value === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'Nothing to change. Give at least one of title, description, owner, start date or due date.',
      });
    }
    addFigureIssues(patch, ctx);
  },
);
/** A change to a delivery action's details. */
export type DeliveryActionPatch = z.infer<typeof DeliveryActionPatchSchema>;

/** A new or replacement milestone of a delivery action. */
export const MilestoneInputSchema = z.strictObject({
  actionId: IdSchema,
  title: requiredText(300, 'The title'),
  dueDate: IsoDateSchema,
  completedOn: IsoDateSchema.nullable().default(null),
});
/** A new or replacement milestone, with defaults applied. */
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

/** A change to a milestone: its title, due date or completion; at least one of them. */
export const MilestonePatchSchema = z
  .strictObject({
    title: MilestoneInputSchema.shape.title.optional(),
    dueDate: IsoDateSchema.optional(),
    completedOn: IsoDateSchema.nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Nothing to change. Give at least one of title, due date or completion date.',
  });
/** A change to a milestone. */
export type MilestonePatch = z.infer<typeof MilestonePatchSchema>;

/** A measure's value for one reporting period. */
export const MeasureValueInputSchema = z.strictObject({
  measureId: IdSchema,
  period: PeriodLabelSchema,
  value: z.number().finite('Enter a number.'),
  note: OptionalText(2000).nullable().default(null),
  recordedOn: IsoDateSchema,
});
/** A measure's value for one reporting period, with defaults applied. */
export type MeasureValueInput = z.infer<typeof MeasureValueInputSchema>;
