/**
 * Open data: the plan and the current status of every commitment, for the OPCC's website and
 * anyone who wants to reuse it. Public fields only, by design:
 *
 * - in: code, priority, theme, the "I will" text, status, RAG, progress, due date, overdue, and
 *   the date and text of the latest progress note (on the commitment or any of its delivery
 *   actions);
 * - out: owners (free text that may name a person), authors of updates, staff's reasons for
 *   setting figures, version numbers and history. A report for the Panel shows owners; a
 *   document anyone may copy and republish does not.
 *
 * Figures are the domain's roll-ups (`rollUpPlan`) as at the given day, as everywhere else.
 */
import { z } from 'zod';
import { CROSS_CUTTING_SECTION_TITLES } from '../importer/index.js';
import {
  IdSchema,
  IsoDateSchema,
  PriorityNumberSchema,
  requiredText,
  SlugSchema,
} from '../model/primitives.js';
import { addRangeIssue } from '../model/rules.js';
import { CROSS_CUTTING_SECTIONS, LIFECYCLE_STATUSES, RAGS } from '../model/vocabulary.js';
import { rollUpAsItem, rollUpPlan } from '../rollup/index.js';
import { RAG_KEYS } from '../status/rag.js';
import { priorityHeading, ragText, statusText } from './format.js';
import { ReportActionStateSchema, ReportCommitmentStateSchema, ReportInputError } from './input.js';
import { compareCommitmentCodes } from './order.js';
import { csvDocument, csvTextCell, type ReportCsvOptions } from './render-csv.js';

/**
 * What the database layer hands {@link buildOpenData}: the plan, its priorities and themes, and
 * every commitment and delivery action as they stand on `asAt`. Each commitment's `latestNote`
 * is its latest progress note, on itself or on any of its actions, on or before `asAt`; its
 * `owner` is ignored.
 */
export const OpenDataInputSchema = z.object({
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
  /** The day the figures are judged at (overdue, roll-ups): usually today. */
  asAt: IsoDateSchema,
  priorities: z.array(
    z.object({
      number: PriorityNumberSchema,
      title: requiredText(300, 'The title'),
      themes: z.array(z.object({ id: IdSchema, title: requiredText(300, 'The title') })),
    }),
  ),
  commitments: z.array(ReportCommitmentStateSchema),
  actions: z.array(ReportActionStateSchema),
});
/** What {@link buildOpenData} is built from; see {@link OpenDataInputSchema}. */
export type OpenDataInput = z.input<typeof OpenDataInputSchema>;

const Status = z.enum(LIFECYCLE_STATUSES);
const Percent = z.number().int().min(0).max(100);

/** One commitment in the open data. */
export const OpenDataCommitmentSchema = z.object({
  /** Stable code, e.g. `1.2.3` (priority.theme.position) or `X.1.2` (cross-cutting). */
  code: z.string(),
  /** The priority's number; `null` for a cross-cutting commitment. */
  priorityNumber: z.number().int().nullable(),
  /** The priority's title; `null` for a cross-cutting commitment. */
  priorityTitle: z.string().nullable(),
  /** The theme's title; `null` for a cross-cutting commitment. */
  theme: z.string().nullable(),
  /** The cross-cutting section; `null` inside a priority. */
  crossCuttingSection: z.enum(CROSS_CUTTING_SECTIONS).nullable(),
  /** The cross-cutting section's title, e.g. "Work with partners"; `null` inside a priority. */
  crossCuttingSectionTitle: z.string().nullable(),
  /** The "I will" text, verbatim from the plan. */
  text: z.string(),
  /** Lifecycle status, rolled up from the delivery actions unless staff set it. */
  status: Status,
  /** RAG rating; `null` until first rated. */
  rag: z.enum(RAGS).nullable(),
  /** Progress, 0–100; `null` when nothing counts towards it. */
  progressPercent: Percent.nullable(),
  dueDate: IsoDateSchema.nullable(),
  /** True when it, or one of its open actions, was due before `asAt` and is not done. */
  overdue: z.boolean(),
  /** The latest progress note on it or its actions; `null` when there is none yet. */
  lastUpdate: z.object({ date: IsoDateSchema, note: z.string() }).nullable(),
});
/** One commitment in the open data. */
export type OpenDataCommitment = z.infer<typeof OpenDataCommitmentSchema>;

/**
 * The open data document: the JSON format's contract. Deterministic: the same input gives the
 * same document, commitments in code order (priorities first, cross-cutting after).
 */
export const OpenDataSchema = z.object({
  /** Version of this shape; bumped when a field changes meaning or goes away. */
  schemaVersion: z.literal(1),
  organisation: z.object({ name: z.string() }),
  plan: z.object({
    slug: z.string(),
    title: z.string(),
    vision: z.string(),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
  }),
  /** The day the figures are judged at. */
  asAt: IsoDateSchema,
  /** Figures of every commitment together. */
  summary: z.object({
    commitments: z.number().int().min(0),
    byStatus: z.record(Status, z.number().int().min(0)),
    byRag: z.record(z.enum(RAG_KEYS), z.number().int().min(0)),
    progressPercent: Percent.nullable(),
    overdue: z.number().int().min(0),
  }),
  /** The priorities in number order, with their themes in plan order. */
  priorities: z.array(
    z.object({ number: z.number().int(), title: z.string(), themes: z.array(z.string()) }),
  ),
  commitments: z.array(OpenDataCommitmentSchema),
});
/** The open data document; see {@link OpenDataSchema}. */
export type OpenData = z.infer<typeof OpenDataSchema>;

/** The JSON Schema (draft 2020-12) of {@link renderOpenDataJson}'s output. A new object on every call. */
export function openDataJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(OpenDataSchema, { target: 'draft-2020-12' }),
    title: 'Police and Crime Plan commitments: open data',
  };
}

/**
 * Builds the open data document: each commitment's figures rolled up by `rollUpPlan` as at
 * `input.asAt`, exactly as the API and the reports show them.
 *
 * @param input - see {@link OpenDataInputSchema}; validated here
 * @throws ReportInputError (`REPORT_INVALID_INPUT`) when the input is not valid, or a commitment
 *   names a theme the priorities do not list
 */
export function buildOpenData(input: OpenDataInput): OpenData {
  const parsed = OpenDataInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ReportInputError(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const data = parsed.data;
  const themes = new Map(
    data.priorities.flatMap((p) =>
      p.themes.map((t) => [t.id, { title: t.title, priority: p }] as const),
    ),
  );
  const unknown = data.commitments.flatMap((c, i) =>
    c.themeId !== null && !themes.has(c.themeId)
      ? [{ path: `commitments.${i}.themeId`, message: `There is no theme ${c.themeId}.` }]
      : [],
  );
  if (unknown.length > 0) throw new ReportInputError(unknown);

  const rollUp = rollUpPlan({
    asAt: data.asAt,
    priorityIds: data.priorities.map((p) => String(p.number)),
    themes: [...themes].map(([id, t]) => ({ id, priorityId: String(t.priority.number) })),
    commitments: data.commitments,
    actions: data.actions,
  });

  const commitments = [...data.commitments]
    .sort((a, b) => compareCommitmentCodes(a.code, b.code))
    .map((c): OpenDataCommitment => {
      const figures = rollUp.commitments.get(c.id);
      if (!figures) throw new Error(`No roll-up for commitment ${c.id}.`);
      const theme = c.themeId === null ? undefined : themes.get(c.themeId);
      const section = theme ? null : c.crossCuttingSection;
      return {
        code: c.code,
        priorityNumber: theme?.priority.number ?? null,
        priorityTitle: theme?.priority.title ?? null,
        theme: theme?.title ?? null,
        crossCuttingSection: section,
        crossCuttingSectionTitle: section ? CROSS_CUTTING_SECTION_TITLES[section] : null,
        text: c.text,
        status: rollUpAsItem(figures).status,
        rag: figures.rag,
        progressPercent: figures.progressPercent,
        dueDate: c.dueDate,
        overdue: figures.overdue > 0,
        lastUpdate: c.latestNote
          ? { date: c.latestNote.recordedOn, note: c.latestNote.narrative }
          : null,
      };
    });

  const plan = rollUp.plan;
  return {
    schemaVersion: 1,
    organisation: { name: data.organisation.name },
    plan: { ...data.plan },
    asAt: data.asAt,
    summary: {
      commitments: plan.count,
      byStatus: plan.byStatus,
      byRag: plan.byRag,
      progressPercent: plan.progressPercent,
      overdue: plan.overdue,
    },
    priorities: [...data.priorities]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({ number: p.number, title: p.title, themes: p.themes.map((t) => t.title) })),
    commitments,
  };
}

/** The open data CSV's header row, in column order. */
export const OPEN_DATA_CSV_COLUMNS = [
  'Code',
  'Priority',
  'Theme',
  'Commitment',
  'Status',
  'RAG',
  'Progress (%)',
  'Due date',
  'Overdue',
  'Last update date',
  'Last update note',
] as const;

/**
 * Renders the open data as CSV (RFC 4180, CRLF, quoted like the report's CSV, free text guarded
 * against spreadsheet formulas): a header row ({@link OPEN_DATA_CSV_COLUMNS}), then one row per
 * commitment in code order. Status and RAG are in words as the report shows them; dates are
 * ISO 8601 (`2021-09-30`) so they sort and parse everywhere; overdue is `Yes` or `No`.
 *
 * @param data - from {@link buildOpenData}
 * @param options - whether to start with a byte order mark (Excel needs one for UTF-8)
 */
export function renderOpenDataCsv(data: OpenData, options: ReportCsvOptions = {}): string {
  const rows = data.commitments.map((c) => [
    c.code,
    csvTextCell(
      c.priorityNumber !== null && c.priorityTitle !== null
        ? priorityHeading({ number: c.priorityNumber, title: c.priorityTitle })
        : c.crossCuttingSectionTitle
          ? `Cross-cutting: ${c.crossCuttingSectionTitle}`
          : '',
    ),
    csvTextCell(c.theme ?? ''),
    csvTextCell(c.text),
    statusText(c.status),
    ragText(c.rag),
    c.progressPercent === null ? '' : String(c.progressPercent),
    c.dueDate ?? '',
    c.overdue ? 'Yes' : 'No',
    c.lastUpdate?.date ?? '',
    csvTextCell(c.lastUpdate?.note ?? ''),
  ]);
  return csvDocument([[...OPEN_DATA_CSV_COLUMNS], ...rows], options);
}

/**
 * Renders the open data as JSON, indented by two spaces and ending with a newline; it matches
 * {@link OpenDataSchema} and {@link openDataJsonSchema}.
 *
 * @param data - from {@link buildOpenData}
 */
export function renderOpenDataJson(data: OpenData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The formats of the open data, by file extension. */
export const OPEN_DATA_FORMATS = {
  json: { mediaType: 'application/json; charset=utf-8', render: renderOpenDataJson },
  csv: {
    mediaType: 'text/csv; charset=utf-8',
    render: (data: OpenData) => renderOpenDataCsv(data),
  },
} as const;

/** `json` or `csv`. */
export type OpenDataFormat = keyof typeof OPEN_DATA_FORMATS;

/** True for a format of {@link OPEN_DATA_FORMATS}. */
export function isOpenDataFormat(value: string): value is OpenDataFormat {
  return Object.hasOwn(OPEN_DATA_FORMATS, value);
}

/** Renders the open data in a format of {@link OPEN_DATA_FORMATS}. */
export function renderOpenData(data: OpenData, format: OpenDataFormat): string {
  return OPEN_DATA_FORMATS[format].render(data);
}
