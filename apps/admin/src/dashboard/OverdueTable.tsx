/** The dashboard's overdue work: commitments and delivery actions past their due date. */
import type { LifecycleStatus, Rag } from '@plan-tracker/domain';
import { Loading } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { formatDate, StatusTag } from '../work/tags.js';

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
  const slug = usePlanSlug();
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
                <Link
                  className="govuk-link"
                  to={routes.commitment(slug, row.code, { tab: 'actions' })}
                >
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

/** Loads the work overdue on `at` (the plan's as-at date) and shows it. */
export function OverdueWork({ at }: { at: string }) {
  const slug = usePlanSlug();
  const { data, error } = useQuery(OverdueQuery, { slug, at });
  if (error) return <p className="govuk-body">{error.message}</p>;
  const plan = data?.plan;
  if (!plan) return <Loading what="overdue work" />;
  const rows: OverdueRow[] = [
    ...(plan.commitments?.edges ?? []).flatMap((e) =>
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
    ...(plan.actions?.edges ?? []).flatMap((e) =>
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
  ].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  const total = (plan.commitments?.totalCount ?? 0) + (plan.actions?.totalCount ?? 0);
  return <OverdueTable rows={rows} total={total} />;
}
