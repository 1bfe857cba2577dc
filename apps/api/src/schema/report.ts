// The quarterly monitoring report as a query, `plan(slug:) { monitoringReport(period:) }`, so
// panel officers can build their own view of what the HTML, Markdown, CSV and JSON formats show.
// The report is the domain's MonitoringReport, built as at the quarter's end from history
// (report/load.ts); callers who are not staff of the plan's organisation get the public report.

import { type ReportChainBreak, type ReportChainCheck, verifyReportChain } from '@plan-tracker/db';
import {
  CROSS_CUTTING_SECTION_TITLES,
  type DIRECTIONS_OF_TRAVEL,
  type EXCEPTION_REASONS,
  LIFECYCLE_STATUSES,
  type MonitoringReport,
  PANEL_ACTION_STATUSES,
  type PROGRESS_VERDICTS,
  RAG_KEYS,
  type ReportChange,
  type ReportCommitment,
  type ReportCrossCutting,
  type ReportException,
  type ReportHeadline,
  type ReportMeasureLine,
  type ReportPanelActionLine,
  type ReportPriority,
  type ReportProgress,
  type ReportQuarter,
  type ReportTheme,
  type RollUp,
} from '@plan-tracker/domain';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { monitoringReportFor, ReportPeriodError } from '../report/load.js';
import { PlanRef } from './plan.js';
import { RagCountType, RollUpBasisEnum, RollUpType, StatusCountType } from './rollup.js';
import {
  CrossCuttingSectionEnum,
  LifecycleStatusEnum,
  MeasureDirectionEnum,
  PanelActionStatusEnum,
  RagEnum,
} from './scalars.js';
import { EvidenceLinkType } from './update.js';

/** A report roll-up is the domain's RollUp, as JSON. */
const asRollUp = (rollUp: MonitoringReport['overall']['rollUp']): RollUp => rollUp;

const ProgressVerdictEnum = builder.enumType('ProgressVerdict', {
  description: 'Actual progress against the progress expected if delivery were steady.',
  values: {
    AHEAD: { description: 'Ahead of the expected progress, beyond the tolerance.' },
    ON_TRACK: { description: 'Within the tolerance of the expected progress.' },
    BEHIND: { description: 'Behind the expected progress, beyond the tolerance.' },
    NOT_MEASURED: { description: 'No progress recorded to compare.' },
  } satisfies Record<(typeof PROGRESS_VERDICTS)[number], { description: string }>,
});

const DirectionOfTravelEnum = builder.enumType('DirectionOfTravel', {
  description:
    'Which way a measure moved between its two latest values, judged by its direction of good.',
  values: {
    IMPROVING: { description: 'Moved the good way.' },
    WORSENING: { description: 'Moved the bad way.' },
    STEADY: { description: 'Did not move, or neither way is good (a neutral measure).' },
    NO_DATA: { description: 'Fewer than two values so far.' },
  } satisfies Record<(typeof DIRECTIONS_OF_TRAVEL)[number], { description: string }>,
});

const ExceptionReasonEnum = builder.enumType('ReportExceptionReason', {
  description: 'Why an item is listed as an exception.',
  values: {
    RED: { description: 'Rated red: off track.' },
    AMBER: { description: 'Rated amber: at risk.' },
    OVERDUE: { description: 'Due before the quarter ended, and not done.' },
  } satisfies Record<(typeof EXCEPTION_REASONS)[number], { description: string }>,
});

const ExceptionKindEnum = builder.enumType('ReportExceptionKind', {
  description: 'What an exception is about.',
  values: {
    COMMITMENT: { description: 'A commitment, with its rolled-up figures.' },
    ACTION: { description: 'A delivery action under a commitment.' },
  },
});

const ReportPeriodErrorCodeEnum = builder.enumType('ReportPeriodErrorCode', {
  description: 'Why there is no report for the period asked for.',
  values: {
    PERIOD_MALFORMED: { description: 'Not a quarter label such as `2021/22 Q2`.' },
    PERIOD_OUTSIDE_PLAN: { description: "A quarter outside the plan's period." },
  },
});

builder.objectType(ReportPeriodError, {
  name: 'ReportPeriodError',
  description:
    'There is no monitoring report for the period asked for: it is malformed, or outside the plan.',
  isTypeOf: (value) => value instanceof ReportPeriodError,
  fields: (t) => ({
    code: t.field({
      type: ReportPeriodErrorCodeEnum,
      description: 'Stable code for programs.',
      resolve: (error) => error.code,
    }),
    message: t.exposeString('message', {
      description: "What went wrong, for people; names the plan's first and last quarters.",
    }),
    period: t.exposeString('period', { description: 'The period asked for.' }),
  }),
});

const ReportProgressType = builder.objectRef<ReportProgress>('ReportProgress').implement({
  description: 'Expected against actual progress at a date.',
  fields: (t) => ({
    asAt: t.field({ type: 'Date', description: 'The date judged at.', resolve: (p) => p.asAt }),
    expectedPercent: t.exposeInt('expectedPercent', {
      description: "Progress expected if delivery were steady across the plan's period, 0–100.",
    }),
    actualPercent: t.exposeInt('actualPercent', {
      nullable: true,
      description: 'Progress recorded, 0–100; null when nothing counts towards it.',
    }),
    variance: t.exposeInt('variance', {
      nullable: true,
      description: 'Actual minus expected, in points; null without an actual figure.',
    }),
    verdict: t.field({
      type: ProgressVerdictEnum,
      description: 'Ahead, on track or behind.',
      resolve: (p) => p.verdict,
    }),
    onTrack: t.exposeBoolean('onTrack', {
      nullable: true,
      description: 'True unless behind; null when not measured.',
    }),
  }),
});

const ReportNoteType = builder
  .objectRef<{ recordedOn: string; narrative: string }>('ReportNote')
  .implement({
    description: 'A dated progress note.',
    fields: (t) => ({
      recordedOn: t.field({
        type: 'Date',
        description: 'When it was recorded.',
        resolve: (n) => n.recordedOn,
      }),
      narrative: t.exposeString('narrative', { description: 'What it said.' }),
    }),
  });

const ReportCommitmentType = builder.objectRef<ReportCommitment>('ReportCommitment').implement({
  description:
    "One commitment in the report, with its figures rolled up at the quarter's end (from its actions unless staff set them, as `basis` says).",
  fields: (t) => ({
    commitmentId: t.globalID({
      description: 'The commitment, for `node(id:)`.',
      resolve: (c) => ({ type: 'Commitment', id: c.id }),
    }),
    code: t.exposeString('code', { description: 'e.g. `1.2.3` or `X.1.2`.' }),
    priorityNumber: t.exposeInt('priorityNumber', {
      nullable: true,
      description: 'Its priority; null when cross-cutting.',
    }),
    themeTitle: t.exposeString('themeTitle', {
      nullable: true,
      description: "Its theme's title; null when cross-cutting.",
    }),
    crossCuttingSection: t.field({
      type: CrossCuttingSectionEnum,
      nullable: true,
      description: 'Its cross-cutting section; null inside a priority.',
      resolve: (c) => c.crossCuttingSection,
    }),
    text: t.exposeString('text', { description: 'The "I will" text, verbatim.' }),
    owner: t.exposeString('owner', {
      nullable: true,
      description: 'Who leads it: a role, team or partner.',
    }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: "Lifecycle status at the quarter's end.",
      resolve: (c) => c.status,
    }),
    rag: t.field({
      type: RagEnum,
      nullable: true,
      description: "RAG at the quarter's end; null when not yet rated.",
      resolve: (c) => c.rag,
    }),
    progressPercent: t.exposeInt('progressPercent', {
      nullable: true,
      description: 'Progress, 0–100; null when nothing counts towards it.',
    }),
    dueDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'When it is due.',
      resolve: (c) => c.dueDate,
    }),
    overdue: t.exposeBoolean('overdue', {
      description: "True when it, or one of its open actions, was due before the quarter's end.",
    }),
    basis: t.field({
      type: RollUpBasisEnum,
      description: '`ACTIONS`, `OVERRIDE` (set by staff) or `OWN_FIGURES` (no actions yet).',
      resolve: (c) => c.basis,
    }),
    statusOverrideReason: t.exposeString('statusOverrideReason', {
      nullable: true,
      description:
        'Why staff set the figures by hand. Internal: staff of the organisation only, null for others.',
    }),
    actionCount: t.exposeInt('actionCount', {
      description: 'Its delivery actions that are not archived.',
    }),
    latestNote: t.field({
      type: ReportNoteType,
      nullable: true,
      description: "Its latest progress note at the quarter's end.",
      resolve: (c) => c.latestNote,
    }),
  }),
});

const ReportHeadlineType = builder.objectRef<ReportHeadline>('ReportHeadline').implement({
  description: 'A progress update recorded in the quarter, shown under its priority.',
  fields: (t) => ({
    updateId: t.globalID({
      description: 'The progress update, for `node(id:)`.',
      resolve: (h) => ({ type: 'ProgressUpdate', id: h.id }),
    }),
    recordedOn: t.field({
      type: 'Date',
      description: 'When it was recorded.',
      resolve: (h) => h.recordedOn,
    }),
    author: t.exposeString('author', {
      nullable: true,
      description:
        "Who recorded it. People's details: staff of the organisation only, null for others.",
    }),
    code: t.exposeString('code', { description: "The commitment's code." }),
    commitmentText: t.exposeString('commitmentText', { description: "The commitment's text." }),
    actionTitle: t.exposeString('actionTitle', {
      nullable: true,
      description: 'The delivery action it is about; null when about the commitment itself.',
    }),
    statusBefore: t.field({
      type: LifecycleStatusEnum,
      description: 'Status before.',
      resolve: (h) => h.statusBefore,
    }),
    statusAfter: t.field({
      type: LifecycleStatusEnum,
      description: 'Status after.',
      resolve: (h) => h.statusAfter,
    }),
    ragBefore: t.field({
      type: RagEnum,
      nullable: true,
      description: 'RAG before; null when not yet rated.',
      resolve: (h) => h.ragBefore,
    }),
    ragAfter: t.field({
      type: RagEnum,
      nullable: true,
      description: 'RAG after; null when not rated.',
      resolve: (h) => h.ragAfter,
    }),
    progressBefore: t.exposeInt('progressBefore', {
      nullable: true,
      description: 'Progress before, 0–100, when known.',
    }),
    progressAfter: t.exposeInt('progressAfter', {
      nullable: true,
      description: 'Progress after, 0–100, when known.',
    }),
    narrative: t.exposeString('narrative', { description: 'What was done.' }),
    evidence: t.field({
      type: [EvidenceLinkType],
      description: 'Links to the evidence.',
      resolve: (h) => h.evidence,
    }),
  }),
});

const ReportExceptionType = builder.objectRef<ReportException>('ReportException').implement({
  description:
    "An open commitment or delivery action rated RED or AMBER, or overdue, at the quarter's end: what the Panel looks at first.",
  fields: (t) => ({
    kind: t.field({
      type: ExceptionKindEnum,
      description: 'A commitment or a delivery action.',
      resolve: (e) => e.kind,
    }),
    itemId: t.globalID({
      description: 'The commitment or delivery action, for `node(id:)`.',
      resolve: (e) => ({ type: e.kind === 'ACTION' ? 'DeliveryAction' : 'Commitment', id: e.id }),
    }),
    code: t.exposeString('code', {
      description: "The commitment's code (for an action, its commitment's).",
    }),
    title: t.exposeString('title', {
      description: "The commitment's text, or the action's title.",
    }),
    owner: t.exposeString('owner', {
      nullable: true,
      description: 'Who leads it: a role, team or partner.',
    }),
    status: t.field({
      type: LifecycleStatusEnum,
      description: 'Its status.',
      resolve: (e) => e.status,
    }),
    rag: t.field({
      type: RagEnum,
      nullable: true,
      description: 'Its RAG; null when not rated.',
      resolve: (e) => e.rag,
    }),
    progressPercent: t.exposeInt('progressPercent', {
      nullable: true,
      description: 'Its progress, 0–100.',
    }),
    dueDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'When it is due.',
      resolve: (e) => e.dueDate,
    }),
    reasons: t.field({
      type: [ExceptionReasonEnum],
      description: 'Why it is listed: RED, AMBER, OVERDUE, in that order.',
      resolve: (e) => e.reasons,
    }),
    daysOverdue: t.exposeInt('daysOverdue', {
      nullable: true,
      description: "Days past its due date at the quarter's end; null when not overdue.",
    }),
    latestNote: t.field({
      type: ReportNoteType,
      nullable: true,
      description: "Its latest progress note at the quarter's end.",
      resolve: (e) => e.latestNote,
    }),
    correctiveAction: t.exposeString('correctiveAction', {
      nullable: true,
      description:
        'What is being done about it: the narrative of the latest update in the quarter on it (for a commitment, on it or its actions); null when none.',
    }),
  }),
});

interface Change<T> {
  before: T | null;
  after: T | null;
}

const StatusChangeType = builder
  .objectRef<Change<ReportCommitment['status']>>('ReportStatusChange')
  .implement({
    description: 'A status before and after.',
    fields: (t) => ({
      before: t.field({
        type: LifecycleStatusEnum,
        nullable: true,
        description: 'At the end of the previous quarter; null when the commitment is new.',
        resolve: (c) => c.before,
      }),
      after: t.field({
        type: LifecycleStatusEnum,
        nullable: true,
        description: 'At the end of this quarter; null when the commitment is gone.',
        resolve: (c) => c.after,
      }),
    }),
  });

const RagChangeType = builder
  .objectRef<Change<NonNullable<ReportCommitment['rag']>>>('ReportRagChange')
  .implement({
    description: 'A RAG rating before and after.',
    fields: (t) => ({
      before: t.field({
        type: RagEnum,
        nullable: true,
        description: 'At the end of the previous quarter; null when not rated.',
        resolve: (c) => c.before,
      }),
      after: t.field({
        type: RagEnum,
        nullable: true,
        description: 'At the end of this quarter; null when not rated.',
        resolve: (c) => c.after,
      }),
    }),
  });

const ProgressChangeType = builder
  .objectRef<NonNullable<ReportChange['progress']>>('ReportProgressChange')
  .implement({
    description: 'Progress before and after.',
    fields: (t) => ({
      before: t.exposeInt('before', {
        nullable: true,
        description: 'At the end of the previous quarter, 0–100.',
      }),
      after: t.exposeInt('after', {
        nullable: true,
        description: 'At the end of this quarter, 0–100.',
      }),
      difference: t.exposeInt('difference', {
        nullable: true,
        description: 'After minus before, in points; null when either is missing.',
      }),
    }),
  });

const ReportChangeType = builder.objectRef<ReportChange>('ReportChange').implement({
  description:
    "How one commitment's figures changed since the end of the previous quarter; each part is null when it did not change.",
  fields: (t) => ({
    commitmentId: t.globalID({
      description: 'The commitment, for `node(id:)`.',
      resolve: (c) => ({ type: 'Commitment', id: c.commitmentId }),
    }),
    code: t.exposeString('code', { description: "The commitment's code." }),
    text: t.exposeString('text', { description: "The commitment's text." }),
    status: t.field({
      type: StatusChangeType,
      nullable: true,
      description: 'Its status change; null when unchanged.',
      resolve: (c) => c.status,
    }),
    rag: t.field({
      type: RagChangeType,
      nullable: true,
      description: 'Its RAG change; null when unchanged.',
      resolve: (c) => c.rag,
    }),
    progress: t.field({
      type: ProgressChangeType,
      nullable: true,
      description: 'Its progress change; null when unchanged.',
      resolve: (c) => c.progress,
    }),
  }),
});

const MeasurePointType = builder
  .objectRef<{ period: string; value: number }>('ReportMeasurePoint')
  .implement({
    description: "A measure's value for one quarter.",
    fields: (t) => ({
      period: t.exposeString('period', { description: 'The quarter, e.g. `2021/22 Q2`.' }),
      value: t.exposeFloat('value', { description: 'The value, in the measure’s unit.' }),
    }),
  });

const ReportMeasureType = builder.objectRef<ReportMeasureLine>('ReportMeasure').implement({
  description: "One of a priority's measures with its latest values and direction of travel.",
  fields: (t) => ({
    name: t.exposeString('name', { description: 'e.g. "Total recorded crime".' }),
    unit: t.exposeString('unit', { description: 'e.g. `crimes`, `%`; may be empty.' }),
    direction: t.field({
      type: MeasureDirectionEnum,
      description: 'Which way is good.',
      resolve: (m) => m.direction,
    }),
    latest: t.field({
      type: MeasurePointType,
      nullable: true,
      description: "The value for the latest quarter up to the report's; null when none.",
      resolve: (m) => m.latest,
    }),
    previous: t.field({
      type: MeasurePointType,
      nullable: true,
      description: 'The value before `latest`; null when none.',
      resolve: (m) => m.previous,
    }),
    change: t.exposeFloat('change', {
      nullable: true,
      description: 'Latest minus previous; null without both.',
    }),
    travel: t.field({
      type: DirectionOfTravelEnum,
      description: 'Improving, worsening or steady.',
      resolve: (m) => m.travel,
    }),
  }),
});

const ReportThemeType = builder.objectRef<ReportTheme>('ReportTheme').implement({
  description: "A theme of a priority with its commitments' figures.",
  fields: (t) => ({
    title: t.exposeString('title', { description: 'e.g. "Burglary and Acquisitive Crime".' }),
    rollUp: t.field({
      type: RollUpType,
      description: "Figures of its commitments at the quarter's end.",
      resolve: (theme) => asRollUp(theme.rollUp),
    }),
  }),
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The fields a priority and the cross-cutting section share. */
type SectionBody = Pick<
  ReportPriority,
  'rollUp' | 'progress' | 'commitments' | 'headlines' | 'exceptions' | 'changes'
>;

function sectionFields<T extends SectionBody>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>,
) {
  return {
    rollUp: t.field({
      type: RollUpType,
      description: "Figures of its commitments at the quarter's end.",
      resolve: (s) => asRollUp(s.rollUp),
    }),
    progress: t.field({
      type: ReportProgressType,
      description: "Expected against actual progress at the quarter's end.",
      resolve: (s) => s.progress,
    }),
    commitments: t.field({
      type: [ReportCommitmentType],
      description: 'Every commitment, in code order.',
      resolve: (s) => s.commitments,
    }),
    headlines: t.field({
      type: [ReportHeadlineType],
      description: 'The updates recorded in the quarter, in code order then date.',
      resolve: (s) => s.headlines,
    }),
    exceptions: t.field({
      type: [ReportExceptionType],
      description: 'RED, AMBER and overdue items, in code order (a commitment before its actions).',
      resolve: (s) => s.exceptions,
    }),
    changes: t.field({
      type: [ReportChangeType],
      description: 'Commitments whose status, RAG or progress changed since the previous quarter.',
      resolve: (s) => s.changes,
    }),
  };
}

const ReportPriorityType = builder.objectRef<ReportPriority>('ReportPriority').implement({
  description: "One of the plan's priorities in the report.",
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1–6.' }),
    title: t.exposeString('title', { description: 'e.g. "Cut crime and anti-social behaviour".' }),
    themes: t.field({
      type: [ReportThemeType],
      description: 'Its themes, in plan order.',
      resolve: (p) => p.themes,
    }),
    ...sectionFields(t),
    measures: t.field({
      type: [ReportMeasureType],
      description: 'Its measures, in plan order.',
      resolve: (p) => p.measures,
    }),
  }),
});

const ReportSectionType = builder
  .objectRef<ReportCrossCutting['sections'][number]>('ReportCrossCuttingSection')
  .implement({
    description: 'One cross-cutting section that has commitments.',
    fields: (t) => ({
      section: t.field({
        type: CrossCuttingSectionEnum,
        description: 'The section.',
        resolve: (s) => s.section,
      }),
      title: t.string({
        description: 'Its title, e.g. "Work with partners".',
        resolve: (s) => CROSS_CUTTING_SECTION_TITLES[s.section],
      }),
      rollUp: t.field({
        type: RollUpType,
        description: 'Figures of its commitments.',
        resolve: (s) => asRollUp(s.rollUp),
      }),
    }),
  });

const ReportCrossCuttingType = builder
  .objectRef<ReportCrossCutting>('ReportCrossCutting')
  .implement({
    description: 'The commitments outside the six priorities, as one section.',
    fields: (t) => ({
      sections: t.field({
        type: [ReportSectionType],
        description: 'Each cross-cutting section that has commitments, in plan order.',
        resolve: (c) => c.sections,
      }),
      ...sectionFields(t),
    }),
  });

const ReportQuarterType = builder.objectRef<ReportQuarter>('ReportQuarter').implement({
  description: "The plan's commitments counted at the end of one quarter, for the timeline.",
  fields: (t) => ({
    period: t.exposeString('period', { description: 'e.g. `2021/22 Q1`.' }),
    asAt: t.field({ type: 'Date', description: "The quarter's last day.", resolve: (q) => q.asAt }),
    byStatus: t.field({
      type: [StatusCountType],
      description: 'Commitments by lifecycle status, every status listed.',
      resolve: (q) => LIFECYCLE_STATUSES.map((status) => ({ status, count: q.byStatus[status] })),
    }),
    byRag: t.field({
      type: [RagCountType],
      description: 'Commitments by RAG, every rating listed (NONE = not yet rated).',
      resolve: (q) => RAG_KEYS.map((rag) => ({ rag, count: q.byRag[rag] })),
    }),
    progress: t.field({
      type: ReportProgressType,
      description: 'Expected against actual progress at its end.',
      resolve: (q) => q.progress,
    }),
  }),
});

const ReportPanelActionType = builder
  .objectRef<ReportPanelActionLine>('ReportPanelAction')
  .implement({
    description: 'Something the Police and Crime Panel asked for, and where it stands.',
    fields: (t) => ({
      meetingHeldOn: t.field({
        type: 'Date',
        description: 'When the meeting was held.',
        resolve: (a) => a.meetingHeldOn,
      }),
      meetingTitle: t.exposeString('meetingTitle', { description: 'The meeting.' }),
      priorityNumber: t.exposeInt('priorityNumber', {
        nullable: true,
        description: 'The priority it concerns; null for the plan as a whole.',
      }),
      priorityTitle: t.exposeString('priorityTitle', {
        nullable: true,
        description: "The priority's title; null for the plan as a whole.",
      }),
      text: t.exposeString('text', { description: 'What the Panel asked for.' }),
      status: t.field({
        type: PanelActionStatusEnum,
        description: 'Where it stands.',
        resolve: (a) => a.status,
      }),
      response: t.exposeString('response', {
        nullable: true,
        description: "The office's response so far.",
      }),
      raisedInPeriod: t.exposeBoolean('raisedInPeriod', {
        description: "True when the meeting fell within the report's quarter.",
      }),
    }),
  });

const PanelActionCountType = builder
  .objectRef<{ status: ReportPanelActionLine['status']; count: number }>('PanelActionCount')
  .implement({
    description: 'How many Panel actions have one status.',
    fields: (t) => ({
      status: t.field({
        type: PanelActionStatusEnum,
        description: 'The status.',
        resolve: (c) => c.status,
      }),
      count: t.exposeInt('count', { description: 'Actions with it.' }),
    }),
  });

const ReportPanelActionsType = builder
  .objectRef<MonitoringReport['panelActions']>('ReportPanelActions')
  .implement({
    description: "The Panel's actions up to the end of the quarter.",
    fields: (t) => ({
      counts: t.field({
        type: [PanelActionCountType],
        description: 'Actions by status, every status listed.',
        resolve: (p) =>
          PANEL_ACTION_STATUSES.map((status) => ({ status, count: p.counts[status] })),
      }),
      items: t.field({
        type: [ReportPanelActionType],
        description: 'In meeting date order, then priority, then text.',
        resolve: (p) => p.items,
      }),
    }),
  });

const ReportSummaryType = builder
  .objectRef<MonitoringReport['overall']>('ReportSummary')
  .implement({
    description: 'Figures of every commitment of the plan, cross-cutting ones included.',
    fields: (t) => ({
      rollUp: t.field({
        type: RollUpType,
        description: "Counts by status and RAG, progress and overdue at the quarter's end.",
        resolve: (o) => asRollUp(o.rollUp),
      }),
      progress: t.field({
        type: ReportProgressType,
        description: 'Expected against actual progress.',
        resolve: (o) => o.progress,
      }),
    }),
  });

const MonitoringReportType = builder.objectRef<MonitoringReport>('MonitoringReport').implement({
  description:
    "The quarterly monitoring report for the Police and Crime Panel, built as at the quarter's end from history: the same whenever it is asked for. The JSON download has the same content.",
  fields: (t) => ({
    schemaVersion: t.exposeInt('schemaVersion', {
      description: 'Version of the JSON format this mirrors.',
    }),
    organisationName: t.string({
      description: 'Whose plan it is.',
      resolve: (r) => r.organisation.name,
    }),
    period: t.string({
      description: 'The quarter, e.g. `2021/22 Q2`.',
      resolve: (r) => r.period.label,
    }),
    periodStart: t.field({
      type: 'Date',
      description: "The quarter's first day.",
      resolve: (r) => r.period.startDate,
    }),
    periodEnd: t.field({
      type: 'Date',
      description: "The quarter's last day.",
      resolve: (r) => r.period.endDate,
    }),
    quarterNumber: t.int({
      description: 'Position of the quarter in the plan, from 1.',
      resolve: (r) => r.period.quarterNumber,
    }),
    quarterCount: t.int({
      description: 'Number of quarters in the plan (32 for 2021–29).',
      resolve: (r) => r.plan.quarterCount,
    }),
    draft: t.exposeBoolean('draft', {
      description:
        'True while the quarter is open: updates filed for it still change the report. False once an administrator closed it: the report is then served as stored at the close.',
    }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the quarter was closed; null while it is open.',
      resolve: (r) => r.closedOn,
    }),
    asAt: t.field({
      type: 'Date',
      description: "The date the report is as at: the quarter's last day.",
      resolve: (r) => r.asAt,
    }),
    elapsedShare: t.exposeFloat('elapsedShare', {
      description: "Share of the plan's period elapsed by the end of `asAt`, from 0 to 1.",
    }),
    expectedProgressPercent: t.exposeInt('expectedProgressPercent', {
      description: 'Progress expected if delivery were steady: the elapsed share as a per cent.',
    }),
    previousPeriod: t.exposeString('previousPeriod', {
      nullable: true,
      description: "The quarter compared against in `changes`; null in the plan's first quarter.",
    }),
    overall: t.field({
      type: ReportSummaryType,
      description: 'Figures of every commitment.',
      resolve: (r) => r.overall,
    }),
    timeline: t.field({
      type: [ReportQuarterType],
      description: "The plan's commitments quarter by quarter, from its first quarter to this one.",
      resolve: (r) => r.timeline,
    }),
    priorities: t.field({
      type: [ReportPriorityType],
      description: 'The priorities, in number order.',
      resolve: (r) => r.priorities,
    }),
    crossCutting: t.field({
      type: ReportCrossCuttingType,
      description: 'The commitments outside the six priorities.',
      resolve: (r) => r.crossCutting,
    }),
    panelActions: t.field({
      type: ReportPanelActionsType,
      description: "The Panel's actions and where they stand.",
      resolve: (r) => r.panelActions,
    }),
  }),
});

builder.objectField(PlanRef, 'monitoringReport', (t) =>
  t.field({
    type: MonitoringReportType,
    description:
      "The quarterly monitoring report for a quarter of the plan, built as at the quarter's end from history (not affected by `asAt`): a draft while the quarter is open, and once it is closed the report stored at the close. Anyone who may see the plan may see it; authors and override reasons are for staff of the plan's organisation only. The same report downloads as HTML, Markdown, CSV, JSON or PDF from `/reports/<plan slug>/<2021-22-Q2>.<format>`.",
    // Rebuilding every quarter up to the one asked for is the costliest read there is.
    complexity: 1000,
    args: {
      period: t.arg.string({ required: true, description: 'The quarter, e.g. `2021/22 Q2`.' }),
    },
    errors: {
      types: [ReportPeriodError],
      union: {
        name: 'MonitoringReportResult',
        description: 'The report, or why there is none for the period asked for.',
      },
    },
    resolve: (plan, args, ctx) => monitoringReportFor(prisma(ctx), ctx.caller, plan, args.period),
  }),
);

const ReportChainBreakType = builder.objectRef<ReportChainBreak>('ReportChainBreak').implement({
  description: 'Where the chain of stored reports breaks.',
  fields: (t) => ({
    period: t.exposeString('period', {
      description: 'The quarter whose stored report is at fault.',
    }),
    sequence: t.exposeInt('sequence', { description: 'Its place in the chain, from 1.' }),
    problem: t.exposeString('problem', { description: 'What is wrong, in a sentence.' }),
  }),
});

const ReportChainCheckType = builder.objectRef<ReportChainCheck>('ReportChainCheck').implement({
  description:
    "A check of the plan's stored reports: each closed quarter's report is kept byte for byte with a SHA-256 digest chained to the report before it, so a report rewritten after its close breaks the chain.",
  fields: (t) => ({
    intact: t.exposeBoolean('intact', {
      description: 'True when every stored report is as it was stored at its close.',
    }),
    reports: t.exposeInt('reports', { description: 'How many stored reports were checked.' }),
    latestDigest: t.exposeString('latestDigest', {
      nullable: true,
      description:
        'The digest of the latest stored report (SHA-256, hex): keep it, and a later check that ends in the same digest shows nothing was rewritten. Null when no quarter is closed.',
    }),
    broken: t.field({
      type: ReportChainBreakType,
      nullable: true,
      description: 'The first break, naming its quarter; null when intact.',
      resolve: (c) => c.broken,
    }),
  }),
});

builder.objectField(PlanRef, 'reportChain', (t) =>
  t.field({
    type: ReportChainCheckType,
    description:
      "Recomputes the chain of the plan's stored (closed) quarterly reports from their bytes and says whether it is intact, or where it breaks. Anyone who may see the plan may check it.",
    // Reads every stored report's bytes.
    complexity: 500,
    resolve: (plan, _args, ctx) => verifyReportChain(prisma(ctx), plan.id),
  }),
);
