/** A commitment's details tab: where it stands, who owns it, when it is due, and why. */
import { lifecycleStatusLabel, ragLabel } from '@plan-tracker/domain';
import { SummaryList } from '../govuk/content.js';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';
import { formatDate, OverdueTag, RagTag, StatusTag } from '../work/tags.js';

export const DetailsFields = graphql(`
  fragment CommitmentDetailsFields on Commitment {
    code
    status
    rag
    progressPercent
    owner
    startDate
    dueDate
    overdue
    statusOverrideReason
    introducedIn { code title }
    rollUp { basis nextDueDate status rag progressPercent overdue }
  }
`);

const BASIS_WORDS: Record<string, string> = {
  ACTIONS: 'Worked out from its delivery actions',
  OVERRIDE: 'Set by staff instead of worked out from its delivery actions',
  OWN_FIGURES: 'Its own figures (it has no delivery actions yet)',
};

export function DetailsTab({ commitment }: { commitment: FragmentOf<typeof DetailsFields> }) {
  const c = readFragment(DetailsFields, commitment);
  const rollUp = c.rollUp;
  return (
    <>
      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: 'Code', value: c.code },
          { key: 'Status', value: <StatusTag status={c.status} /> },
          { key: 'Rating', value: <RagTag rag={c.rag} /> },
          { key: 'Progress', value: `${c.progressPercent}%` },
          { key: 'Owner', value: c.owner ?? 'Not set' },
          { key: 'Start date', value: formatDate(c.startDate) },
          {
            key: 'Due date',
            value: (
              <>
                {formatDate(c.dueDate)} {c.overdue ? <OverdueTag /> : null}
              </>
            ),
          },
          ...(rollUp
            ? [
                {
                  key: 'Delivery figures',
                  value: (
                    <>
                      <p className="govuk-body govuk-!-margin-bottom-1">
                        {BASIS_WORDS[rollUp.basis] ?? rollUp.basis}
                      </p>
                      <p className="govuk-body govuk-!-margin-bottom-0">
                        {rollUp.status ? lifecycleStatusLabel(rollUp.status) : 'No status'},{' '}
                        {ragLabel(rollUp.rag).toLowerCase()}, {rollUp.progressPercent ?? 0}% done
                        {rollUp.overdue > 0 ? `, ${rollUp.overdue} overdue` : ''}
                        {rollUp.nextDueDate ? `, next due ${formatDate(rollUp.nextDueDate)}` : ''}
                      </p>
                    </>
                  ),
                },
              ]
            : []),
          ...(c.statusOverrideReason
            ? [{ key: 'Why the figures were set by hand', value: c.statusOverrideReason }]
            : []),
          { key: 'In the plan since', value: `${c.introducedIn.title} (${c.introducedIn.code})` },
        ]}
      />
    </>
  );
}
