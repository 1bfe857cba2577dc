/**
 * Record a quarterly update on a delivery action: the same form as for a commitment, on the
 * action's own figures. Its owner, the commitment's owner, editors and administrators may use it.
 */
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { routes } from '../app/routes.js';
import { figuresOf, UpdateForm } from '../commitment/UpdatePage.js';
import { BackLink } from '../govuk/content.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { PLAN_SLUG } from '../plan/plan.js';
import { canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { ActionQuery } from './ActionPage.js';

const PeriodsQuery = graphql(`
  query ActionUpdatePeriods($slug: String!) {
    plan(slug: $slug) { id reportingPeriods { id label closed startDate endDate } }
  }
`);

export function ActionUpdatePage({ id }: { id: string }) {
  const viewer = useViewer();
  const action = useQuery(ActionQuery, { id });
  const periods = useQuery(PeriodsQuery, { slug: PLAN_SLUG });
  const failure = action.error ?? periods.error;
  if (failure) return <FailurePage failure={failure} />;
  if (!action.data || !periods.data) {
    return (
      <Page title="Record an update">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const a = action.data.node?.__typename === 'DeliveryAction' ? action.data.node : null;
  const plan = periods.data.plan;
  if (!a || !plan || a.version === null || a.archivedAt) return <NotFoundPage />;
  if (!canEditWork(viewer, { owner: a.owner, parentOwner: a.commitment.owner })) {
    return (
      <Page
        title="You cannot update this delivery action"
        before={<BackLink to={routes.action(a.id)} />}
      >
        <p className="govuk-body">
          Only its owner, the commitment’s owner, editors and administrators can record updates on
          it.
        </p>
      </Page>
    );
  }
  return (
    <UpdateForm
      key={a.id}
      subject={{
        kind: 'action',
        id: a.id,
        draftKey: `action:${a.id}`,
        caption: `Delivery action for commitment ${a.commitment.code}`,
        text: a.title,
        figures: figuresOf(a),
        version: a.version,
        rollsUpFromActions: false,
        back: { path: routes.action(a.id), label: 'Back to the delivery action' },
        donePath: routes.action(a.id, { saved: 'update' }),
        latestUpdateId: a.updates[0]?.id ?? null,
        fetchLatestUpdate: async () => {
          const fresh = (await request(ActionQuery, { id: a.id })).node;
          return fresh?.__typename === 'DeliveryAction' ? (fresh.updates[0] ?? null) : null;
        },
      }}
      periods={plan.reportingPeriods}
    />
  );
}
