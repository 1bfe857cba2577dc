/**
 * Reports: pick a quarter, read its monitoring report (as the Police and Crime Panel gets it:
 * built as at the quarter's end from history), whether it is a draft (the quarter is open) or
 * final (stored at the close and sent as is), download it in each format the API offers, and
 * check the chain of stored reports.
 */
import {
  lifecycleStatusLabel,
  previousPeriod,
  quarterOf,
  ragLabel,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import { type FormEvent, useState } from 'react';
import { Loading, Page } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { routes } from '../app/routes.js';
import { SummaryList, Tag } from '../govuk/content.js';
import { Button, Select } from '../govuk/fields.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { formatDate, RagTag, StatusTag } from '../work/tags.js';
import { ReportChain, ReportChainFields } from './ReportChain.js';

const PeriodsQuery = graphql(
  `
  query ReportPeriods($slug: String!) {
    plan(slug: $slug) { id reportingPeriods { id label closed startDate } ...ReportChainFields }
  }
`,
  [ReportChainFields],
);

const ReportQuery = graphql(`
  query MonitoringReport($slug: String!, $period: String!) {
    plan(slug: $slug) {
      id
      monitoringReport(period: $period) {
        __typename
        ... on ReportPeriodError { code message }
        ... on MonitoringReport {
          period
          asAt
          draft
          closedOn
          previousPeriod
          overall {
            progress { actualPercent expectedPercent verdict }
            rollUp { count overdue byRag { rag count } byStatus { status count } }
          }
          priorities {
            number
            title
            progress { actualPercent expectedPercent verdict }
            rollUp { count overdue rag }
            headlines { updateId code narrative statusAfter ragAfter }
            exceptions { itemId code kind title reasons owner daysOverdue rag status correctiveAction }
          }
        }
      }
    }
  }
`);

const FORMATS = [
  { ext: 'html', label: 'Web page (HTML)' },
  { ext: 'pdf', label: 'PDF' },
  { ext: 'md', label: 'Markdown' },
  { ext: 'csv', label: 'Spreadsheet (CSV)' },
  { ext: 'json', label: 'Data (JSON)' },
] as const;

const VERDICTS: Record<string, string> = {
  AHEAD: 'ahead of the timeline',
  ON_TRACK: 'in line with the timeline',
  BEHIND: 'behind the timeline',
  NOT_MEASURED: 'not measured',
};

/** `2021/22 Q2` → `2021-22-Q2`, as the download addresses spell a quarter. */
export function periodSlug(label: string): string {
  return label.replace('/', '-').replace(' ', '-');
}

export function ReportsPage() {
  const slug = usePlanSlug();
  const { query } = useLocation();
  const today = todayInPlanTimeZone();
  const lastFinished = previousPeriod(quarterOf(today)).label;
  const chosen = query.get('period') ?? lastFinished;
  const periods = useQuery(PeriodsQuery, { slug });
  const report = useQuery(ReportQuery, { slug, period: chosen });
  const [period, setPeriod] = useState(chosen);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(routes.reports(slug, period));
  };

  const options = (periods.data?.plan?.reportingPeriods ?? [])
    .filter((p) => p.startDate <= today)
    .map((p) => ({
      value: p.label,
      text: `${p.label}${p.closed ? ' (closed, final)' : ' (open, draft)'}`,
    }))
    .reverse();

  const result = report.data?.plan?.monitoringReport;
  return (
    <Page title="Reports" caption="Quarterly monitoring report for the Police and Crime Panel">
      <form onSubmit={submit} className="app-filters" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              id="period"
              label="Quarter"
              value={period}
              onChange={setPeriod}
              options={options.length > 0 ? options : [{ value: chosen, text: chosen }]}
            />
          </div>
        </div>
        <Button>Show report</Button>
      </form>
      {report.error ? (
        <p className="govuk-body">{report.error.message}</p>
      ) : !result ? (
        <Loading what="the report" />
      ) : result.__typename === 'ReportPeriodError' ? (
        <p className="govuk-body">{result.message}</p>
      ) : (
        <div aria-busy={report.loading} data-testid="report">
          <h2 className="govuk-heading-l">Monitoring report for {result.period}</h2>
          <p className="govuk-body">
            As at {formatDate(result.asAt)}
            {result.previousPeriod ? `, compared with ${result.previousPeriod}` : ''}.
          </p>
          <div className="govuk-inset-text" data-testid="report-state">
            {result.draft ? (
              <>
                <Tag colour="yellow">Draft</Tag>{' '}
                <span>
                  This quarter is open, so the report can still change: updates filed for it count
                  until an administrator closes it.
                </span>
              </>
            ) : (
              <>
                <Tag colour="green">Final</Tag>{' '}
                <span>
                  Closed on {formatDate(result.closedOn)}: this is the report stored then, as it was
                  sent to the Panel.
                </span>
              </>
            )}
          </div>
          <h3 className="govuk-heading-m">Download</h3>
          <ul className="govuk-list" data-testid="downloads">
            {FORMATS.map((format) => (
              <li key={format.ext}>
                <a
                  className="govuk-link"
                  href={routes.reportFile(slug, periodSlug(result.period), format.ext)}
                  {...(format.ext === 'html'
                    ? { target: '_blank', rel: 'noopener' }
                    : { download: '' })}
                >
                  {format.label}
                  {format.ext === 'html' ? ' (opens in new tab)' : ''}
                </a>
              </li>
            ))}
          </ul>
          {periods.data?.plan ? <ReportChain plan={periods.data.plan} /> : null}
          <h3 className="govuk-heading-m">Overall</h3>
          <SummaryList
            rows={[
              { key: 'Commitments', value: String(result.overall.rollUp.count) },
              {
                key: 'Progress',
                value: `${result.overall.progress.actualPercent ?? 0}% done against ${result.overall.progress.expectedPercent}% expected: ${VERDICTS[result.overall.progress.verdict] ?? ''}`,
              },
              {
                key: 'Ratings',
                value: result.overall.rollUp.byRag
                  .filter((r) => r.count > 0)
                  .map(
                    (r) => `${r.count} ${ragLabel(r.rag === 'NONE' ? null : r.rag).toLowerCase()}`,
                  )
                  .join(', '),
              },
              {
                key: 'Status',
                value: result.overall.rollUp.byStatus
                  .filter((s) => s.count > 0)
                  .map((s) => `${s.count} ${lifecycleStatusLabel(s.status).toLowerCase()}`)
                  .join(', '),
              },
              { key: 'Overdue', value: String(result.overall.rollUp.overdue) },
            ]}
          />
          {result.priorities.map((priority) => (
            <section key={priority.number} aria-labelledby={`report-priority-${priority.number}`}>
              <h3 className="govuk-heading-m" id={`report-priority-${priority.number}`}>
                Priority {priority.number}: {priority.title}
              </h3>
              <p className="govuk-body">
                {priority.rollUp.count} commitments, {priority.progress.actualPercent ?? 0}% done (
                {VERDICTS[priority.progress.verdict]}), {priority.rollUp.overdue} overdue. Rating:{' '}
                <RagTag rag={priority.rollUp.rag} />
              </p>
              {priority.headlines.length > 0 ? (
                <>
                  <h4 className="govuk-heading-s">Updates this quarter</h4>
                  <ul className="govuk-list govuk-list--bullet">
                    {priority.headlines.map((h) => (
                      <li key={h.updateId}>
                        <Link className="govuk-link" to={routes.commitment(slug, h.code)}>
                          {h.code}
                        </Link>
                        : {h.narrative}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {priority.exceptions.length > 0 ? (
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    Exceptions: off track, at risk or overdue
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Work
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Why
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {priority.exceptions.map((e) => (
                      <tr className="govuk-table__row" key={e.itemId}>
                        <td className="govuk-table__cell govuk-body-s">
                          {e.code}: {e.title}
                          {e.owner ? (
                            <span className="govuk-!-display-block app-secondary-text">
                              {e.owner}
                            </span>
                          ) : null}
                        </td>
                        <td className="govuk-table__cell govuk-body-s" data-label="Why">
                          {e.reasons
                            .map((reason) =>
                              reason === 'OVERDUE'
                                ? `overdue${e.daysOverdue ? ` by ${e.daysOverdue} days` : ''}`
                                : ragLabel(reason).toLowerCase(),
                            )
                            .join(', ')}
                        </td>
                        <td className="govuk-table__cell" data-label="Status">
                          <StatusTag status={e.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="govuk-body app-secondary-text">No exceptions.</p>
              )}
            </section>
          ))}
        </div>
      )}
    </Page>
  );
}
