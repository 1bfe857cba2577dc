/** The report's commitments as CSV (RFC 4180), one row each, for spreadsheets. */

import { CROSS_CUTTING_SECTION_TITLES } from '../importer/index.js';
import {
  formatReportDate,
  priorityHeading,
  ragText,
  reportStateLabel,
  statusText,
} from './format.js';
import type { MonitoringReport, ReportCommitment } from './model.js';

/** The CSV's header row, in column order. */
export const REPORT_CSV_COLUMNS = [
  'Code',
  'Priority',
  'Theme',
  'Commitment',
  'Status',
  'RAG',
  'Progress (%)',
  'Owner',
  'Due date',
  'Overdue',
  'Last update date',
  'Last update note',
  'Report',
] as const;

/** Options of {@link renderReportCsv}. */
export interface ReportCsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the text as UTF-8. Default `false`. */
  readonly byteOrderMark?: boolean;
}

/**
 * Quotes one CSV field as RFC 4180 says: in double quotes, with quotes doubled, when it holds a
 * comma, a quote, a carriage return or a line feed; as it is otherwise.
 *
 * @param value - the field's text
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Guards free text against spreadsheet formula injection: text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading `'`, so a spreadsheet shows it instead of running it.
 *
 * Hand-written, like {@link csvField}: each is one regular expression that OWASP's "CSV
 * injection" page and RFC 4180 specify exactly, and a reviewer can check it against them at a
 * glance. A CSV library (csv-stringify, papaparse) would add a dependency to a published package
 * for these two lines, and would still leave the guard to the caller (csv-stringify) or offer it
 * as an option that is off by default (papaparse's `escapeFormulae`); here it is always on and
 * tested.
 *
 * @param value - free text bound for a CSV field
 */
export function csvTextCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(c: ReportCommitment, report: MonitoringReport): string[] {
  const priority = report.priorities.find((p) => p.number === c.priorityNumber);
  const place = priority
    ? priorityHeading(priority)
    : c.crossCuttingSection
      ? `Cross-cutting: ${CROSS_CUTTING_SECTION_TITLES[c.crossCuttingSection]}`
      : '';
  return [
    c.code,
    csvTextCell(place),
    csvTextCell(c.themeTitle ?? ''),
    csvTextCell(c.text),
    statusText(c.status),
    ragText(c.rag),
    c.progressPercent === null ? '' : String(c.progressPercent),
    csvTextCell(c.owner ?? ''),
    c.dueDate ? formatReportDate(c.dueDate) : '',
    c.overdue ? 'Yes' : 'No',
    c.latestNote ? formatReportDate(c.latestNote.recordedOn) : '',
    csvTextCell(c.latestNote?.narrative ?? ''),
    reportStateLabel(report),
  ];
}

/**
 * Renders the report's commitments as CSV: a header row ({@link REPORT_CSV_COLUMNS}), then one
 * row per commitment in code order, the priorities' first and the cross-cutting ones after.
 * Fields are quoted as RFC 4180 says ({@link csvField}), every record ends with CRLF, and free
 * text that a spreadsheet would take for a formula is prefixed with `'`.
 *
 * @param report - from `buildMonitoringReport`
 * @param options - whether to start with a byte order mark
 */
export function renderReportCsv(report: MonitoringReport, options: ReportCsvOptions = {}): string {
  const commitments = [
    ...report.priorities.flatMap((p) => p.commitments),
    ...report.crossCutting.commitments,
  ];
  const records = [[...REPORT_CSV_COLUMNS], ...commitments.map((c) => row(c, report))];
  return csvDocument(records, options);
}

/**
 * Joins records into an RFC 4180 document: every field quoted by {@link csvField}, every record
 * ended with CRLF, and a byte order mark first when asked for.
 *
 * @param records - the header row, then the data rows
 * @param options - whether to start with a byte order mark
 */
export function csvDocument(
  records: readonly (readonly string[])[],
  options: ReportCsvOptions = {},
): string {
  const body = records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
  return `${options.byteOrderMark ? '\uFEFF' : ''}${body}`;
}
