/**
 * One entry point for every text format of the monitoring report, so the command line, the
 * HTTP download and the API offer the same formats with the same file names and media types.
 */
import type { MonitoringReport } from './model.js';
import { renderReportCsv } from './render-csv.js';
import { renderReportHtml } from './render-html.js';
import { renderReportJson } from './render-json.js';
import { renderReportMarkdown } from './render-markdown.js';

/** The text formats of the report, by file extension. */
export const REPORT_FORMATS = {
  html: { mediaType: 'text/html; charset=utf-8', render: renderReportHtml },
  md: { mediaType: 'text/markdown; charset=utf-8', render: renderReportMarkdown },
  csv: {
    mediaType: 'text/csv; charset=utf-8',
    render: (report: MonitoringReport) => renderReportCsv(report),
  },
  json: { mediaType: 'application/json; charset=utf-8', render: renderReportJson },
} as const;

/** `html`, `md`, `csv` or `json`. */
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** True for a format {@link renderReport} knows. */
export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(REPORT_FORMATS, value);
}

/** Renders the report in a text format. */
export function renderReport(report: MonitoringReport, format: ReportFormat): string {
  return REPORT_FORMATS[format].render(report);
}

/**
 * The file name of a period's report: `2021/22 Q2` in HTML → `2021-22-Q2.html`, the name the
 * HTTP download uses too.
 */
export function reportFileName(period: string, format: ReportFormat | 'pdf'): string {
  return `${period.replace('/', '-').replace(' ', '-')}.${format}`;
}

/** The period a report file name stands for: `2021-22-Q2.html` → `2021/22 Q2` and `html`. */
export function parseReportFileName(name: string): { period: string; format: string } | null {
  const match = /^(\d{4})-(\d{2})-(Q[1-4])\.([a-z]+)$/.exec(name);
  if (!match) return null;
  return { period: `${match[1]}/${match[2]} ${match[3]}`, format: match[4] ?? '' };
}
