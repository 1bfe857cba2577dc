/**
 * The quarterly monitoring report as data: what the Police and Crime Panel receives, before it
 * is rendered as HTML, Markdown, CSV or JSON. The zod schema is the contract of the JSON format;
 * {@link monitoringReportJsonSchema} prints it as JSON Schema for consumers in other languages.
 */
import { z } from 'zod';
import {
  CROSS_CUTTING_SECTIONS,
  LIFECYCLE_STATUSES,
  MEASURE_DIRECTIONS,
  PANEL_ACTION_STATUSES,
  RAGS,
} from '../model/vocabulary.js';
import type { ProgressVerdict, RollUpBasis } from '../rollup/index.js';
import { RAG_KEYS } from '../status/rag.js';

const Status = z.enum(LIFECYCLE_STATUSES);
const RagValue = z.enum(RAGS).nullable();
const IsoDay = z.iso.date();
const Period = z.string().regex(/^\d{4}\/\d{2} Q[1-4]$/);
const Percent = z.number().int().min(0).max(100);

/** The bases of a roll-up, as in `RollUpBasis`. */
export const ROLL_UP_BASES = [
  'ACTIONS',
  'OVERRIDE',
  'OWN_FIGURES',
  'COMMITMENTS',
] as const satisfies readonly RollUpBasis[];

/** Verdicts of expected against actual progress, as in `ProgressVerdict`. */
export const PROGRESS_VERDICTS = [
  'AHEAD',
  'ON_TRACK',
  'BEHIND',
  'NOT_MEASURED',
] as const satisfies readonly ProgressVerdict[];

/** A `RollUp` (see the rollup module) in JSON: counts by status and RAG, progress, overdue. */
export const ReportRollUpSchema = z.object({
  basis: z.enum(ROLL_UP_BASES),
  count: z.number().int().min(0),
  byStatus: z.record(Status, z.number().int().min(0)),
  byRag: z.record(z.enum(RAG_KEYS), z.number().int().min(0)),
  progressPercent: Percent.nullable(),
  overdue: z.number().int().min(0),
  nextDueDate: IsoDay.nullable(),
  status: Status.nullable(),
  rag: RagValue,
});
/** A roll-up in the report. */
export type ReportRollUp = z.infer<typeof ReportRollUpSchema>;

/** A `ProgressComparison` (expected against actual, from `compareWithPlan`) in JSON. */
export const ReportProgressSchema = z.object({
  asAt: IsoDay,
  expectedPercent: Percent,
  actualPercent: Percent.nullable(),
  variance: z.number().int().nullable(),
  verdict: z.enum(PROGRESS_VERDICTS),
  onTrack: z.boolean().nullable(),
});
/** Expected against actual progress. */
export type ReportProgress = z.infer<typeof ReportProgressSchema>;

const NoteSchema = z.object({ recordedOn: IsoDay, narrative: z.string() });

/**
 * One commitment in the report, with its figures as rolled up at the quarter's end (from its
 * actions unless staff set them with a reason, as `basis` says).
 */
export const ReportCommitmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The priority it belongs to; `null` when cross-cutting. */
  priorityNumber: z.number().int().nullable(),
  themeId: z.string().nullable(),
  /** The theme's title; `null` when cross-cutting. */
  themeTitle: z.string().nullable(),
  crossCuttingSection: z.enum(CROSS_CUTTING_SECTIONS).nullable(),
  text: z.string(),
  owner: z.string().nullable(),
  status: Status,
  rag: RagValue,
  progressPercent: Percent.nullable(),
  dueDate: IsoDay.nullable(),
  /** True when it, or one of its open actions, was due before the quarter's end. */
  overdue: z.boolean(),
  basis: z.enum(ROLL_UP_BASES),
  statusOverrideReason: z.string().nullable(),
  /** Number of its delivery actions that are not archived. */
  actionCount: z.number().int().min(0),
  /** Its latest progress note at the quarter's end. */
  latestNote: NoteSchema.nullable(),
});
/** One commitment in the report. */
export type ReportCommitment = z.infer<typeof ReportCommitmentSchema>;

/** A progress update recorded in the quarter, shown as a headline under its priority. */
export const ReportHeadlineSchema = z.object({
  id: z.string(),
  recordedOn: IsoDay,
  /**
   * Who recorded it; `null` in a report withheld from the public (see `publicMonitoringReport`):
   * authors may be people, and people's details are internal.
   */
  author: z.string().nullable(),
  commitmentId: z.string(),
  code: z.string(),
  commitmentText: z.string(),
  /** The action it is about, or `null` when it is about the commitment itself. */
  actionId: z.string().nullable(),
  actionTitle: z.string().nullable(),
  statusBefore: Status,
  statusAfter: Status,
  ragBefore: RagValue,
  ragAfter: RagValue,
  progressBefore: Percent.nullable(),
  progressAfter: Percent.nullable(),
  narrative: z.string(),
  evidence: z.array(z.object({ title: z.string(), url: z.string() })),
});
/** A progress update recorded in the quarter. */
export type ReportHeadline = z.infer<typeof ReportHeadlineSchema>;

/** Why an item is an exception. */
export const EXCEPTION_REASONS = ['RED', 'AMBER', 'OVERDUE'] as const;
/** One of {@link EXCEPTION_REASONS}. */
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/**
 * An open commitment or delivery action that is rated RED or AMBER, or overdue, at the quarter's
 * end: the items the Panel looks at first.
 */
export const ReportExceptionSchema = z.object({
  kind: z.enum(['COMMITMENT', 'ACTION']),
  /** The commitment's id, or the action's. */
  id: z.string(),
  /** The commitment's code (for an action, its commitment's). */
  code: z.string(),
  commitmentId: z.string(),
  /** The commitment's text, or the action's title. */
  title: z.string(),
  owner: z.string().nullable(),
  status: Status,
  rag: RagValue,
  progressPercent: Percent.nullable(),
  dueDate: IsoDay.nullable(),
  /** Why it is listed, in {@link EXCEPTION_REASONS} order. */
  reasons: z.array(z.enum(EXCEPTION_REASONS)).min(1),
  /** Days past its due date at the quarter's end; `null` when not overdue. */
  daysOverdue: z.number().int().min(1).nullable(),
  /** Its latest progress note at the quarter's end. */
  latestNote: NoteSchema.nullable(),
  /**
   * What is being done about it: the narrative of the latest update recorded in the quarter on
   * the item (for a commitment, on it or any of its actions); `null` when there was none.
   */
  correctiveAction: z.string().nullable(),
});
/** An exception: RED, AMBER or overdue. */
export type ReportException = z.infer<typeof ReportExceptionSchema>;

const change = <T extends z.ZodType>(value: T) =>
  z.object({ before: value.nullable(), after: value.nullable() }).nullable();

/**
 * How one commitment's rolled-up figures differ between the end of the previous quarter and the
 * end of this one. Each of `status`, `rag` and `progress` is `null` when it did not change; a
 * commitment is listed only when one of them did. A commitment new this quarter has a
 * `null` `status.before`; one gone since has a `null` `status.after`.
 */
export const ReportChangeSchema = z.object({
  commitmentId: z.string(),
  code: z.string(),
  text: z.string(),
  status: change(Status),
  rag: change(z.enum(RAGS)),
  progress: z
    .object({
      before: Percent.nullable(),
      after: Percent.nullable(),
      /** After minus before, in points; `null` when either is missing. */
      difference: z.number().int().nullable(),
    })
    .nullable(),
});
/** How one commitment changed since the previous quarter. */
export type ReportChange = z.infer<typeof ReportChangeSchema>;

/** Directions of travel of a measure. */
export const DIRECTIONS_OF_TRAVEL = ['IMPROVING', 'WORSENING', 'STEADY', 'NO_DATA'] as const;
/** One of {@link DIRECTIONS_OF_TRAVEL}; see `directionOfTravel`. */
export type DirectionOfTravel = (typeof DIRECTIONS_OF_TRAVEL)[number];

const MeasurePoint = z.object({ period: Period, value: z.number() });

/** A measure with its latest and previous values and its direction of travel. */
export const ReportMeasureLineSchema = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(MEASURE_DIRECTIONS),
  /** The value for the latest quarter up to the report's; `null` when there is none. */
  latest: MeasurePoint.nullable(),
  /** The value for the quarter before `latest` that has one; `null` when there is none. */
  previous: MeasurePoint.nullable(),
  /** Latest minus previous; `null` without both. */
  change: z.number().nullable(),
  travel: z.enum(DIRECTIONS_OF_TRAVEL),
});
/** A measure line. */
export type ReportMeasureLine = z.infer<typeof ReportMeasureLineSchema>;

const SectionBody = {
  /** Roll-up of the commitments at the quarter's end. */
  rollUp: ReportRollUpSchema,
  /** Expected against actual progress at the quarter's end. */
  progress: ReportProgressSchema,
  /** Every commitment, in code order. */
  commitments: z.array(ReportCommitmentSchema),
  /** The updates recorded in the quarter, in code order then date. */
  headlines: z.array(ReportHeadlineSchema),
  /** RED, AMBER and overdue items, in code order (a commitment before its actions). */
  exceptions: z.array(ReportExceptionSchema),
  /** Commitments whose status, RAG or progress changed since the previous quarter, in code order. */
  changes: z.array(ReportChangeSchema),
};

/** A theme with the roll-up of its commitments. */
export const ReportThemeSchema = z.object({
  id: z.string(),
  title: z.string(),
  rollUp: ReportRollUpSchema,
});
/** A theme in the report. */
export type ReportTheme = z.infer<typeof ReportThemeSchema>;

/** One of the plan's priorities in the report. */
export const ReportPrioritySchema = z.object({
  number: z.number().int(),
  title: z.string(),
  themes: z.array(ReportThemeSchema),
  ...SectionBody,
  /** The priority's measures, in the order given. */
  measures: z.array(ReportMeasureLineSchema),
});
/** One priority in the report. */
export type ReportPriority = z.infer<typeof ReportPrioritySchema>;

/** The cross-cutting commitments, outside the six priorities, as one section. */
export const ReportCrossCuttingSchema = z.object({
  /** Each cross-cutting section that has commitments, in plan order. */
  sections: z.array(
    z.object({
      section: z.enum(CROSS_CUTTING_SECTIONS),
      title: z.string(),
      rollUp: ReportRollUpSchema,
    }),
  ),
  ...SectionBody,
});
/** The cross-cutting commitments in the report. */
export type ReportCrossCutting = z.infer<typeof ReportCrossCuttingSchema>;

/** The plan's commitments counted at the end of one quarter, for the timeline chart. */
export const ReportQuarterSchema = z.object({
  period: Period,
  asAt: IsoDay,
  byStatus: z.record(Status, z.number().int().min(0)),
  byRag: z.record(z.enum(RAG_KEYS), z.number().int().min(0)),
  progress: ReportProgressSchema,
});
/** One quarter on the timeline. */
export type ReportQuarter = z.infer<typeof ReportQuarterSchema>;

/** A Panel action and where it stands. */
export const ReportPanelActionLineSchema = z.object({
  meetingHeldOn: IsoDay,
  meetingTitle: z.string(),
  priorityNumber: z.number().int().nullable(),
  /** The priority's title; `null` for the plan as a whole. */
  priorityTitle: z.string().nullable(),
  text: z.string(),
  status: z.enum(PANEL_ACTION_STATUSES),
  response: z.string().nullable(),
  /** True when the meeting fell within the report's quarter. */
  raisedInPeriod: z.boolean(),
});
/** A Panel action in the report. */
export type ReportPanelActionLine = z.infer<typeof ReportPanelActionLineSchema>;

/**
 * The quarterly monitoring report. Built by `buildMonitoringReport`; deterministic (no time of
 * generation), so the same input always gives the same report.
 */
export const MonitoringReportSchema = z.object({
  /** Version of this shape; bumped when a field changes meaning or goes away. */
  schemaVersion: z.literal(1),
  organisation: z.object({ name: z.string() }),
  plan: z.object({
    slug: z.string(),
    title: z.string(),
    vision: z.string(),
    periodStart: IsoDay,
    periodEnd: IsoDay,
    /** Number of reporting quarters in the plan (32 for 2021–29). */
    quarterCount: z.number().int().min(1),
  }),
  period: z.object({
    label: Period,
    startDate: IsoDay,
    endDate: IsoDay,
    /** 1-based position of the quarter in the plan. */
    quarterNumber: z.number().int().min(1),
  }),
  /** The "as at" date: the quarter's last day. */
  asAt: IsoDay,
  /**
   * True while the quarter is open: updates filed for it still change the report. A closed
   * quarter's report is final and stored as it was built.
   */
  draft: z.boolean(),
  /** The day the quarter was closed; `null` while it is open. */
  closedOn: IsoDay.nullable(),
  /** Share of the plan's period elapsed by the end of `asAt`, from 0 to 1. */
  elapsedShare: z.number().min(0).max(1),
  /** Progress expected if delivery were steady across the plan: the elapsed share as a per cent. */
  expectedProgressPercent: Percent,
  /** The previous quarter, compared against in `changes`; `null` in the plan's first quarter. */
  previousPeriod: Period.nullable(),
  /** Roll-up of every commitment, cross-cutting ones included. */
  overall: z.object({ rollUp: ReportRollUpSchema, progress: ReportProgressSchema }),
  /** The plan's commitments quarter by quarter, from its first quarter to this one. */
  timeline: z.array(ReportQuarterSchema),
  priorities: z.array(ReportPrioritySchema),
  crossCutting: ReportCrossCuttingSchema,
  panelActions: z.object({
    counts: z.record(z.enum(PANEL_ACTION_STATUSES), z.number().int().min(0)),
    /** In meeting date order, then priority, then text. */
    items: z.array(ReportPanelActionLineSchema),
  }),
});
/** The quarterly monitoring report; see {@link MonitoringReportSchema}. */
export type MonitoringReport = z.infer<typeof MonitoringReportSchema>;

/**
 * The JSON Schema (draft 2020-12) of the JSON format, `renderReportJson`'s output, for consumers
 * that do not use zod. A new object on every call.
 */
export function monitoringReportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(MonitoringReportSchema, { target: 'draft-2020-12' }),
    title: 'Police and Crime Plan quarterly monitoring report',
  };
}
