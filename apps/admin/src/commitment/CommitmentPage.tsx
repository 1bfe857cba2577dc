/**
 * One commitment: what it says and where it stands (summary list), its delivery actions with
 * their milestones, the measures of its priority, and its history as a timeline. Edit controls
 * appear only for people who may use them.
 */
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { COMMITMENT_TABS, type CommitmentTab, routes } from '../app/routes.js';
import { Breadcrumbs, InsetText, NotificationBanner, Tabs } from '../govuk/content.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { canEditStructure, canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { History, HistoryFields } from '../update/History.js';
import { OverdueTag, RagTag, StatusTag } from '../work/tags.js';
import { ActionsFields, ActionsTab } from './ActionsTab.js';
import { DetailsFields, DetailsTab } from './DetailsTab.js';
import { MeasuresFields, MeasuresTab } from './MeasuresTab.js';

const CommitmentQuery = graphql(
  `
  query Commitment($slug: String!, $code: String!) {
    plan(slug: $slug) {
      id
      commitment(code: $code) {
        id
        code
        text
        owner
        status
        rag
        overdue
        withdrawnIn { code title }
        theme { id position title priority { id number title } }
        actions { id }
        updates { id ...HistoryFields }
        ...CommitmentDetailsFields
        ...CommitmentActionsFields
        ...CommitmentMeasuresFields
      }
    }
  }
`,
  [HistoryFields, DetailsFields, ActionsFields, MeasuresFields],
);

export function CommitmentPage({ code }: { code: string }) {
  const slug = usePlanSlug();
  const viewer = useViewer();
  const { query } = useLocation();
  const { data, error } = useQuery(CommitmentQuery, { slug, code });
  const tab: CommitmentTab = (COMMITMENT_TABS as readonly string[]).includes(query.get('tab') ?? '')
    ? (query.get('tab') as CommitmentTab)
    : 'details';
  const saved = query.get('saved');

  if (error) return <FailurePage failure={error} />;
  if (!data)
    return (
      <Page title={`Commitment ${code}`}>
        <Loading what="the commitment" />
      </Page>
    );
  const c = data.plan?.commitment;
  if (!c) return <NotFoundPage />;

  const mayEdit = canEditWork(viewer, { owner: c.owner });
  const priority = c.theme?.priority;
  const crumbs = [
    { href: routes.dashboard(slug), text: 'Dashboard' },
    ...(priority
      ? [{ href: routes.priority(slug, priority.number), text: `Priority ${priority.number}` }]
      : []),
    ...(priority && c.theme
      ? [{ href: routes.theme(slug, priority.number, c.theme.position), text: c.theme.title }]
      : []),
  ];

  return (
    <Page
      title={`Commitment ${c.code}`}
      caption={
        priority ? `Priority ${priority.number}: ${priority.title}` : 'Cross-cutting commitment'
      }
      before={<Breadcrumbs items={crumbs} />}
    >
      {saved ? (
        <NotificationBanner
          type="success"
          heading={
            saved === 'update' ? 'Your update has been saved' : 'Your changes have been saved'
          }
        >
          <p className="govuk-body">It is at the top of the history below.</p>
        </NotificationBanner>
      ) : null}
      <p className="govuk-body-l" data-testid="commitment-text">
        {c.text}
      </p>
      <p className="govuk-body">
        <StatusTag status={c.status} /> <RagTag rag={c.rag} /> {c.overdue ? <OverdueTag /> : null}
      </p>
      {c.withdrawnIn ? (
        <InsetText>
          This commitment was withdrawn in the {c.withdrawnIn.title} ({c.withdrawnIn.code}).
        </InsetText>
      ) : null}
      {mayEdit ? (
        <div className="govuk-button-group">
          <Link
            className="govuk-button"
            to={routes.commitmentUpdate(slug, c.code)}
            data-module="govuk-button"
          >
            Record an update
          </Link>
        </div>
      ) : null}

      <Tabs
        title="About this commitment"
        selected={tab}
        onSelect={(next) =>
          navigate(routes.commitment(slug, c.code, { tab: next as CommitmentTab }), {
            replace: true,
          })
        }
        tabs={[
          { id: 'details', label: 'Details', content: <DetailsTab commitment={c} /> },
          {
            id: 'actions',
            label: `Delivery actions (${c.actions.length})`,
            content: (
              <ActionsTab commitment={c} mayEdit={mayEdit} mayAdd={canEditStructure(viewer)} />
            ),
          },
          { id: 'measures', label: 'Measures', content: <MeasuresTab commitment={c} /> },
          {
            id: 'history',
            label: `History (${c.updates.length})`,
            content: <History updates={c.updates} />,
          },
        ]}
      />
    </Page>
  );
}
