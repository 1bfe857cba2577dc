/**
 * On the dashboard of a plan nobody outside the organisation can see yet: that it is a draft
 * and, for an administrator, a button to publish it. Straight after an import
 * (`?imported=yes`) it says the plan has been imported.
 */
import { useState } from 'react';
import { ErrorSummary, NotificationBanner } from '../govuk/content.js';
import { Button } from '../govuk/fields.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan } from '../plan/plan.js';
import { isAdmin } from '../session/permissions.js';
import { useSession, useViewer } from '../session/session.js';
import { changePlan, PLAN_CHANGES } from './change-plan.js';

const DraftPlanQuery = graphql(`
  query DraftPlan($slug: String!) {
    plan(slug: $slug) { id version archivedAt }
  }
`);

export function DraftBanner({ imported }: { imported: boolean }) {
  const plan = usePlan();
  const viewer = useViewer();
  const { recheck } = useSession();
  const admin = isAdmin(viewer);
  const draft = useQuery(DraftPlanQuery, { slug: plan.slug }, { skip: plan.published || !admin });
  const [published, setPublished] = useState(false);
  const form = useMutationForm({ fallback: 'publish-plan' });
  const organisation = viewer.organisation?.name ?? 'your organisation';

  if (published) {
    return (
      <NotificationBanner type="success" heading={`${plan.title} ${PLAN_CHANGES.publish.done}`} />
    );
  }
  if (plan.published) return null;

  const current = draft.data?.plan;
  const publish = () =>
    form.run(async () => {
      if (!current || current.version === null) return null;
      const result = await changePlan({ id: current.id, version: current.version }, 'publish');
      if (isFailure(result)) {
        await draft.reload();
        return [{ field: 'publish-plan', message: result.message }];
      }
      setPublished(true);
      await recheck();
      return null;
    });

  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <NotificationBanner
        type={imported ? 'success' : undefined}
        title={imported ? 'Imported' : 'Draft'}
        heading={imported ? `${plan.title} has been imported` : 'This plan is a draft'}
      >
        <p className="govuk-body" data-testid="draft-notice">
          {imported ? 'It is a draft: only' : 'Only'} staff of {organisation} can see it
          {admin ? ' until you publish it.' : ' until an administrator publishes it.'}
        </p>
        {admin && current && !current.archivedAt ? (
          <div id="publish-plan" tabIndex={-1}>
            <Button type="button" disabled={form.pending} onClick={() => void publish()}>
              Publish the plan
            </Button>
          </div>
        ) : null}
      </NotificationBanner>
    </>
  );
}
