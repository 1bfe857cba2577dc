import { Page } from '../app/Page.js';
import { routes } from '../app/routes.js';
import { usePlan } from '../plan/plan.js';
import { CommitmentTable } from './CommitmentTable.js';

/** Every commitment of the plan, filtered from the URL. */
export function CommitmentsPage() {
  const plan = usePlan();
  return (
    <Page title="Commitments" caption={plan.title}>
      <CommitmentTable basePath={routes.commitments(plan.slug)} />
    </Page>
  );
}
