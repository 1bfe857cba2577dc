/**
 * What the database layer hands the report builder: the plan's shape, its state as at the end
 * of every quarter from the plan's first up to the report's, and what was recorded in the
 * report's quarter. The schema checks the pieces fit together, so the builder can trust ids,
 * periods and dates.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { EvidenceListSchema, NarrativeSchema } from '../model/entities.js';
import {
  CommitmentCodeSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PercentSchema,
  PeriodLabelSchema,
  PriorityNumberSchema,
  requiredText,
  SlugSchema,
} from '../model/primitives.js';
import { addRangeIssue } from '../model/rules.js';
import {
  CROSS_CUTTING_SECTIONS,
  CrossCuttingSectionSchema,
  LifecycleStatusSchema,
  MeasureDirectionSchema,
  PanelActionStatusSchema,
  RagSchema,
} from '../model/vocabulary.js';
import { comparePeriods, tryPeriodFromLabel } from '../timeline/financial-year.js';
import { planQuarters } from '../timeline/plan.js';

/** A dated progress note: the latest one an item had at a quarter's end. */
export const ReportNoteSchema = z.object({
  /** When the note was recorded. */
  recordedOn: IsoDateSchema,
  /** What it said. */
  narrative: NarrativeSchema,
});
/** A dated progress note. */
export type ReportNote = z.infer<typeof ReportNoteSchema>;

/**
 * One commitment as it stood at a quarter's end, with its own stored figures. The report rolls
 * them up from the commitment's actions (unless `statusOverrideReason` is set), as everywhere else.
 */
export const ReportCommitmentStateSchema = z.object({
  id: IdSchema,
  code: CommitmentCodeSchema,
  /** The theme it sits in; `null` when cross-cutting. */
  themeId: IdSchema.nullable(),
  /** The cross-cutting section it sits in; `null` inside a priority. */
  crossCuttingSection: CrossCuttingSectionSchema.nullable(),
  /** The "I will" text, verbatim. */
  text: requiredText(5000, 'The commitment text'),
  owner: requiredText(300, 'The owner').nullable(),
  status: LifecycleStatusSchema,
  rag: RagSchema.nullable(),
  progressPercent: PercentSchema,
  dueDate: IsoDateSchema.nullable(),
  /** Set when staff set the figures instead of rolling them up from the actions. */
  statusOverrideReason: requiredText(2000, 'The reason').nullable(),
  /** The latest progress note on the commitment on or before the quarter's end. */
  latestNote: ReportNoteSchema.nullable(),
});
/** One commitment as it stood at a quarter's end. */
export type ReportCommitmentState = z.infer<typeof ReportCommitmentStateSchema>;

/** One delivery action as it stood at a quarter's end. */
export const ReportActionStateSchema = z.object({
  id: IdSchema,
  commitmentId: IdSchema,
  title: requiredText(300, 'The title'),
  owner: requiredText(300, 'The owner').nullable(),
  status: LifecycleStatusSchema,
  rag: RagSchema.nullable(),
  progressPercent: PercentSchema,
  dueDate: IsoDateSchema.nullable(),
  /** When it was archived; archived actions are left out of the report, as out of roll-ups. */
  archivedAt: IsoDateTimeSchema.nullable(),
  /** The latest progress note on the action on or before the quarter's end; optional. */
  latestNote: ReportNoteSchema.nullable().optional(),
});
/** One delivery action as it stood at a quarter's end. */
export type ReportActionState = z.infer<typeof ReportActionStateSchema>;

/** The plan's commitments and actions as they stood at the end of one quarter. */
export const ReportStateSchema = z.object({
  /** The quarter, e.g. `2021/22 Q1`. */
  period: PeriodLabelSchema,
  /** The quarter's last day, e.g. `2021-06-30`. */
  asAt: IsoDateSchema,
  commitments: z.array(ReportCommitmentStateSchema),
  actions: z.array(ReportActionStateSchema),
});
/** The plan's commitments and actions as they stood at the end of one quarter. */
export type ReportState = z.infer<typeof ReportStateSchema>;

/** A progress update recorded for the report's quarter, on a commitment or one of its actions. */
export const ReportUpdateSchema = z.object({
  id: IdSchema,
  commitmentId: IdSchema,
  /** The action it is about, or `null` when it is about the commitment itself. */
  actionId: IdSchema.nullable(),
  /** The reporting period it is for: must be the report's. */
  period: PeriodLabelSchema,
  recordedOn: IsoDateSchema,
  author: requiredText(300, 'The author'),
  statusBefore: LifecycleStatusSchema,
  statusAfter: LifecycleStatusSchema,
  ragBefore: RagSchema.nullable(),
  ragAfter: RagSchema.nullable(),
  /** Progress before the update, when known. */
  progressBefore: PercentSchema.nullable().optional(),
  /** Progress after the update, when known. */
  progressAfter: PercentSchema.nullable().optional(),
  narrative: NarrativeSchema,
  evidence: EvidenceListSchema,
});
/** A progress update recorded for the report's quarter. */
export type ReportUpdate = z.infer<typeof ReportUpdateSchema>;

/** A measure's value for one quarter. */
export const ReportMeasureValueSchema = z.object({
  period: PeriodLabelSchema,
  value: z.number().finite(),
});
/** A measure's value for one quarter. */
export type ReportMeasureValue = z.infer<typeof ReportMeasureValueSchema>;

/**
 * A priority's measure with its series of values. Values for quarters after the report's are
 * ignored, so the database may hand over the whole series.
 */
export const ReportMeasureSchema = z.object({
  priorityNumber: PriorityNumberSchema,
  name: requiredText(300, 'The name'),
  /** e.g. `crimes`, `%`; may be empty. */
  unit: z.string().trim().max(100),
  /** Direction of good: which way is improvement. */
  direction: MeasureDirectionSchema,
  values: z.array(ReportMeasureValueSchema),
});
/** A priority's measure with its values. */
export type ReportMeasure = z.infer<typeof ReportMeasureSchema>;

/** Something the Police and Crime Panel asked for at a meeting on or before the report's end. */
export const ReportPanelActionSchema = z.object({
  meetingHeldOn: IsoDateSchema,
  meetingTitle: requiredText(300, 'The meeting title'),
  /** The priority it concerns, or `null` for the plan as a whole. */
  priorityNumber: PriorityNumberSchema.nullable(),
  text: requiredText(5000, 'The action'),
  status: PanelActionStatusSchema,
  /** The office's response so far. */
  response: z.string().trim().max(10000).nullable(),
});
/** Something the Panel asked for. */
export type ReportPanelAction = z.infer<typeof ReportPanelActionSchema>;

const ReportInputShape = z.object({
  organisation: z.object({ name: requiredText(200, 'The name') }),
  plan: z
    .object({
      slug: SlugSchema,
      title: requiredText(300, 'The title'),
      vision: z.string().trim().max(1000),
      periodStart: IsoDateSchema,
      periodEnd: IsoDateSchema,
    })
    .superRefine((plan, ctx) => addRangeIssue(plan.periodStart, plan.periodEnd, 'periodEnd', ctx)),
  /** The quarter reported on, e.g. `2021/22 Q2`. */
  period: PeriodLabelSchema,
  /**
   * The day an administrator closed the quarter; `null` (the default) while it is open, when
   * the report is a draft that changes as updates are filed for the quarter.
   */
  closedOn: IsoDateSchema.nullable().default(null),
  priorities: z.array(
    z.object({
      number: PriorityNumberSchema,
      title: requiredText(300, 'The title'),
      /** In plan order; the report keeps this order. */
      themes: z.array(z.object({ id: IdSchema, title: requiredText(300, 'The title') })),
    }),
  ),
  /** One state per quarter, from the plan's first quarter to the report's, in any order. */
  states: z.array(ReportStateSchema),
  /** The updates filed for the report's quarter (during it or after its end). */
  updates: z.array(ReportUpdateSchema),
  /** In plan order; the report keeps this order within each priority. */
  measures: z.array(ReportMeasureSchema),
  panelActions: z.array(ReportPanelActionSchema),
});

type Shape = z.infer<typeof ReportInputShape>;

function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** The checks across fields: every id it names exists, every quarter is there once. */
function checkConsistency(input: Shape, ctx: z.RefinementCtx): void {
  const reportPeriod = tryPeriodFromLabel(input.period);
  const { periodStart, periodEnd } = input.plan;
  if (!reportPeriod || periodEnd < periodStart) return; // already reported on its field
  const quarters = planQuarters(periodStart, periodEnd);
  const first = quarters[0];
  if (!first || !quarters.some((q) => q.label === input.period)) {
    issue(
      ctx,
      ['period'],
      `The report period ${input.period} is outside the plan (${quarters[0]?.label} to ${quarters.at(-1)?.label}).`,
    );
    return;
  }

  const priorityOfTheme = new Map<string, number>();
  const priorityNumbers = new Set<number>();
  input.priorities.forEach((priority, p) => {
    if (priorityNumbers.has(priority.number)) {
      issue(ctx, ['priorities', p, 'number'], `Priority ${priority.number} is listed twice.`);
    }
    priorityNumbers.add(priority.number);
    priority.themes.forEach((theme, t) => {
      if (priorityOfTheme.has(theme.id)) {
        issue(ctx, ['priorities', p, 'themes', t, 'id'], `Theme ${theme.id} is listed twice.`);
      }
      priorityOfTheme.set(theme.id, priority.number);
    });
  });

  const wanted = quarters.filter((q) => comparePeriods(q, reportPeriod) <= 0);
  const seen = new Set<string>();
  input.states.forEach((state, s) => {
    const quarter = wanted.find((q) => q.label === state.period);
    if (!quarter) {
      issue(
        ctx,
        ['states', s, 'period'],
        `A state for ${state.period} is not wanted: give one for each quarter from ${first.label} to ${input.period}.`,
      );
      return;
    }
    if (seen.has(state.period)) {
      issue(ctx, ['states', s, 'period'], `There are two states for ${state.period}.`);
    }
    seen.add(state.period);
    if (state.asAt !== quarter.endDate) {
      issue(
        ctx,
        ['states', s, 'asAt'],
        `The state for ${state.period} must be as at the quarter's end, ${quarter.endDate}, not ${state.asAt}.`,
      );
    }
    checkState(state, s, priorityOfTheme, ctx);
  });
  const missing = wanted.filter((q) => !seen.has(q.label)).map((q) => q.label);
  if (missing.length > 0) {
    issue(ctx, ['states'], `Give the plan's state as at the end of ${missing.join(', ')}.`);
  }

  const current = input.states.find((state) => state.period === input.period);
  const commitmentIds = new Set(current?.commitments.map((c) => c.id));
  const actionCommitment = new Map(current?.actions.map((a) => [a.id, a.commitmentId]));
  input.updates.forEach((update, u) => {
    if (update.period !== input.period) {
      issue(
        ctx,
        ['updates', u, 'period'],
        `Only updates for ${input.period} belong in this report, not ${update.period}.`,
      );
    }
    if (current && !commitmentIds.has(update.commitmentId)) {
      issue(
        ctx,
        ['updates', u, 'commitmentId'],
        `Commitment ${update.commitmentId} is not in the state for ${input.period}.`,
      );
    }
    if (current && update.actionId !== null) {
      const owner = actionCommitment.get(update.actionId);
      if (owner === undefined) {
        issue(
          ctx,
          ['updates', u, 'actionId'],
          `Action ${update.actionId} is not in the state for ${input.period}.`,
        );
      } else if (owner !== update.commitmentId) {
        issue(
          ctx,
          ['updates', u, 'actionId'],
          `Action ${update.actionId} belongs to commitment ${owner}, not ${update.commitmentId}.`,
        );
      }
    }
  });

  input.measures.forEach((measure, m) => {
    if (!priorityNumbers.has(measure.priorityNumber)) {
      issue(
        ctx,
        ['measures', m, 'priorityNumber'],
        `There is no priority ${measure.priorityNumber}.`,
      );
    }
    const periods = new Set<string>();
    measure.values.forEach((value, v) => {
      if (periods.has(value.period)) {
        issue(
          ctx,
          ['measures', m, 'values', v, 'period'],
          `${measure.name} has two values for ${value.period}.`,
        );
      }
      periods.add(value.period);
    });
  });

  input.panelActions.forEach((action, a) => {
    if (action.priorityNumber !== null && !priorityNumbers.has(action.priorityNumber)) {
      issue(
        ctx,
        ['panelActions', a, 'priorityNumber'],
        `There is no priority ${action.priorityNumber}.`,
      );
    }
    if (action.meetingHeldOn > reportPeriod.endDate) {
      issue(
        ctx,
        ['panelActions', a, 'meetingHeldOn'],
        `The meeting on ${action.meetingHeldOn} is after the report period ends on ${reportPeriod.endDate}.`,
      );
    }
  });
}

function checkState(
  state: Shape['states'][number],
  s: number,
  priorityOfTheme: ReadonlyMap<string, number>,
  ctx: z.RefinementCtx,
): void {
  const ids = new Set<string>();
  const codes = new Set<string>();
  state.commitments.forEach((c, i) => {
    const at = (field: string): (string | number)[] => ['states', s, 'commitments', i, field];
    if (ids.has(c.id)) issue(ctx, at('id'), `Commitment ${c.id} is listed twice.`);
    ids.add(c.id);
    if (codes.has(c.code)) issue(ctx, at('code'), `Code ${c.code} is used twice.`);
    codes.add(c.code);
    const parts = c.code.split('.');
    if (c.themeId !== null) {
      const priority = priorityOfTheme.get(c.themeId);
      if (c.crossCuttingSection !== null) {
        issue(ctx, at('crossCuttingSection'), 'A commitment in a theme cannot be cross-cutting.');
      }
      if (priority === undefined) {
        issue(ctx, at('themeId'), `There is no theme ${c.themeId} in the priorities.`);
      } else if (parts[0] !== String(priority)) {
        issue(ctx, at('code'), `The code ${c.code} does not start with its priority, ${priority}.`);
      }
    } else if (c.crossCuttingSection === null) {
      issue(ctx, at('crossCuttingSection'), 'Choose a theme or a cross-cutting section.');
    } else if (
      parts[0] !== 'X' ||
      Number(parts[1]) !== CROSS_CUTTING_SECTIONS.indexOf(c.crossCuttingSection) + 1
    ) {
      issue(
        ctx,
        at('code'),
        `The code ${c.code} does not match section ${c.crossCuttingSection}: use X.${CROSS_CUTTING_SECTIONS.indexOf(c.crossCuttingSection) + 1}.n.`,
      );
    }
  });
  const actionIds = new Set<string>();
  state.actions.forEach((a, i) => {
    if (actionIds.has(a.id)) {
      issue(ctx, ['states', s, 'actions', i, 'id'], `Action ${a.id} is listed twice.`);
    }
    actionIds.add(a.id);
    if (!ids.has(a.commitmentId)) {
      issue(
        ctx,
        ['states', s, 'actions', i, 'commitmentId'],
        `Commitment ${a.commitmentId} is not in the state for ${state.period}.`,
      );
    }
  });
}

/**
 * Everything a quarterly monitoring report is built from. The database layer rebuilds the plan
 * "as at" the end of each quarter from its history and hands over:
 *
 * - `organisation.name`; the `plan`'s slug, title, vision and period;
 * - `period`: the quarter reported on, e.g. `2021/22 Q2`, within the plan's period;
 * - `priorities`: number, title and themes (id, title);
 * - `states`: one per quarter from the plan's first up to and including `period` (any order),
 *   each `asAt` the quarter's last day, with every commitment and delivery action as it stood;
 * - `updates`: the progress updates for `period` (on commitments or their actions);
 * - `measures`: each priority's measures with their values per quarter;
 * - `panelActions`: what the Panel asked for at meetings up to the end of `period`, and where
 *   each stands.
 *
 * Besides each field's own rules it checks that the pieces agree: themes and priorities are
 * unique, every commitment sits in a known theme (its code starting with the theme's priority)
 * or a cross-cutting section matching its `X.n` code, actions and updates name commitments and
 * actions of the report's quarter, updates are for that quarter, measures and Panel actions name
 * known priorities, and no measure has two values for one quarter.
 */
export const ReportInputSchema = ReportInputShape.superRefine(checkConsistency);
/** What the database layer hands {@link buildMonitoringReport}; see {@link ReportInputSchema}. */
export type ReportInput = z.input<typeof ReportInputSchema>;

/** Every code the report module raises. Stable: never renamed or reused. */
export const REPORT_ERROR_CODES = ['REPORT_INVALID_INPUT'] as const;
/** One of {@link REPORT_ERROR_CODES}: the code of a {@link ReportInputError}. */
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

/** One problem with a report input: where (a dotted path such as `states.1.commitments.0.rag`) and what. */
export interface ReportInputIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Report input that does not pass {@link ReportInputSchema}. The message lists every problem with
 * its field path; `issues` has them one by one for programs.
 */
export class ReportInputError extends DomainError<ReportErrorCode> {
  /** Each problem, with the path of the field at fault. */
  readonly issues: readonly ReportInputIssue[];

  /** @param issues - the problems found, at least one */
  constructor(issues: readonly ReportInputIssue[]) {
    const list = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    super('REPORT_INVALID_INPUT', `The report cannot be built: ${list}`, { issues });
    this.name = 'ReportInputError';
    this.issues = issues;
  }
}

/**
 * Validates report input against {@link ReportInputSchema}.
 *
 * @param value - what the database layer produced
 * @returns the input, trimmed
 * @throws ReportInputError (`REPORT_INVALID_INPUT`) listing every problem with its field path
 */
export function parseReportInput(value: unknown): z.output<typeof ReportInputSchema> {
  const result = ReportInputSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ReportInputError(
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
