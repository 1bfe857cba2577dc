/**
 * The plan against its timeline: every quarter of the plan's period, by financial year, with
 * what fell due in each, what of that is completed, how many updates were written for it, and
 * whether its reporting period is closed.
 */
import { isClosedStatus, quarterOf, todayInPlanTimeZone } from '@plan-tracker/domain';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { Tag } from '../govuk/content.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';
import { formatDate, StatusTag } from '../work/tags.js';

const TimelineQuery = graphql(`
  query Timeline($slug: String!) {
    plan(slug: $slug) {
      id
      periodStart
      periodEnd
      timeline {
        financialYears {
          label
          quarters {
            label
            startDate
            endDate
            updateCount
            reportingPeriod { id closed }
            dueCommitments { id code status }
            dueActions { id title status commitment { code } }
          }
        }
      }
    }
  }
`);

export function TimelinePage() {
  const { slug, title } = usePlan();
  const { data, error } = useQuery(TimelineQuery, { slug });
  const current = quarterOf(todayInPlanTimeZone()).label;
  if (error) return <FailurePage failure={error} />;
  if (!data?.plan) {
    return (
      <Page title="Timeline">
        <Loading what="the timeline" />
      </Page>
    );
  }
  const { plan } = data;
  const quarterCount = plan.timeline.financialYears.reduce(
    (n, year) => n + year.quarters.length,
    0,
  );
  return (
    <Page title="Timeline" caption={title}>
      <p className="govuk-body">
        The plan runs from {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}:{' '}
        {quarterCount} quarters, reported on from April to March each year.
      </p>
      {plan.timeline.financialYears.map((year) => (
        <table className="govuk-table" key={year.label} data-testid="timeline-year">
          <caption className="govuk-table__caption govuk-table__caption--m">{year.label}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header govuk-!-width-one-quarter">
                Quarter
              </th>
              <th scope="col" className="govuk-table__header">
                Due in the quarter
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Updates
              </th>
              <th scope="col" className="govuk-table__header">
                Reporting
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {year.quarters.map((q) => {
              const due = q.dueCommitments.length + q.dueActions.length;
              const completed =
                q.dueCommitments.filter((c) => c.status === 'COMPLETED').length +
                q.dueActions.filter((a) => a.status === 'COMPLETED').length;
              const open = [...q.dueCommitments, ...q.dueActions].filter(
                (item) => !isClosedStatus(item.status),
              ).length;
              return (
                <tr
                  className="govuk-table__row"
                  key={q.label}
                  aria-current={q.label === current ? 'date' : undefined}
                >
                  <th scope="row" className="govuk-table__header">
                    {q.label}
                    {q.label === current ? (
                      <>
                        {' '}
                        <Tag colour="blue">Now</Tag>
                      </>
                    ) : null}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">
                      {formatDate(q.startDate)} to {formatDate(q.endDate)}
                    </span>
                  </th>
                  <td className="govuk-table__cell" data-label="Due in the quarter">
                    {due === 0 ? (
                      <span className="app-secondary-text">Nothing due</span>
                    ) : (
                      <details className="govuk-details govuk-!-margin-bottom-0">
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">
                            {due} due, {completed} completed
                            {open > 0 && q.endDate < todayInPlanTimeZone()
                              ? `, ${open} not finished`
                              : ''}
                          </span>
                        </summary>
                        <div className="govuk-details__text">
                          <ul className="govuk-list govuk-body-s">
                            {q.dueCommitments.map((c) => (
                              <li key={c.id}>
                                <Link className="govuk-link" to={routes.commitment(slug, c.code)}>
                                  Commitment {c.code}
                                </Link>{' '}
                                <StatusTag status={c.status} />
                              </li>
                            ))}
                            {q.dueActions.map((a) => (
                              <li key={a.id}>
                                <Link className="govuk-link" to={routes.action(slug, a.id)}>
                                  {a.title}
                                </Link>{' '}
                                ({a.commitment.code}) <StatusTag status={a.status} />
                              </li>
                            ))}
                          </ul>
                        </div>
                      </details>
                    )}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Updates">
                    {q.updateCount}
                  </td>
                  <td className="govuk-table__cell" data-label="Reporting">
                    {q.reportingPeriod?.closed ? (
                      <Tag colour="grey">Closed</Tag>
                    ) : q.startDate > todayInPlanTimeZone() ? (
                      <span className="app-secondary-text">Not started</span>
                    ) : (
                      <Tag colour="green">Open</Tag>
                    )}
                    {q.startDate <= todayInPlanTimeZone() ? (
                      <span className="govuk-!-display-block govuk-body-s">
                        <Link className="govuk-link" to={routes.reports(slug, q.label)}>
                          Report<span className="govuk-visually-hidden"> for {q.label}</span>
                        </Link>
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </Page>
  );
}
