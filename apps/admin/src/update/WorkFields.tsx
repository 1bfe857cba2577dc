/**
 * The owner and dates in an update form. A commitment with delivery actions takes its owner and
 * due date from them (the API refuses to change them on the commitment), so those two are shown
 * as they are, with where they come from, instead of as fields.
 */
import { SummaryList } from '../govuk/content.js';
import { DateInput, TextInput } from '../govuk/fields.js';
import { formatDate } from '../work/tags.js';
import type { CommitmentFigures, UpdateDraft } from './update-form.js';

export function WorkFields({
  draft,
  current,
  fromActions,
  onChange,
  errorFor,
}: {
  draft: UpdateDraft;
  current: CommitmentFigures;
  /** True when owner and due date come from the delivery actions. */
  fromActions: boolean;
  onChange: (change: Partial<Pick<UpdateDraft, 'owner' | 'startDate' | 'dueDate'>>) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const startDate = (
    <DateInput
      id="startDate"
      legend="Start date"
      hint="For example, 1 4 2024. Leave empty if there is none."
      value={draft.startDate}
      onChange={(startDate) => onChange({ startDate })}
      error={errorFor('startDate')}
    />
  );
  if (fromActions) {
    return (
      <>
        <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Owner and due date</h2>
        <p className="govuk-hint">
          These come from the commitment’s delivery actions: the owner named on most of its open
          actions, and the soonest due date among them. Change them on the delivery actions.
        </p>
        <SummaryList
          rows={[
            { key: 'Owner', value: current.owner ?? 'Not set' },
            { key: 'Due date', value: formatDate(current.dueDate) },
          ]}
        />
        {startDate}
      </>
    );
  }
  return (
    <>
      <TextInput
        id="owner"
        label="Owner"
        labelClass="govuk-label--s"
        hint="The role, team or partner that leads this work"
        value={draft.owner}
        onChange={(owner) => onChange({ owner })}
        error={errorFor('owner')}
      />
      {startDate}
      <DateInput
        id="dueDate"
        legend="Due date"
        hint="For example, 31 3 2027. Leave empty if there is none."
        value={draft.dueDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={errorFor('dueDate')}
      />
    </>
  );
}
