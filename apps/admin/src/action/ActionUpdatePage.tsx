/**
 * Record a quarterly update on a delivery action: the same form as for a commitment, on the
 * action's own figures. Its owner, the commitment's owner, editors and administrators may use it.
 */
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { routes } from '../app/routes.js';
import { BackLink } from '../govuk/content.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';
import { canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { ActionUpdateFields, UpdateForm, UpdatePeriodFields } from '../update/UpdateForm.js';

const ActionUpdatePageQuery = graphql(
  `
  query ActionUpdatePage($id: ID!, $slug: String!) {
    plan(slug: $slug) { id reportingPeriods { id ...UpdatePeriodFields } }
    node(id: $id) {
      __typename
      ... on DeliveryAction {
        id
        title
        owner
        version
        archivedAt
        commitment { id code owner plan { id } }
        ...ActionUpdateFields
      }
    }
  }
`,
  [ActionUpdateFields, UpdatePeriodFields],
);

export function ActionUpdatePage({ id }: { id: string }) {
  const { id: planId, slug } = usePlan();
  const viewer = useViewer();
  const { data, error } = useQuery(ActionUpdatePageQuery, { id, slug });
  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Record an update">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const a = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  const plan = data.plan;
  if (!a || !plan || a.version === null || a.archivedAt || a.commitment.plan.id !== planId) {
    return <NotFoundPage />;
  }
  if (!canEditWork(viewer, { owner: a.owner, parentOwner: a.commitment.owner })) {
    return (
      <Page
        title="You cannot update this delivery action"
        before={<BackLink to={routes.action(slug, a.id)} />}
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
        record: { kind: 'action', data: a },
        draftKey: `action:${a.id}`,
        caption: `Delivery action for commitment ${a.commitment.code}`,
        text: a.title,
        back: { path: routes.action(slug, a.id), label: 'Back to the delivery action' },
        donePath: routes.action(slug, a.id, { saved: 'update' }),
        fetchLatestUpdate: async () => {
          const fresh = (await request(ActionUpdatePageQuery, { id: a.id, slug })).node;
          return fresh?.__typename === 'DeliveryAction' ? (fresh.updates[0] ?? null) : null;
        },
      }}
      periods={plan.reportingPeriods}
    />
  );
}
