import { Page } from '../app/Page.js';
import { CommitmentTable } from './CommitmentTable.js';

/** Every commitment of the plan, filtered from the URL. */
export function CommitmentsPage() {
  return (
    <Page title="Commitments" caption="Police and Crime Plan 2021 to 2029">
      <CommitmentTable basePath="/commitments" />
    </Page>
  );
}
