/** Confirms archiving a delivery action, with an optional note for the history. */
import { useState } from 'react';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
import { BackLink, ErrorSummary } from '../govuk/content.js';
import { Button, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';

const ArchiveActionQuery = graphql(`
  query ArchiveAction($id: ID!) {
    node(id: $id) {
      __typename
      ... on DeliveryAction { id title version commitment { id code plan { id } } }
    }
  }
`);

const ArchiveActionMutation = graphql(
  `
  mutation ArchiveActionNow($id: ID!, $expectedVersion: Int!, $note: String) {
    archiveAction(id: $id, expectedVersion: $expectedVersion, note: $note) {
      __typename
      ... on DeliveryAction { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export function ArchiveActionPage({ id }: { id: string }) {
  const { id: planId, slug } = usePlan();
  const { data, error } = useQuery(ArchiveActionQuery, { id });
  const [note, setNote] = useState('');
  const form = useMutationForm({ fields: { note: 'note' }, fallback: 'note' });
  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Archive the delivery action">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const action = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  if (!action || action.version === null || action.commitment.plan.id !== planId) {
    return <NotFoundPage />;
  }
  const version = action.version;

  const submit = form.submit(async () => {
    const { archiveAction: result } = await request(ArchiveActionMutation, {
      id: action.id,
      expectedVersion: version,
      note: note.trim() || null,
    });
    if (isFailure(result)) return result;
    navigate(
      routes.commitment(slug, action.commitment.code, { tab: 'actions', saved: 'archived' }),
    );
    return null;
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={routes.action(slug, action.id)} />
        <ErrorSummary errors={form.errors} focusKey={form.attempt} />
        <Page
          title={`Archive “${action.title}”?`}
          caption={`Commitment ${action.commitment.code}`}
          error={form.errors.length > 0}
        >
          <p className="govuk-body">
            An archived action no longer counts towards the commitment’s figures. Its history is
            kept, and it still appears in reports for the quarters when it was live.
          </p>
          <form onSubmit={submit} noValidate>
            <TextInput
              id="note"
              label="Why is it being archived? (optional)"
              value={note}
              onChange={setNote}
              error={form.errorFor('note')}
            />
            <div className="govuk-button-group">
              <Button warning disabled={form.pending}>
                Archive the action
              </Button>
              <Link className="govuk-link" to={routes.action(slug, action.id)}>
                Cancel
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </div>
  );
}
