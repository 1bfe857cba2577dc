/**
 * Administration: the organisation's plans, archived ones too, with what an administrator does
 * to one: load a revision, publish or unpublish it, archive or restore it; and a way to import
 * another. The API lists every plan of the organisation at once (`Organisation.plans` has no
 * pages): an office keeps a handful, one per term of its commissioner.
 */
import { useState } from 'react';
import { FailurePage, Loading } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { ErrorSummary, NotificationBanner, Tag } from '../govuk/content.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { isFailure } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { changePlan, PLAN_CHANGES, type PlanChangeKind } from '../plan-loading/change-plan.js';
import { useSession } from '../session/session.js';
import { formatDate } from '../work/tags.js';

const PlansQuery = graphql(`
  query AdminPlans {
    viewer {
      organisation {
        id
        plans(includeArchived: true) {
          id
          slug
          title
          periodStart
          periodEnd
          published
          archivedAt
          version
          revisions { id code }
        }
      }
    }
  }
`);

type AdminPlan = NonNullable<
  ResultOf<typeof PlansQuery>['viewer']['organisation']
>['plans'][number];

/** The id of a plan's row: where a failure of a change to it is shown. */
const rowId = (plan: Pick<AdminPlan, 'slug'>): string => `plan-${plan.slug}`;

export function PlansSection() {
  const { data, error, reload } = useQuery(PlansQuery, {});
  const { recheck } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const form = useMutationForm({ fallback: 'plans' });
  if (error) return <FailurePage failure={error} />;
  if (!data) return <Loading what="plans" />;
  const plans = data.viewer.organisation?.plans ?? [];

  const change = (plan: AdminPlan, kind: PlanChangeKind) =>
    form.run(async () => {
      if (plan.version === null) return null;
      setMessage(null);
      const result = await changePlan({ id: plan.id, version: plan.version }, kind);
      if (isFailure(result)) {
        if (result.code === 'CONFLICT') {
          await reload();
          return [
            {
              field: rowId(plan),
              message: `Someone changed ${plan.title} since this page loaded. It is shown as it is now: ${PLAN_CHANGES[kind].verb.toLowerCase()} it again if you still want to.`,
            },
          ];
        }
        return [{ field: rowId(plan), message: result.message }];
      }
      setMessage(`${result.title} ${PLAN_CHANGES[kind].done}`);
      // The header, the home's choice of plans and a plan's draft notice read the session.
      await Promise.all([reload(), recheck()]);
      return null;
    });

  return (
    <>
      <h2 className="govuk-heading-m">Plans</h2>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      {message ? <NotificationBanner type="success" heading={message} /> : null}
      <p className="govuk-body">
        A plan you import is a draft, seen only by your organisation’s staff, until you publish it.
        Load a revision when a newer text of a plan is published.
      </p>
      <Link className="govuk-button" to={routes.importPlan()}>
        Import a plan
      </Link>
      {plans.length === 0 ? (
        <p className="govuk-body" id="plans" tabIndex={-1} data-testid="no-plans">
          There are no plans yet.
        </p>
      ) : (
        <table className="govuk-table" data-testid="admin-plans" id="plans" tabIndex={-1}>
          <caption className="govuk-table__caption govuk-visually-hidden">
            Your organisation’s plans, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Plan
              </th>
              <th scope="col" className="govuk-table__header">
                Period
              </th>
              <th scope="col" className="govuk-table__header">
                State
              </th>
              <th scope="col" className="govuk-table__header">
                Revisions
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {plans.map((plan) => (
              <tr className="govuk-table__row" key={plan.id} id={rowId(plan)} tabIndex={-1}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={routes.dashboard(plan.slug)}>
                    {plan.title}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular app-secondary-text">
                    {plan.slug}
                  </span>
                </th>
                <td className="govuk-table__cell" data-label="Period">
                  {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}
                </td>
                <td className="govuk-table__cell" data-label="State">
                  {plan.archivedAt ? (
                    <Tag colour="grey">Archived</Tag>
                  ) : plan.published ? (
                    <Tag colour="green">Published</Tag>
                  ) : (
                    <Tag colour="yellow">Draft</Tag>
                  )}
                </td>
                <td className="govuk-table__cell" data-label="Revisions">
                  {plan.revisions.map((r) => r.code).join(', ') || 'None'}
                </td>
                <td className="govuk-table__cell">
                  <PlanActions
                    plan={plan}
                    pending={form.pending}
                    onChange={(kind) => void change(plan, kind)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The changes an administrator can make to one plan, as it is now. */
function PlanActions({
  plan,
  pending,
  onChange,
}: {
  plan: AdminPlan;
  pending: boolean;
  onChange: (kind: PlanChangeKind) => void;
}) {
  const kinds: PlanChangeKind[] = plan.archivedAt
    ? ['restore']
    : [plan.published ? 'unpublish' : 'publish', 'archive'];
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {plan.archivedAt ? null : (
        <li>
          <Link className="govuk-link" to={routes.revisePlan(plan.slug)}>
            Load a revision<span className="govuk-visually-hidden"> of {plan.title}</span>
          </Link>
        </li>
      )}
      {kinds.map((kind) => (
        <li key={kind}>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            disabled={pending}
            onClick={() => onChange(kind)}
          >
            {PLAN_CHANGES[kind].verb}
            <span className="govuk-visually-hidden"> {plan.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
