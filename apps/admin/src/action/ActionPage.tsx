/**
 * One delivery action: its details and milestones, and what may be done with them. Editors and
 * administrators change its details or archive it; its owner (and the commitment's owner) may
 * also mark it complete and add, complete or archive its milestones.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { type FormEvent, useState } from 'react';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { routes } from '../app/routes.js';
import { History } from '../commitment/CommitmentPage.js';
import {
  BackLink,
  ErrorSummary,
  type FieldError,
  NotificationBanner,
  SummaryList,
} from '../govuk/content.js';
import {
  Button,
  DateInput,
  type DateParts,
  EMPTY_DATE,
  isoFromDateParts,
  TextInput,
} from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { failureErrors, isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useQuery } from '../graphql/use-query.js';
import { canEditStructure, canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { formatDate, OverdueTag, RagTag, StatusTag } from '../work/tags.js';

export const ActionQuery = graphql(`
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
        commitment { id code text owner }
        milestones { id title dueDate completedOn version }
        updates {
          id
          period
          recordedOn
          author
          statusBefore
          statusAfter
          ragBefore
          ragAfter
          progressBefore
          progressAfter
          narrative
          evidence { title url }
          action { id title }
        }
      }
    }
  }
`);

export type ActionData = Extract<
  NonNullable<ResultOf<typeof ActionQuery>['node']>,
  { __typename: 'DeliveryAction' }
>;

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

const ArchiveActionMutation = graphql(
  `
  mutation ArchiveAction($id: ID!, $expectedVersion: Int!, $note: String) {
    archiveAction(id: $id, expectedVersion: $expectedVersion, note: $note) {
      __typename
      ... on DeliveryAction { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const SAVED_MESSAGES: Record<string, string> = {
  created: 'The delivery action has been added',
  update: 'Your update has been saved',
  details: 'The delivery action has been changed',
  completed: 'The delivery action has been marked as complete',
  milestone: 'The milestone has been added',
  'milestone-completed': 'The milestone has been marked as complete',
  'milestone-archived': 'The milestone has been archived',
};

export function ActionPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { query } = useLocation();
  const { data, error, reload } = useQuery(ActionQuery, { id });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(query.get('saved'));

  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Delivery action">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const action = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  if (!action) return <NotFoundPage />;

  const mayEdit = canEditWork(viewer, {
    owner: action.owner,
    parentOwner: action.commitment.owner,
  });
  const mayRestructure = canEditStructure(viewer);
  const archived = action.archivedAt !== null;
  const fail = (found: FieldError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
    setSaved(null);
  };
  // The banner appears once the page shows the change it announces.
  const done = async (message: string) => {
    await reload();
    setErrors([]);
    setSaved(message);
  };

  const complete = async () => {
    if (action.version === null) return;
    const { changeActionStatus: result } = await request(CompleteActionMutation, {
      id: action.id,
      expectedVersion: action.version,
    });
    if (isFailure(result)) {
      fail(failureErrors(result, {}, 'complete-action'));
      await reload();
      return;
    }
    await done('completed');
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={routes.commitment(action.commitment.code, { tab: 'actions' })}>
          Back to commitment {action.commitment.code}
        </BackLink>
        <ErrorSummary errors={errors} focusKey={attempt} />
        {saved && SAVED_MESSAGES[saved] ? (
          <NotificationBanner type="success" heading={SAVED_MESSAGES[saved]} />
        ) : null}
        <Page
          title={action.title}
          caption={`Delivery action for commitment ${action.commitment.code}`}
          error={errors.length > 0}
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
                <Link className="govuk-button" to={routes.actionUpdate(action.id)}>
                  Record an update
                </Link>
              ) : null}
              {mayRestructure ? (
                <Link
                  className="govuk-button govuk-button--secondary"
                  to={routes.actionEdit(action.id)}
                >
                  Change details
                </Link>
              ) : null}
              {mayEdit && action.status !== 'COMPLETED' && action.status !== 'WITHDRAWN' ? (
                <Button secondary type="button" onClick={() => void complete()}>
                  Mark as complete
                </Button>
              ) : null}
              {mayRestructure ? (
                <Link
                  className="govuk-button govuk-button--warning"
                  to={routes.actionArchive(action.id)}
                >
                  Archive
                </Link>
              ) : null}
            </div>
          ) : null}

          <Milestones action={action} mayEdit={mayEdit && !archived} onDone={done} onFail={fail} />
          <History c={action} />
        </Page>
      </div>
    </div>
  );
}

function Milestones({
  action,
  mayEdit,
  onDone,
  onFail,
}: {
  action: ActionData;
  mayEdit: boolean;
  onDone: (message: string) => Promise<void>;
  onFail: (errors: FieldError[]) => void;
}) {
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<DateParts>(EMPTY_DATE);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!title.trim())
      found.push({ field: 'milestone-title', message: 'Enter what marks the milestone' });
    const dueDate = isoFromDateParts(due, 'The due date');
    if ('error' in dueDate) found.push({ field: 'milestone-due', message: dueDate.error });
    else if (!dueDate.iso)
      found.push({ field: 'milestone-due', message: 'Enter the date the milestone is due' });
    if (found.length > 0 || !('iso' in dueDate) || !dueDate.iso) {
      setErrors(found);
      onFail(found);
      return;
    }
    const { createMilestone: result } = await request(CreateMilestoneMutation, {
      input: { actionId: action.id, title: title.trim(), dueDate: dueDate.iso },
    });
    if (isFailure(result)) {
      const shown = failureErrors(
        result,
        { title: 'milestone-title', dueDate: 'milestone-due' },
        'milestone-title',
      );
      setErrors(shown);
      onFail(shown);
      return;
    }
    setTitle('');
    setDue(EMPTY_DATE);
    setErrors([]);
    await onDone('milestone');
  };

  const act = async (milestone: ActionData['milestones'][number], what: 'complete' | 'archive') => {
    if (milestone.version === null) return;
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
    if (isFailure(result)) {
      onFail(failureErrors(result, {}, `milestone-${milestone.id}`));
      return;
    }
    await onDone(what === 'complete' ? 'milestone-completed' : 'milestone-archived');
  };

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

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
            error={errorFor('milestone-title')}
          />
          <DateInput
            id="milestone-due"
            legend="Due date"
            hint="For example, 30 6 2027"
            value={due}
            onChange={setDue}
            error={errorFor('milestone-due')}
          />
          <Button secondary>Add milestone</Button>
        </form>
      ) : null}
    </>
  );
}

/** Confirms archiving an action, with an optional note for the history. */
export function ArchiveActionPage({ id }: { id: string }) {
  const { data, error } = useQuery(ActionQuery, { id });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Archive the delivery action">
        <Loading what="the delivery action" />
      </Page>
    );
  }
  const action = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  if (!action || action.version === null) return <NotFoundPage />;
  const version = action.version;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { archiveAction: result } = await request(ArchiveActionMutation, {
      id: action.id,
      expectedVersion: version,
      note: note.trim() || null,
    });
    if (isFailure(result)) {
      setErrors(failureErrors(result, { note: 'note' }, 'note'));
      setAttempt((n) => n + 1);
      return;
    }
    navigate(routes.commitment(action.commitment.code, { tab: 'actions', saved: 'archived' }));
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={routes.action(action.id)} />
        <ErrorSummary errors={errors} focusKey={attempt} />
        <Page
          title={`Archive “${action.title}”?`}
          caption={`Commitment ${action.commitment.code}`}
          error={errors.length > 0}
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
              error={errors.find((e) => e.field === 'note')?.message}
            />
            <div className="govuk-button-group">
              <Button warning>Archive the action</Button>
              <Link className="govuk-link" to={routes.action(action.id)}>
                Cancel
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </div>
  );
}
