/** The report as JSON: the machine-readable format, described by `MonitoringReportSchema`. */
import type { MonitoringReport } from './model.js';

/**
 * Renders the report as JSON, indented by two spaces and ending with a newline. The output
 * parses to a value that matches `MonitoringReportSchema` (and `monitoringReportJsonSchema()`);
 * key order follows the report, so the same report always gives the same bytes.
 *
 * @param report - from `buildMonitoringReport`
 */
export function renderReportJson(report: MonitoringReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
