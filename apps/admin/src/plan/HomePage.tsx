/**
 * The home (`/`): where the signed-in person's organisation keeps one plan, its dashboard; where
 * it keeps several, a choice of them; where none yet, a page that says so. Old addresses of a
 * plan's screens from before the plan was in the URL come here too (`oldAddress`), and go on to
 * the same screen in the plan chosen.
 */
import { useEffect } from 'react';
import { Loading, Page } from '../app/Page.js';
import { Link, navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
import { organisationPlans, useViewer } from '../session/session.js';
import { PlanPicker } from './PlanPicker.js';

export function HomePage({
  oldAddress,
}: {
  /** An old address's screen, in the plan given (see `screenBeforePlans`). */
  oldAddress?: ((plan: string) => string) | undefined;
}) {
  const then = oldAddress ?? routes.dashboard;
  const viewer = useViewer();
  const plans = organisationPlans(viewer);
  const organisation = viewer.organisation?.name ?? 'Your organisation';
  const only = plans.length === 1 ? plans[0]?.slug : undefined;

  useEffect(() => {
    if (only) navigate(then(only), { replace: true });
  }, [only, then]);

  if (only) {
    return (
      <Page title="Opening the plan">
        <Loading what="the plan" />
      </Page>
    );
  }
  if (plans.length === 0) {
    return (
      <Page title="There is no plan yet">
        <p className="govuk-body">{organisation} has no plan in the tracker yet.</p>
        {viewer.role === 'ADMIN' ? (
          <>
            <p className="govuk-body">
              As an administrator, you can import one from its text as published. You can check what
              it creates before anything is saved.
            </p>
            <Link className="govuk-button" to={routes.importPlan()}>
              Import a plan
            </Link>
          </>
        ) : (
          <p className="govuk-body">
            An administrator of the tracker can import one. Ask them when it will be ready.
          </p>
        )}
      </Page>
    );
  }
  return (
    <Page title="Choose a plan">
      <p className="govuk-body">
        {oldAddress
          ? 'That address is from before the tracker kept several plans. Choose the plan the page is in.'
          : `Your organisation keeps ${plans.length} plans in the tracker. Choose one to see and update its commitments.`}
      </p>
      <PlanPicker plans={plans} linkTo={then} caption="Plans" />
    </Page>
  );
}
