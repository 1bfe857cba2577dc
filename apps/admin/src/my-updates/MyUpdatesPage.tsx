/**
 * My updates: the commitments and delivery actions the signed-in person owns (through the owner
 * labels on their account) that have no update yet for the quarter updates now count towards
 * (the one the update form chooses: the quarter just ended while it is open, else the current
 * one). Closed work needs no update, so it is left out.
 */
import { isClosedStatus, quarterOf, sameOwner, todayInPlanTimeZone } from '@plan-tracker/domain';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { InsetText } from '../govuk/content.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { defaultUpdateQuarter } from '../period/quarters.js';
import { usePlanSlug } from '../plan/plan.js';
import { useViewer } from '../session/session.js';
import { formatDate, OverdueTag, StatusTag } from '../work/tags.js';

const MyPeriodsQuery = graphql(`
  query MyUpdatesPeriods($slug: String!) {
    plan(slug: $slug) { id reportingPeriods { id label startDate endDate closed } }
  }
`);

const OwnedWorkQuery = graphql(`
  query OwnedWork($slug: String!, $owner: String!) {
    plan(slug: $slug) {
      id
      commitments(first: 100, filter: { work: { owner: $owner } }) {
        edges { node { id code text owner status dueDate overdue updates { id period action { id } } } }
      }
      actions(first: 100, filter: { work: { owner: $owner } }, orderBy: { field: DUE_DATE }) {
        edges { node { id title owner status dueDate overdue commitment { code } updates { id period } } }
      }
    }
  }
`);

export function MyUpdatesPage() {
  const slug = usePlanSlug();
  const viewer = useViewer();
  const periods = useQuery(MyPeriodsQuery, { slug });
  if (periods.error) return <FailurePage failure={periods.error} />;
  if (!periods.data) {
    return (
      <Page title="My updates">
        <Loading what="the reporting periods" />
      </Page>
    );
  }
  const today = todayInPlanTimeZone();
  const period =
    defaultUpdateQuarter(periods.data.plan?.reportingPeriods ?? [], today) ?? quarterOf(today);
  return (
    <Page
      title="My updates"
      caption={`${period.label}: ${formatDate(period.startDate)} to ${formatDate(period.endDate)}`}
    >
      {viewer.ownerLabels.length === 0 ? (
        <>
          <p className="govuk-body">You do not own any commitments or delivery actions.</p>
          <InsetText>
            Work is yours when its owner is one of the owner labels on your account. An
            administrator can add them under Administration, Users.
          </InsetText>
          <p className="govuk-body">
            <Link className="govuk-link" to={routes.commitments(slug)}>
              See all commitments
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body">
            Work you own ({viewer.ownerLabels.join(', ')}) that has no update for {period.label}{' '}
            yet.
          </p>
          {viewer.ownerLabels.map((label) => (
            <OwnedWork key={label} owner={label} period={period.label} />
          ))}
        </>
      )}
    </Page>
  );
}

function OwnedWork({ owner, period }: { owner: string; period: string }) {
  const slug = usePlanSlug();
  const { data, error } = useQuery(OwnedWorkQuery, { slug, owner });
  if (error) return <p className="govuk-body">{error.message}</p>;
  if (!data) return <Loading what={`the work of ${owner}`} />;
  // A commitment's list also holds its actions' updates; only its own count for it.
  const needsUpdate = <
    T extends {
      owner: string | null;
      status: Parameters<typeof isClosedStatus>[0];
      updates: { period: string }[];
    },
  >(
    items: T[],
  ) =>
    items.filter(
      (item) =>
        sameOwner(item.owner, owner) &&
        !isClosedStatus(item.status) &&
        !item.updates.some((u) => u.period === period),
    );
  const commitments = needsUpdate(
    (data.plan?.commitments.edges ?? []).flatMap((e) =>
      e?.node ? [{ ...e.node, updates: e.node.updates.filter((u) => u.action === null) }] : [],
    ),
  );
  const actions = needsUpdate(
    (data.plan?.actions.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
  );

  return (
    <>
      <h2 className="govuk-heading-m">{owner}</h2>
      {commitments.length === 0 && actions.length === 0 ? (
        <p className="govuk-body">
          Everything {owner} owns has an update for {period}.
        </p>
      ) : (
        <table className="govuk-table" data-testid="my-updates">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {commitments.length + actions.length} to update for {period}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Work
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Last update
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {commitments.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={routes.commitmentUpdate(slug, c.code)}>
                    Update commitment {c.code}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block">{c.text}</span>
                </td>
                <td className="govuk-table__cell" data-label="Status">
                  <StatusTag status={c.status} />
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="Due">
                  {formatDate(c.dueDate)} {c.overdue ? <OverdueTag /> : null}
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="Last update">
                  {c.updates[0]?.period ?? 'None yet'}
                </td>
              </tr>
            ))}
            {actions.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={routes.actionUpdate(slug, a.id)}>
                    Update “{a.title}”
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block">
                    Delivery action for commitment {a.commitment.code}
                  </span>
                </td>
                <td className="govuk-table__cell" data-label="Status">
                  <StatusTag status={a.status} />
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="Due">
                  {formatDate(a.dueDate)} {a.overdue ? <OverdueTag /> : null}
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="Last update">
                  {a.updates[0]?.period ?? 'None yet'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
