/**
 * Add a delivery action to a commitment, or change an action's details (title, description,
 * owner, dates). For editors and administrators.
 */
import { useState } from 'react';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
import { BackLink, ErrorSummary, type FieldError } from '../govuk/content.js';
import {
  Button,
  DateInput,
  type DateParts,
  datePartsFromIso,
  isoFromDateParts,
  Textarea,
  TextInput,
} from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import {
  isFailure,
  MutationErrorFields,
  type MutationFailure,
} from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlan, usePlanSlug } from '../plan/plan.js';
import { canEditStructure } from '../session/permissions.js';
import { useViewer } from '../session/session.js';

const EditActionQuery = graphql(`
  query EditAction($id: ID!) {
    node(id: $id) {
      __typename
      ... on DeliveryAction {
        id
        title
        description
        owner
        startDate
        dueDate
        version
        commitment { id code plan { id } }
      }
    }
  }
`);

const CommitmentForActionQuery = graphql(`
  query CommitmentForAction($slug: String!, $code: String!) {
    plan(slug: $slug) { id commitment(code: $code) { id code text owner } }
  }
`);

const CreateActionMutation = graphql(
  `
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      __typename
      ... on DeliveryAction { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const UpdateActionMutation = graphql(
  `
  mutation UpdateAction($id: ID!, $expectedVersion: Int!, $input: UpdateActionInput!) {
    updateAction(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      ... on DeliveryAction { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

interface ActionDraft {
  title: string;
  description: string;
  owner: string;
  startDate: DateParts;
  dueDate: DateParts;
}

const FIELDS = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  startDate: 'startDate',
  dueDate: 'dueDate',
};

function check(draft: ActionDraft): {
  errors: FieldError[];
  startIso: string | null;
  dueIso: string | null;
} {
  const errors: FieldError[] = [];
  if (!draft.title.trim()) errors.push({ field: 'title', message: 'Enter what is to be done' });
  const start = isoFromDateParts(draft.startDate, 'The start date');
  if ('error' in start) errors.push({ field: 'startDate', message: start.error });
  const due = isoFromDateParts(draft.dueDate, 'The due date');
  if ('error' in due) errors.push({ field: 'dueDate', message: due.error });
  const startIso = 'iso' in start ? start.iso : null;
  const dueIso = 'iso' in due ? due.iso : null;
  if (startIso && dueIso && dueIso < startIso) {
    errors.push({
      field: 'dueDate',
      message: 'The due date must be the same as or after the start date',
    });
  }
  return { errors, startIso, dueIso };
}

function ActionForm({
  title,
  caption,
  back,
  initial,
  submitLabel,
  onSave,
}: {
  title: string;
  caption: string;
  back: string;
  initial: ActionDraft;
  submitLabel: string;
  /** Saves the checked draft: answers nothing when saved, or the API's failure. */
  onSave: (
    draft: ActionDraft,
    startIso: string | null,
    dueIso: string | null,
  ) => Promise<MutationFailure | null>;
}) {
  const [draft, setDraft] = useState(initial);
  const form = useMutationForm({ fields: FIELDS, fallback: 'title' });
  const set =
    <K extends keyof ActionDraft>(key: K) =>
    (value: ActionDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const { errors, errorFor } = form;

  const submit = form.submit(async () => {
    const checked = check(draft);
    if (checked.errors.length > 0) return checked.errors;
    return onSave(draft, checked.startIso, checked.dueIso);
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary errors={errors} focusKey={form.attempt} />
        <Page title={title} caption={caption} error={errors.length > 0}>
          <form onSubmit={submit} noValidate>
            <TextInput
              id="title"
              label="What is to be done"
              labelClass="govuk-label--s"
              value={draft.title}
              onChange={set('title')}
              error={errorFor('title')}
            />
            <Textarea
              id="description"
              label="Description (optional)"
              labelClass="govuk-label--s"
              rows={4}
              value={draft.description}
              onChange={set('description')}
              error={errorFor('description')}
            />
            <TextInput
              id="owner"
              label="Owner"
              labelClass="govuk-label--s"
              hint="The role, team or partner organisation that does it"
              value={draft.owner}
              onChange={set('owner')}
              error={errorFor('owner')}
            />
            <DateInput
              id="startDate"
              legend="Start date"
              hint="For example, 1 4 2026. Leave empty if not known."
              value={draft.startDate}
              onChange={set('startDate')}
              error={errorFor('startDate')}
            />
            <DateInput
              id="dueDate"
              legend="Due date"
              hint="For example, 31 3 2027. Leave empty if not known."
              value={draft.dueDate}
              onChange={set('dueDate')}
              error={errorFor('dueDate')}
            />
            <div className="govuk-button-group">
              <Button disabled={form.pending}>{submitLabel}</Button>
              <Link className="govuk-link" to={back}>
                Cancel
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </div>
  );
}

function NotAllowed({ back }: { back: string }) {
  return (
    <Page title="You cannot change delivery actions" before={<BackLink to={back} />}>
      <p className="govuk-body">
        Only editors and administrators can add, change or archive delivery actions.
      </p>
    </Page>
  );
}

export function NewActionPage({ code }: { code: string }) {
  const slug = usePlanSlug();
  const viewer = useViewer();
  const { data, error } = useQuery(CommitmentForActionQuery, { slug, code });
  if (error) return <FailurePage failure={error} />;
  if (!data)
    return (
      <Page title="Add a delivery action">
        <Loading what="the commitment" />
      </Page>
    );
  const c = data.plan?.commitment;
  if (!c) return <NotFoundPage />;
  const back = routes.commitment(slug, c.code, { tab: 'actions' });
  if (!canEditStructure(viewer)) return <NotAllowed back={back} />;
  return (
    <ActionForm
      title="Add a delivery action"
      caption={`Commitment ${c.code}`}
      back={back}
      submitLabel="Add the action"
      initial={{
        title: '',
        description: '',
        owner: c.owner ?? '',
        startDate: datePartsFromIso(null),
        dueDate: datePartsFromIso(null),
      }}
      onSave={async (draft, startDate, dueDate) => {
        const { createAction: result } = await request(CreateActionMutation, {
          // Only what was given: the API takes a missing field as "not set", not null.
          input: {
            commitmentId: c.id,
            title: draft.title.trim(),
            ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
            ...(draft.owner.trim() ? { owner: draft.owner.trim() } : {}),
            ...(startDate ? { startDate } : {}),
            ...(dueDate ? { dueDate } : {}),
          },
        });
        if (isFailure(result)) return result;
        navigate(routes.action(slug, result.id, { saved: 'created' }));
        return null;
      }}
    />
  );
}

export function EditActionPage({ id }: { id: string }) {
  const { id: planId, slug } = usePlan();
  const viewer = useViewer();
  const { data, error } = useQuery(EditActionQuery, { id });
  if (error) return <FailurePage failure={error} />;
  if (!data)
    return (
      <Page title="Change the delivery action">
        <Loading what="the delivery action" />
      </Page>
    );
  const action = data.node?.__typename === 'DeliveryAction' ? data.node : null;
  if (!action || action.version === null || action.commitment.plan.id !== planId) {
    return <NotFoundPage />;
  }
  const version = action.version;
  if (!canEditStructure(viewer)) return <NotAllowed back={routes.action(slug, action.id)} />;
  return (
    <ActionForm
      title="Change the delivery action"
      caption={`Commitment ${action.commitment.code}`}
      back={routes.action(slug, action.id)}
      submitLabel="Save changes"
      initial={{
        title: action.title,
        description: action.description ?? '',
        owner: action.owner ?? '',
        startDate: datePartsFromIso(action.startDate),
        dueDate: datePartsFromIso(action.dueDate),
      }}
      onSave={async (draft, startDate, dueDate) => {
        const { updateAction: result } = await request(UpdateActionMutation, {
          id: action.id,
          expectedVersion: version,
          input: {
            title: draft.title.trim(),
            description: draft.description.trim(),
            owner: draft.owner.trim() || null,
            startDate,
            dueDate,
          },
        });
        if (isFailure(result)) return result;
        navigate(routes.action(slug, action.id, { saved: 'details' }));
        return null;
      }}
    />
  );
}
