/**
 * The dashboard: the six priorities (and the cross-cutting commitments) with counts by status
 * and RAG, progress against the share of 2021–29 that has passed, what is overdue, and what
 * changed since the end of the last quarter.
 */
import {
  type LifecycleStatus,
  lifecycleStatusLabel,
  previousPeriod,
  quarterOf,
  type Rag,
  type RagKey,
  ragLabel,
} from '@plan-tracker/domain';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { PLAN_SLUG, RollUpFields } from '../plan/plan.js';
import { formatDate, StatusTag } from '../work/tags.js';
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

const OverdueQuery = graphql(`
  query DashboardOverdue($slug: String!, $at: Date!) {
    plan(slug: $slug) {
      id
      commitments(first: 50, filter: { work: { overdueAt: $at } }, orderBy: { field: DUE_DATE }) {
        totalCount
        edges { node { id code text owner dueDate status rag } }
      }
      actions(first: 50, filter: { work: { overdueAt: $at } }, orderBy: { field: DUE_DATE }) {
        totalCount
        edges { node { id title owner dueDate status rag commitment { code } } }
      }
    }
  }
`);

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

type RollUp = NonNullable<NonNullable<ResultOf<typeof DashboardQuery>['plan']>['rollUp']>;

function statusCount(rollUp: RollUp | null | undefined, status: LifecycleStatus): number {
  return rollUp?.byStatus?.find((s) => s.status === status)?.count ?? 0;
}

function ragCount(rollUp: RollUp | null | undefined, rag: RagKey): number {
  return rollUp?.byRag?.find((r) => r.rag === rag)?.count ?? 0;
}

/** A row's status counts, rating counts and progress against time, as three table cells. */
function RollUpCells({
  rollUp,
  period,
  asAt,
  label,
}: {
  rollUp: RollUp | null | undefined;
  period: { start: string; end: string };
  asAt: string;
  label: string;
}) {
  return (
    <>
      <td className="govuk-table__cell" data-label="Status">
        <StatusCounts rollUp={rollUp} />
      </td>
      <td className="govuk-table__cell" data-label="Rating">
        <RagCounts rollUp={rollUp} />
      </td>
      <td className="govuk-table__cell" data-label="Progress">
        <ProgressAgainstTime
          progressPercent={rollUp?.progressPercent}
          period={period}
          asAt={asAt}
          label={label}
        />
      </td>
    </>
  );
}

function StatusCounts({ rollUp }: { rollUp: RollUp | null | undefined }) {
  const rows = (rollUp?.byStatus ?? []).filter((s) => s.status && (s.count ?? 0) > 0);
  if (rows.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rows.map((s) => (
        <li key={s.status}>
          {s.count} {s.status ? lifecycleStatusLabel(s.status).toLowerCase() : ''}
        </li>
      ))}
    </ul>
  );
}

function RagCounts({ rollUp }: { rollUp: RollUp | null | undefined }) {
  const rows = (rollUp?.byRag ?? []).filter((r) => (r.count ?? 0) > 0);
  if (rows.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rows.map((r) => (
        <li key={r.rag}>
          {r.count} {ragLabel(r.rag === 'NONE' ? null : r.rag).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

const SECTION_NAMES: Record<string, string> = {
  NATIONAL_STRATEGIES: 'Support national policing strategies',
  POLICE_AND_EMERGENCY_SERVICES: 'Collaborate with police and emergency services',
  PARTNERS: 'Work with partners',
};

export function DashboardPage() {
  const { data, error } = useQuery(DashboardQuery, { slug: PLAN_SLUG });
  const plan = data?.plan;
  const asAt = plan?.asAt ?? null;
  const overdue = useQuery(OverdueQuery, { slug: PLAN_SLUG, at: asAt ?? '' }, { skip: !asAt });
  const lastQuarter = asAt ? previousPeriod(quarterOf(asAt)) : null;
  const earlier = useQuery(
    EarlierQuery,
    { slug: PLAN_SLUG, asAt: lastQuarter?.endDate ?? '' },
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
  const overduePlan = overdue.data?.plan;
  const overdueData = overduePlan ? overduePlan : null;
  const overdueRows: OverdueRow[] = overduePlan
    ? [
        ...(overduePlan.commitments?.edges ?? []).flatMap((e) =>
          e?.node
            ? [
                {
                  id: e.node.id,
                  code: e.node.code,
                  title: `Commitment ${e.node.code}`,
                  detail: e.node.text,
                  owner: e.node.owner,
                  dueDate: e.node.dueDate,
                  status: e.node.status,
                  rag: e.node.rag,
                },
              ]
            : [],
        ),
        ...(overduePlan.actions?.edges ?? []).flatMap((e) =>
          e?.node
            ? [
                {
                  id: e.node.id,
                  code: e.node.commitment.code,
                  title: e.node.title,
                  detail: `Delivery action for commitment ${e.node.commitment.code}`,
                  owner: e.node.owner,
                  dueDate: e.node.dueDate,
                  status: e.node.status,
                  rag: e.node.rag,
                },
              ]
            : [],
        ),
      ].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
    : [];
  const overdueTotal =
    (overduePlan?.commitments?.totalCount ?? 0) + (overduePlan?.actions?.totalCount ?? 0);
  const before = earlier.data?.plan;

  return (
    <Page title="Dashboard" caption={plan.title ?? undefined}>
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
                <Link className="govuk-link" to={routes.commitments({ rag })}>
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
                <Link className="govuk-link" to={routes.priority(priority.number)}>
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
      {!overdueData ? (
        <Loading what="overdue work" />
      ) : (
        <OverdueTable rows={overdueRows} total={overdueTotal} />
      )}

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

function Change({
  earlier,
  now,
  unit = '',
  goodWhen,
}: {
  earlier: number;
  now: number;
  unit?: string;
  goodWhen: 'up' | 'down';
}) {
  const delta = now - earlier;
  const words =
    delta === 0 ? 'no change' : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}${unit}`;
  const good = delta === 0 ? null : delta > 0 === (goodWhen === 'up');
  return (
    <>
      {now}
      {unit}{' '}
      <span className="govuk-body-s">
        ({words}
        {good === null ? '' : good ? ', better' : ', worse'})
      </span>
    </>
  );
}

function ChangeTable({
  lastLabel,
  lastEnd,
  rows,
}: {
  lastLabel: string;
  lastEnd: string;
  rows: {
    key: string;
    name: string;
    now: RollUp | null | undefined;
    earlier: RollUp | null | undefined;
  }[];
}) {
  return (
    <table className="govuk-table" data-testid="changes-since-last-quarter">
      <caption className="govuk-table__caption govuk-table__caption--s">
        Now compared with the end of {lastLabel} ({formatDate(lastEnd)})
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Priority
          </th>
          <th scope="col" className="govuk-table__header">
            Progress
          </th>
          <th scope="col" className="govuk-table__header">
            Completed
          </th>
          <th scope="col" className="govuk-table__header">
            Off track
          </th>
          <th scope="col" className="govuk-table__header">
            Overdue
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            <th scope="row" className="govuk-table__header">
              {row.name}
            </th>
            <td className="govuk-table__cell" data-label="Progress">
              <Change
                earlier={row.earlier?.progressPercent ?? 0}
                now={row.now?.progressPercent ?? 0}
                unit="%"
                goodWhen="up"
              />
            </td>
            <td className="govuk-table__cell" data-label="Completed">
              <Change
                earlier={statusCount(row.earlier, 'COMPLETED')}
                now={statusCount(row.now, 'COMPLETED')}
                goodWhen="up"
              />
            </td>
            <td className="govuk-table__cell" data-label="Off track">
              <Change
                earlier={ragCount(row.earlier, 'RED')}
                now={ragCount(row.now, 'RED')}
                goodWhen="down"
              />
            </td>
            <td className="govuk-table__cell" data-label="Overdue">
              <Change
                earlier={row.earlier?.overdue ?? 0}
                now={row.now?.overdue ?? 0}
                goodWhen="down"
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface OverdueRow {
  id: string;
  code: string;
  title: string;
  detail: string;
  owner: string | null;
  dueDate: string | null;
  status: LifecycleStatus;
  rag: Rag | null;
}

function OverdueTable({ rows, total }: { rows: readonly OverdueRow[]; total: number }) {
  if (rows.length === 0) return <p className="govuk-body">Nothing is overdue.</p>;
  return (
    <>
      <p className="govuk-body">
        {total} {total === 1 ? 'piece of work is' : 'pieces of work are'} past their due date and
        not completed or withdrawn
        {rows.length < total ? `; the ${rows.length} due longest ago are shown` : ''}.
      </p>
      <table className="govuk-table" data-testid="overdue">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Overdue work, due longest ago first
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Work
            </th>
            <th scope="col" className="govuk-table__header">
              Owner
            </th>
            <th scope="col" className="govuk-table__header">
              Due
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={routes.commitment(row.code, { tab: 'actions' })}>
                  {row.title}
                </Link>
                <span className="govuk-body-s govuk-!-display-block app-secondary-text">
                  {row.detail}
                </span>
              </td>
              <td className="govuk-table__cell govuk-body-s" data-label="Owner">
                {row.owner ?? 'Not set'}
              </td>
              <td className="govuk-table__cell govuk-body-s" data-label="Due">
                {formatDate(row.dueDate)}
              </td>
              <td className="govuk-table__cell" data-label="Status">
                <StatusTag status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
