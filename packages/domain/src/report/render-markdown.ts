/** The report as Markdown (CommonMark with GitHub tables), for wikis, emails and pull requests. */
import { LIFECYCLE_STATUSES } from '../model/vocabulary.js';
import { RAG_KEYS } from '../status/rag.js';
import {
  CROSS_CUTTING_HEADING,
  changeArrow,
  changeText,
  DIRECTION_OF_TRAVEL_LABELS,
  EXCEPTION_REASON_LABELS,
  formatReportDate,
  MEASURE_DIRECTION_LABELS,
  measureValueText,
  PANEL_ACTION_STATUS_LABELS,
  PROGRESS_VERDICT_LABELS,
  percentText,
  pointsText,
  priorityHeading,
  ragText,
  reportStateSentence,
  reportTitle,
  statusText,
} from './format.js';
import type {
  MonitoringReport,
  ReportChange,
  ReportCommitment,
  ReportException,
  ReportHeadline,
  ReportMeasureLine,
  ReportProgress,
  ReportRollUp,
} from './model.js';

/** Options of {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /**
   * True when the text starts a line, as a paragraph or a list item's continuation: then a
   * leading `#`, `-`, `+`, `=` or `1.` is escaped too, so it cannot start a heading or a list.
   * Default `false` (inside a table cell, a heading or after a list marker).
   */
  readonly lineStart?: boolean;
}

/**
 * Escapes text for Markdown: backslash-escapes the punctuation that could start emphasis, code,
 * links or HTML (`|` included, so text is safe in table cells) and entity references; turns
 * line breaks into `<br>`, which keeps a multi-line narrative inside its table cell or list item.
 *
 * @param text - any text
 * @param options - whether the text starts a line
 */
export function escapeMarkdown(text: string, options: EscapeMarkdownOptions = {}): string {
  let out = text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  if (options.lineStart) {
    out = out.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }
  return out.replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes text that starts a line. */
function block(text: string): string {
  return escapeMarkdown(text, { lineStart: true });
}

const md = (text: string): string => escapeMarkdown(text);

function tableOf(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const head = `| ${headings.map(md).join(' | ')} |`;
  const rule = `| ${headings.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((cells) => `| ${cells.join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

function progressSentence(progress: ReportProgress): string {
  if (progress.actualPercent === null) return 'not measured';
  return `${progress.actualPercent}% against ${progress.expectedPercent}% expected (${pointsText(progress.variance)}): ${PROGRESS_VERDICT_LABELS[progress.verdict].toLowerCase()}`;
}

function summary(rollUp: ReportRollUp, progress: ReportProgress, exceptions: number): string {
  return [
    `- **Commitments:** ${rollUp.count}`,
    `- **Progress:** ${progressSentence(progress)}`,
    `- **Overall RAG:** ${ragText(rollUp.rag)}`,
    `- **Overdue:** ${rollUp.overdue}`,
    `- **Exceptions:** ${exceptions}`,
  ].join('\n');
}

function counts(rollUp: ReportRollUp): string {
  return tableOf(
    ['Status', 'Commitments'],
    LIFECYCLE_STATUSES.map((s) => [md(statusText(s)), String(rollUp.byStatus[s])]),
    [1],
  ).concat(
    '\n\n',
    tableOf(
      ['RAG rating', 'Commitments'],
      RAG_KEYS.map((k) => [md(ragText(k === 'NONE' ? null : k)), String(rollUp.byRag[k])]),
      [1],
    ),
  );
}

/** What an update changed, e.g. `Status: In progress → Completed. RAG: Green – on track.` */
function headlineMoves(h: ReportHeadline): string {
  const status =
    h.statusBefore === h.statusAfter
      ? `Status: ${statusText(h.statusAfter)}.`
      : `Status: ${changeArrow(statusText(h.statusBefore), statusText(h.statusAfter))}.`;
  const rag =
    h.ragBefore === h.ragAfter
      ? `RAG: ${ragText(h.ragAfter)}.`
      : `RAG: ${changeArrow(ragText(h.ragBefore), ragText(h.ragAfter))}.`;
  const progress =
    h.progressAfter !== null && h.progressBefore !== h.progressAfter
      ? ` Progress: ${changeArrow(percentText(h.progressBefore), percentText(h.progressAfter))}.`
      : '';
  return `${status} ${rag}${progress}`;
}

function headlines(items: readonly ReportHeadline[], period: string): string {
  if (items.length === 0) return `No updates were recorded for ${md(period)}.`;
  return items
    .map((h) => {
      const lines = [
        `- **${md(h.code)}** ${md(h.commitmentText)}${h.actionTitle ? ` (delivery action: ${md(h.actionTitle)})` : ''}`,
        `  ${block(h.narrative)}`,
        `  *Recorded ${md(formatReportDate(h.recordedOn))}${h.author === null ? '' : ` by ${md(h.author)}`}. ${md(headlineMoves(h))}*`,
      ];
      if (h.evidence.length > 0) {
        lines.push(
          `  Evidence: ${h.evidence.map((e) => `[${md(e.title)}](<${e.url.replace(/[<>\s]/g, encodeURIComponent)}>)`).join('; ')}`,
        );
      }
      return lines.join('\n');
    })
    .join('\n');
}

function exceptions(items: readonly ReportException[]): string {
  if (items.length === 0)
    return 'There are no exceptions: nothing open is rated red or amber, and nothing is overdue.';
  return tableOf(
    ['Code', 'Item', 'Why listed', 'Status', 'Due', 'Latest note', 'Corrective action'],
    items.map((e) => [
      md(e.code),
      `${e.kind === 'ACTION' ? 'Action: ' : ''}${md(e.title)}${e.owner ? ` (owner: ${md(e.owner)})` : ''}`,
      md(e.reasons.map((r) => EXCEPTION_REASON_LABELS[r]).join(', ')),
      md(statusText(e.status)),
      `${md(e.dueDate ? formatReportDate(e.dueDate) : '—')}${e.daysOverdue ? ` (${e.daysOverdue} days overdue)` : ''}`,
      e.latestNote
        ? `${md(e.latestNote.narrative)} (${md(formatReportDate(e.latestNote.recordedOn))})`
        : 'None recorded',
      e.correctiveAction === null
        ? 'None recorded this quarter'
        : e.correctiveAction === e.latestNote?.narrative
          ? 'As latest note'
          : md(e.correctiveAction),
    ]),
  );
}

function changes(items: readonly ReportChange[], previous: string | null): string {
  if (previous === null)
    return 'This is the plan’s first quarter: there is nothing to compare with.';
  if (items.length === 0)
    return `No commitment changed status, RAG or progress since ${md(previous)}.`;
  return tableOf(
    ['Code', 'Commitment', 'Status', 'RAG', 'Progress'],
    items.map((c) => [
      md(c.code),
      md(c.text),
      md(
        c.status
          ? changeArrow(statusText(c.status.before), statusText(c.status.after))
          : 'No change',
      ),
      md(c.rag ? changeArrow(ragText(c.rag.before), ragText(c.rag.after)) : 'No change'),
      md(
        c.progress
          ? `${changeArrow(percentText(c.progress.before), percentText(c.progress.after))}${c.progress.difference === null ? '' : ` (${pointsText(c.progress.difference)})`}`
          : 'No change',
      ),
    ]),
  );
}

function measures(items: readonly ReportMeasureLine[]): string {
  if (items.length === 0) return 'No measures are reported for this priority.';
  const point = (p: ReportMeasureLine['latest'], unit: string) =>
    p ? `${md(measureValueText(p.value, unit))} (${md(p.period)})` : 'No data';
  return tableOf(
    ['Measure', 'Latest', 'Previous', 'Change', 'Direction of travel'],
    items.map((m) => [
      md(m.name),
      point(m.latest, m.unit),
      point(m.previous, m.unit),
      md(changeText(m.change)),
      `**${DIRECTION_OF_TRAVEL_LABELS[m.travel]}** (${md(MEASURE_DIRECTION_LABELS[m.direction].toLowerCase())})`,
    ]),
  );
}

function commitments(items: readonly ReportCommitment[]): string {
  if (items.length === 0) return 'There are no commitments in this section.';
  return tableOf(
    ['Code', 'Commitment', 'Owner', 'Status', 'RAG', 'Progress', 'Due', 'Last update'],
    items.map((c) => [
      md(c.code),
      md(c.text),
      md(c.owner ?? '—'),
      md(statusText(c.status)),
      md(ragText(c.rag)),
      md(percentText(c.progressPercent)),
      `${md(c.dueDate ? formatReportDate(c.dueDate) : '—')}${c.overdue ? ' (overdue)' : ''}`,
      md(c.latestNote ? formatReportDate(c.latestNote.recordedOn) : 'None'),
    ]),
    [5],
  );
}

interface Section {
  readonly heading: string;
  readonly rollUp: ReportRollUp;
  readonly progress: ReportProgress;
  readonly commitments: readonly ReportCommitment[];
  readonly headlines: readonly ReportHeadline[];
  readonly exceptions: readonly ReportException[];
  readonly changes: readonly ReportChange[];
  readonly measures?: readonly ReportMeasureLine[];
}

function section(report: MonitoringReport, s: Section): string {
  return [
    `## ${md(s.heading)}`,
    summary(s.rollUp, s.progress, s.exceptions.length),
    '### Status and RAG',
    counts(s.rollUp),
    '### Headlines this quarter',
    headlines(s.headlines, report.period.label),
    '### Exceptions',
    exceptions(s.exceptions),
    '### Changes since last quarter',
    changes(s.changes, report.previousPeriod),
    ...(s.measures ? ['### Measures', measures(s.measures)] : []),
    '### All commitments',
    commitments(s.commitments),
  ].join('\n\n');
}

/**
 * Renders the report as Markdown: one `#` title, a `##` section for the summary, each priority,
 * the cross-cutting commitments and the Panel's actions, with tables and lists inside. All text
 * from the report is escaped ({@link escapeMarkdown}), so it cannot break a table or inject HTML.
 *
 * @param report - from `buildMonitoringReport`
 * @returns the document, ending with a newline
 */
export function renderReportMarkdown(report: MonitoringReport): string {
  const { overall } = report;
  const rows = [
    ...report.priorities.map((p) => ({
      label: priorityHeading(p),
      rollUp: p.rollUp,
      progress: p.progress,
    })),
    ...(report.crossCutting.commitments.length > 0
      ? [
          {
            label: CROSS_CUTTING_HEADING,
            rollUp: report.crossCutting.rollUp,
            progress: report.crossCutting.progress,
          },
        ]
      : []),
    { label: 'Whole plan', rollUp: overall.rollUp, progress: overall.progress },
  ];
  const parts = [
    `# ${md(reportTitle(report))}`,
    `${block(report.organisation.name)}. Progress against the plan as at ${md(formatReportDate(report.asAt))}: quarter ${report.period.quarterNumber} of ${report.plan.quarterCount}.`,
    `**${md(reportStateSentence(report))}**`,
    ...(report.plan.vision ? [`*${md(report.plan.vision)}*`] : []),
    '## Summary',
    [
      `- **Plan period:** ${md(formatReportDate(report.plan.periodStart))} to ${md(formatReportDate(report.plan.periodEnd))}`,
      `- **Reporting period:** ${md(report.period.label)} (${md(formatReportDate(report.period.startDate))} to ${md(formatReportDate(report.period.endDate))})`,
      `- **Plan time elapsed:** ${report.expectedProgressPercent}%`,
      `- **Actual progress:** ${progressSentence(overall.progress)}`,
      `- **Overall RAG:** ${ragText(overall.rollUp.rag)}`,
      `- **Commitments:** ${overall.rollUp.count}, of which ${overall.rollUp.overdue} overdue`,
    ].join('\n'),
    '### Progress against time elapsed',
    tableOf(
      ['Section', 'Actual', 'Expected', 'Difference', 'Verdict'],
      rows.map((r) => [
        md(r.label),
        md(percentText(r.progress.actualPercent)),
        md(percentText(r.progress.expectedPercent)),
        md(pointsText(r.progress.variance)),
        md(PROGRESS_VERDICT_LABELS[r.progress.verdict]),
      ]),
      [1, 2, 3],
    ),
    '### RAG ratings by priority',
    tableOf(
      ['Section', ...RAG_KEYS.map((k) => ragText(k === 'NONE' ? null : k)), 'Total'],
      rows.map((r) => [
        md(r.label),
        ...RAG_KEYS.map((k) => String(r.rollUp.byRag[k])),
        String(r.rollUp.count),
      ]),
      [1, 2, 3, 4, 5],
    ),
    '### Status quarter by quarter',
    tableOf(
      ['Quarter', ...LIFECYCLE_STATUSES.map(statusText), 'Progress'],
      report.timeline.map((q) => [
        md(q.period),
        ...LIFECYCLE_STATUSES.map((s) => String(q.byStatus[s])),
        md(percentText(q.progress.actualPercent)),
      ]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    ...report.priorities.map((p) => section(report, { heading: priorityHeading(p), ...p })),
    ...(report.crossCutting.commitments.length > 0
      ? [section(report, { heading: CROSS_CUTTING_HEADING, ...report.crossCutting })]
      : []),
    '## Panel actions',
    report.panelActions.items.length === 0
      ? 'The Panel has raised no actions.'
      : tableOf(
          ['Meeting', 'Priority', 'Action', 'Status', 'Response'],
          report.panelActions.items.map((a) => [
            `${md(formatReportDate(a.meetingHeldOn))}: ${md(a.meetingTitle)}${a.raisedInPeriod ? ' (new this quarter)' : ''}`,
            a.priorityNumber === null
              ? 'Whole plan'
              : `${a.priorityNumber}: ${md(a.priorityTitle ?? '')}`,
            md(a.text),
            md(PANEL_ACTION_STATUS_LABELS[a.status]),
            md(a.response ?? 'No response yet'),
          ]),
        ),
  ];
  return `${parts.join('\n\n')}\n`;
}
