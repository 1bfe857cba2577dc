/**
 * Record a quarterly update on a commitment: loads the commitment and the reporting periods,
 * checks the viewer may update it, and hands them to the update form (src/update).
 */
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { routes } from '../app/routes.js';
import { BackLink } from '../govuk/content.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { CommitmentUpdateFields, UpdateForm, UpdatePeriodFields } from '../update/UpdateForm.js';

const UpdatePageQuery = graphql(
  `
  query CommitmentUpdatePage($slug: String!, $code: String!) {
    plan(slug: $slug) {
      id
      reportingPeriods { id ...UpdatePeriodFields }
      commitment(code: $code) {
        id
        code
        text
        owner
        version
        ...CommitmentUpdateFields
      }
    }
  }
`,
  [CommitmentUpdateFields, UpdatePeriodFields],
);

export function UpdatePage({ code }: { code: string }) {
  const slug = usePlanSlug();
  const viewer = useViewer();
  const { data, error } = useQuery(UpdatePageQuery, { slug, code });
  const plan = data?.plan;
  const c = plan?.commitment;

  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Record an update">
        <Loading what="the commitment" />
      </Page>
    );
  }
  if (!plan || !c || c.version === null) return <NotFoundPage />;
  if (!canEditWork(viewer, { owner: c.owner })) {
    return (
      <Page
        title="You cannot update this commitment"
        before={<BackLink to={routes.commitment(slug, c.code)} />}
      >
        <p className="govuk-body">
          Only its owner, editors and administrators can record updates on commitment {c.code}.
        </p>
      </Page>
    );
  }
  return (
    <UpdateForm
      key={c.id}
      subject={{
        record: { kind: 'commitment', data: c },
        draftKey: `commitment:${c.code}`,
        caption: `Commitment ${c.code}`,
        text: c.text,
        back: { path: routes.commitment(slug, c.code), label: `Back to commitment ${c.code}` },
        donePath: routes.commitment(slug, c.code, { tab: 'history', saved: 'update' }),
        fetchLatestUpdate: async () => {
          const fresh = await request(UpdatePageQuery, { slug, code: c.code });
          return fresh.plan?.commitment?.updates[0] ?? null;
        },
      }}
      periods={plan.reportingPeriods}
    />
  );
}
