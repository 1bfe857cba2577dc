/**
 * The monitoring report as the public may see it. The report is built once, in full, for staff;
 * anyone else (the public on a published plan, partner systems with API keys) gets this version,
 * so the GraphQL query and the HTTP downloads withhold the same fields.
 */
import type { MonitoringReport, ReportCommitment } from './model.js';

function publicCommitment(commitment: ReportCommitment): ReportCommitment {
  return { ...commitment, statusOverrideReason: null };
}

/**
 * The report without its internal fields: the authors of progress updates (they may be people,
 * and people's details are for the organisation's staff) and staff's reasons for setting a
 * commitment's figures by hand. Owners stay: they are roles, teams or partner organisations, the
 * same owners the plan's public pages show. Everything else is unchanged, so a public report is
 * as deterministic as the full one.
 *
 * @param report - from `buildMonitoringReport`
 * @returns a new report; the one given is not changed
 */
export function publicMonitoringReport(report: MonitoringReport): MonitoringReport {
  const section = <
    T extends {
      commitments: ReportCommitment[];
      headlines: MonitoringReport['priorities'][number]['headlines'];
    },
  >(
    body: T,
  ): T => ({
    ...body,
    commitments: body.commitments.map(publicCommitment),
    headlines: body.headlines.map((h) => ({ ...h, author: null })),
  });
  return {
    ...report,
    priorities: report.priorities.map(section),
    crossCutting: section(report.crossCutting),
  };
}
