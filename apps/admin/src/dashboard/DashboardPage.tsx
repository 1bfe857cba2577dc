/**
 * A plan's dashboard: its priorities (and the cross-cutting commitments) with counts by status
 * and RAG, progress against the share of the plan's period that has passed, what is overdue,
 * and what changed since the end of the last quarter.
 */
import { previousPeriod, quarterOf, ragLabel } from '@plan-tracker/domain';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link, useLocation } from '../app/router.js';
import { routes } from '../app/routes.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { DraftBanner } from '../plan-loading/DraftBanner.js';
import { RollUpCells, RollUpFields, ragCount, statusCount } from '../rollup/rollup.js';
import { formatDate } from '../work/tags.js';
import { ChangeTable } from './ChangeTable.js';
import { OverdueWork } from './OverdueTable.js';
import { ProgressAgainstTime } from './progress.js';

const DashboardQuery = graphql(
  `
  query Dashboard($slug: String!) {
    plan(slug: $slug) {
      id
      title
      periodStart
      periodEnd
      asAt
      rollUp { ...RollUpFields }
      priorities { id number title rollUp { ...RollUpFields } }
      crossCuttingRollUps { section rollUp { ...RollUpFields } }
    }
  }
`,
  [RollUpFields],
);

const EarlierQuery = graphql(
  `
  query DashboardEarlier($slug: String!, $asAt: Date!) {
    plan(slug: $slug, asAt: $asAt) {
      id
      asAt
      rollUp { ...RollUpFields }
      priorities { id number rollUp { ...RollUpFields } }
    }
  }
`,
  [RollUpFields],
);

const SECTION_NAMES: Record<string, string> = {
  NATIONAL_STRATEGIES: 'Support national policing strategies',
  POLICE_AND_EMERGENCY_SERVICES: 'Collaborate with police and emergency services',
  PARTNERS: 'Work with partners',
};

export function DashboardPage() {
  const slug = usePlanSlug();
  const imported = useLocation().query.get('imported') === 'yes';
  const { data, error } = useQuery(DashboardQuery, { slug });
  const plan = data?.plan;
  const asAt = plan?.asAt ?? null;
  const lastQuarter = asAt ? previousPeriod(quarterOf(asAt)) : null;
  const earlier = useQuery(
    EarlierQuery,
    { slug, asAt: lastQuarter?.endDate ?? '' },
    { skip: !lastQuarter },
  );

  if (error) return <FailurePage failure={error} />;
  if (!data)
    return (
      <Page title="Dashboard">
        <Loading what="the dashboard" />
      </Page>
    );
  if (!plan?.asAt || !plan.periodStart || !plan.periodEnd) {
    return (
      <Page title="Dashboard">
        <p className="govuk-body">The plan has not been loaded into the tracker yet.</p>
      </Page>
    );
  }
  const period = { start: plan.periodStart, end: plan.periodEnd };
  const total = plan.rollUp;
  const before = earlier.data?.plan;

  return (
    <Page title="Dashboard" caption={plan.title ?? undefined}>
      <DraftBanner imported={imported} />
      <p className="govuk-body-l">
        As at {formatDate(plan.asAt)}: {total?.count ?? 0} commitments,{' '}
        {statusCount(total, 'COMPLETED')} completed, {total?.overdue ?? 0} overdue.
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Progress against the plan period</h2>
          <ProgressAgainstTime
            progressPercent={total?.progressPercent}
            period={period}
            asAt={plan.asAt}
            label="The whole plan"
          />
          <p className="govuk-body govuk-!-margin-top-3">
            The bar shows how far the work has got; the black line shows how much of the plan period
            ({formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}) has passed.
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Ratings</h2>
          <ul className="govuk-list">
            {(['RED', 'AMBER', 'GREEN', 'NONE'] as const).map((rag) => (
              <li key={rag}>
                <Link className="govuk-link" to={routes.commitments(slug, { rag })}>
                  {ragCount(total, rag)} {ragLabel(rag === 'NONE' ? null : rag).toLowerCase()}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Priorities</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Priority
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              Rating
            </th>
            <th scope="col" className="govuk-table__header govuk-!-width-one-quarter">
              Progress
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Overdue
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {(plan.priorities ?? []).map((priority) => (
            <tr className="govuk-table__row" key={priority.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={routes.priority(slug, priority.number)}>
                  {priority.number}. {priority.title}
                </Link>
                <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
                  {priority.rollUp?.count ?? 0} commitments
                </p>
              </th>
              <RollUpCells
                rollUp={priority.rollUp}
                period={period}
                asAt={plan.asAt as string}
                label={`Priority ${priority.number}`}
              />
              <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Overdue">
                {priority.rollUp?.overdue ? (
                  <a className="govuk-link" href="#overdue">
                    {priority.rollUp.overdue}
                    <span className="govuk-visually-hidden">
                      {' '}
                      overdue in priority {priority.number}
                    </span>
                  </a>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
          {(plan.crossCuttingRollUps ?? []).map((section) => (
            <tr className="govuk-table__row" key={section.section}>
              <th scope="row" className="govuk-table__header">
                {SECTION_NAMES[section.section ?? ''] ?? section.section}
                <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
                  {section.rollUp?.count ?? 0} cross-cutting commitments
                </p>
              </th>
              <RollUpCells
                rollUp={section.rollUp}
                period={period}
                asAt={plan.asAt as string}
                label={SECTION_NAMES[section.section ?? ''] ?? 'Section'}
              />
              <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Overdue">
                {section.rollUp?.overdue ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m" id="overdue">
        Overdue
      </h2>
      <OverdueWork at={plan.asAt} />

      <h2 className="govuk-heading-m">Changed since the last quarter</h2>
      {!lastQuarter || !before ? (
        <Loading what="the comparison with the last quarter" />
      ) : (
        <ChangeTable
          lastLabel={lastQuarter.label}
          lastEnd={lastQuarter.endDate}
          rows={[
            ...(plan.priorities ?? []).map((p) => ({
              key: p.id,
              name: `${p.number}. ${p.title}`,
              now: p.rollUp,
              earlier: before.priorities?.find((b) => b.number === p.number)?.rollUp,
            })),
            { key: 'plan', name: 'Whole plan', now: plan.rollUp, earlier: before.rollUp },
          ]}
        />
      )}
    </Page>
  );
}
