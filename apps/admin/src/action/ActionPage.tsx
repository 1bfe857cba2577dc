/**
 * One delivery action: its details and milestones, and what may be done with them. Editors and
 * administrators change its details or archive it; its owner (and the commitment's owner) may
 * also mark it complete and add, complete or archive its milestones (Milestones.tsx).
 */

import { useState } from 'react';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, useLocation } from '../app/router.js';
import { type ActionSaved, routes } from '../app/routes.js';
import { BackLink, ErrorSummary, NotificationBanner, SummaryList } from '../govuk/content.js';
import { Button } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';
import { canEditStructure, canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { History, HistoryFields } from '../update/History.js';
import { formatDate, OverdueTag, RagTag, StatusTag } from '../work/tags.js';
import { Milestones, MilestonesFields } from './Milestones.js';

const ActionQuery = graphql(
  `
  query Action($id: ID!) {
    node(id: $id) {
      __typename
      ... on DeliveryAction {
        id
        title
        description
        owner
        status
        rag
        progressPercent
        startDate
        dueDate
        completedOn
        overdue
        archivedAt
        version
        commitment { id code text owner plan { id } }
        ...MilestonesFields
        updates { id ...HistoryFields }
      }
    }
  }
`,
  [HistoryFields, MilestonesFields],
);

const CompleteActionMutation = graphql(
  `
  mutation CompleteAction($id: ID!, $expectedVersion: Int!) {
    changeActionStatus(id: $id, expectedVersion: $expectedVersion, input: { status: COMPLETED, progressPercent: 100 }) {
      __typename
      ... on DeliveryAction { id version }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const SAVED_MESSAGES: Record<ActionSaved, string> = {
  created: 'The delivery action has been added',
  update: 'Your update has been saved',
  details: 'The delivery action has been changed',
  completed: 'The delivery action has been marked as complete',
  milestone: 'The milestone has been added',
  'milestone-completed': 'The milestone has been marked as complete',
  'milestone-archived': 'The milestone has been archived',
};

export function ActionPage({ id }: { id: string }) {
  const { id: planId, slug } = usePlan();
  const viewer = useViewer();
  const { query } = useLocation();
  const { data, error, reload } = useQuery(ActionQuery, { id });
  const [saved, setSaved] = useState<string | null>(query.get('saved'));
  const form = useMutationForm({ fallback: 'complete-action' });

  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Delivery action">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const action = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  // Found by its ID, so it could be another plan's: under this plan's address it is not found.
  if (!action || action.commitment.plan.id !== planId) return <NotFoundPage />;

  const mayEdit = canEditWork(viewer, {
    owner: action.owner,
    parentOwner: action.commitment.owner,
  });
  const mayRestructure = canEditStructure(viewer);
  const archived = action.archivedAt !== null;
  // The banner appears once the page shows the change it announces.
  const done = async (message: ActionSaved) => {
    await reload();
    setSaved(message);
  };

  const complete = () =>
    form.run(async () => {
      if (action.version === null) return null;
      const { changeActionStatus: result } = await request(CompleteActionMutation, {
        id: action.id,
        expectedVersion: action.version,
      });
      if (isFailure(result)) {
        setSaved(null);
        await reload();
        return result;
      }
      await done('completed');
      return null;
    });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={routes.commitment(slug, action.commitment.code, { tab: 'actions' })}>
          Back to commitment {action.commitment.code}
        </BackLink>
        <ErrorSummary errors={form.errors} focusKey={form.attempt} />
        {saved && saved in SAVED_MESSAGES && form.errors.length === 0 ? (
          <NotificationBanner type="success" heading={SAVED_MESSAGES[saved as ActionSaved]} />
        ) : null}
        <Page
          title={action.title}
          caption={`Delivery action for commitment ${action.commitment.code}`}
          error={form.errors.length > 0}
        >
          {archived ? (
            <div className="govuk-inset-text">
              This action was archived on {formatDate(action.archivedAt)}. It no longer counts
              towards the commitment.
            </div>
          ) : null}
          <SummaryList
            rows={[
              { key: 'Commitment', value: `${action.commitment.code}: ${action.commitment.text}` },
              { key: 'Description', value: action.description || 'None' },
              { key: 'Owner', value: action.owner ?? 'Not set' },
              { key: 'Status', value: <StatusTag status={action.status} /> },
              { key: 'Rating', value: <RagTag rag={action.rag} /> },
              { key: 'Progress', value: `${action.progressPercent}%` },
              { key: 'Start date', value: formatDate(action.startDate) },
              {
                key: 'Due date',
                value: (
                  <>
                    {formatDate(action.dueDate)} {action.overdue ? <OverdueTag /> : null}
                  </>
                ),
              },
              ...(action.completedOn
                ? [{ key: 'Completed on', value: formatDate(action.completedOn) }]
                : []),
            ]}
          />
          {!archived && (mayEdit || mayRestructure) ? (
            <div className="govuk-button-group" id="complete-action" tabIndex={-1}>
              {mayEdit ? (
                <Link className="govuk-button" to={routes.actionUpdate(slug, action.id)}>
                  Record an update
                </Link>
              ) : null}
              {mayRestructure ? (
                <Link
                  className="govuk-button govuk-button--secondary"
                  to={routes.actionEdit(slug, action.id)}
                >
                  Change details
                </Link>
              ) : null}
              {mayEdit && action.status !== 'COMPLETED' && action.status !== 'WITHDRAWN' ? (
                <Button
                  secondary
                  type="button"
                  disabled={form.pending}
                  onClick={() => void complete()}
                >
                  Mark as complete
                </Button>
              ) : null}
              {mayRestructure ? (
                <Link
                  className="govuk-button govuk-button--warning"
                  to={routes.actionArchive(slug, action.id)}
                >
                  Archive
                </Link>
              ) : null}
            </div>
          ) : null}

          <Milestones action={action} mayEdit={mayEdit && !archived} form={form} onDone={done} />
          <History updates={action.updates} />
        </Page>
      </div>
    </div>
  );
}
