/**
 * A delivery action's milestones: a table of them and, for people who may change the action's
 * work, buttons to complete or archive each and a form to add one. Failures go to the action
 * page's error summary (the page's `form`), so there is one summary on the page.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { useState } from 'react';
import type { FieldError } from '../govuk/content.js';
import {
  Button,
  DateInput,
  type DateParts,
  EMPTY_DATE,
  isoFromDateParts,
  TextInput,
} from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';
import { failureErrors, isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import type { MutationForm } from '../graphql/use-mutation-form.js';
import { formatDate } from '../work/tags.js';

export const MilestonesFields = graphql(`
  fragment MilestonesFields on DeliveryAction {
    id
    milestones { id title dueDate completedOn version }
  }
`);

const CreateMilestoneMutation = graphql(
  `
  mutation CreateMilestone($input: MilestoneInput!) {
    createMilestone(input: $input) {
      __typename
      ... on Milestone { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const CompleteMilestoneMutation = graphql(
  `
  mutation CompleteMilestone($id: ID!, $expectedVersion: Int!, $completedOn: Date) {
    completeMilestone(id: $id, expectedVersion: $expectedVersion, completedOn: $completedOn) {
      __typename
      ... on Milestone { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ArchiveMilestoneMutation = graphql(
  `
  mutation ArchiveMilestone($id: ID!, $expectedVersion: Int!) {
    archiveMilestone(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ... on Milestone { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

type Milestone = FragmentOf<typeof MilestonesFields>['milestones'][number];

export function Milestones({
  action: data,
  mayEdit,
  form,
  onDone,
}: {
  action: FragmentOf<typeof MilestonesFields>;
  mayEdit: boolean;
  /** The page's form: one error summary for the whole page. */
  form: MutationForm;
  onDone: (saved: 'milestone' | 'milestone-completed' | 'milestone-archived') => Promise<void>;
}) {
  const action = readFragment(MilestonesFields, data);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<DateParts>(EMPTY_DATE);

  const add = form.submit(async () => {
    const found: FieldError[] = [];
    if (!title.trim())
      found.push({ field: 'milestone-title', message: 'Enter what marks the milestone' });
    const dueDate = isoFromDateParts(due, 'The due date');
    if ('error' in dueDate) found.push({ field: 'milestone-due', message: dueDate.error });
    else if (!dueDate.iso)
      found.push({ field: 'milestone-due', message: 'Enter the date the milestone is due' });
    if (found.length > 0 || !('iso' in dueDate) || !dueDate.iso) return found;
    const { createMilestone: result } = await request(CreateMilestoneMutation, {
      input: { actionId: action.id, title: title.trim(), dueDate: dueDate.iso },
    });
    if (isFailure(result)) {
      return failureErrors(
        result,
        { title: 'milestone-title', dueDate: 'milestone-due' },
        'milestone-title',
      );
    }
    setTitle('');
    setDue(EMPTY_DATE);
    await onDone('milestone');
    return null;
  });

  const act = (milestone: Milestone, what: 'complete' | 'archive') =>
    form.run(async () => {
      if (milestone.version === null) return null;
      const result =
        what === 'complete'
          ? (
              await request(CompleteMilestoneMutation, {
                id: milestone.id,
                expectedVersion: milestone.version,
                completedOn: todayInPlanTimeZone(),
              })
            ).completeMilestone
          : (
              await request(ArchiveMilestoneMutation, {
                id: milestone.id,
                expectedVersion: milestone.version,
              })
            ).archiveMilestone;
      if (isFailure(result)) return failureErrors(result, {}, `milestone-${milestone.id}`);
      await onDone(what === 'complete' ? 'milestone-completed' : 'milestone-archived');
      return null;
    });

  return (
    <>
      <h2 className="govuk-heading-m">Milestones</h2>
      {action.milestones.length === 0 ? (
        <p className="govuk-body">This action has no milestones yet.</p>
      ) : (
        <table className="govuk-table" data-testid="milestones">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Milestones of this action
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Milestone
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
              <th scope="col" className="govuk-table__header">
                Completed
              </th>
              {mayEdit ? (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {action.milestones.map((m) => (
              <tr className="govuk-table__row" key={m.id} id={`milestone-${m.id}`} tabIndex={-1}>
                <td className="govuk-table__cell">{m.title}</td>
                <td className="govuk-table__cell" data-label="Due">
                  {formatDate(m.dueDate)}
                </td>
                <td className="govuk-table__cell" data-label="Completed">
                  {m.completedOn ? formatDate(m.completedOn) : 'Not yet'}
                </td>
                {mayEdit ? (
                  <td className="govuk-table__cell">
                    <div className="govuk-button-group govuk-!-margin-bottom-0">
                      {m.completedOn ? null : (
                        <button
                          type="button"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          onClick={() => void act(m, 'complete')}
                        >
                          Mark as complete<span className="govuk-visually-hidden"> {m.title}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                        onClick={() => void act(m, 'archive')}
                      >
                        Archive<span className="govuk-visually-hidden"> {m.title}</span>
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEdit ? (
        <form onSubmit={add} noValidate>
          <h3 className="govuk-heading-s">Add a milestone</h3>
          <TextInput
            id="milestone-title"
            label="What marks the milestone"
            value={title}
            onChange={setTitle}
            error={form.errorFor('milestone-title')}
          />
          <DateInput
            id="milestone-due"
            legend="Due date"
            hint="For example, 30 6 2027"
            value={due}
            onChange={setDue}
            error={form.errorFor('milestone-due')}
          />
          <Button secondary disabled={form.pending}>
            Add milestone
          </Button>
        </form>
      ) : null}
    </>
  );
}
