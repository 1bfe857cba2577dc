/**
 * Record a quarterly update on a commitment: status, rating, progress, owner, dates and a
 * progress note with evidence. Problems are listed in an error summary that takes focus and links
 * to each field. When someone else saved first, the page says so, shows their change, and keeps
 * everything typed so it can be saved again on top of theirs. What is typed is also kept in the
 * browser tab until it is saved, so an ended session loses nothing.
 */
import {
  allowedTransitions,
  lifecycleStatusLabel,
  quarterOf,
  RAGS,
  ragLabel,
} from '@plan-tracker/domain';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
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
  type Option,
  Radios,
  Select,
  Textarea,
  TextInput,
} from '../govuk/fields.js';
import { RequestFailure, request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import {
  isFailure,
  MutationErrorFields,
  type MutationFailure,
} from '../graphql/mutation-errors.js';
import { useQuery } from '../graphql/use-query.js';
import { PLAN_SLUG, todayInUk } from '../plan/plan.js';
import { canEditWork } from '../session/permissions.js';
import { useSession, useViewer } from '../session/session.js';
import {
  type CheckedUpdate,
  type CommitmentFigures,
  checkDraft,
  draftFrom,
  fieldForIssue,
  figuresFromConflict,
  reasonNeeded,
  type TheirChange,
  theirChanges,
  type UpdateDraft,
} from './update-form.js';

const UpdateFormQuery = graphql(`
  query UpdateForm($slug: String!, $code: String!) {
    plan(slug: $slug) {
      id
      reportingPeriods { id label closed startDate endDate }
      commitment(code: $code) {
        id
        code
        text
        version
        status
        rag
        progressPercent
        owner
        startDate
        dueDate
        rollUp { basis }
        updates { id period recordedOn author narrative }
      }
    }
  }
`);

const AddUpdateMutation = graphql(
  `
  mutation AddProgressUpdate($subject: ID!, $expectedVersion: Int!, $input: ProgressUpdateInput!, $reason: String) {
    addProgressUpdate(subject: $subject, expectedVersion: $expectedVersion, input: $input, reason: $reason) {
      __typename
      ... on ProgressUpdate { id commitment { id version } action { id version } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ChangeDetailsMutation = graphql(
  `
  mutation ChangeCommitmentDetails($id: ID!, $expectedVersion: Int!, $input: StatusChangeInput!) {
    changeCommitmentStatus(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      ... on Commitment { id version }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ChangeActionDetailsMutation = graphql(
  `
  mutation ChangeActionDetails($id: ID!, $expectedVersion: Int!, $input: StatusChangeInput!) {
    changeActionStatus(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      ... on DeliveryAction { id version }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const DRAFT_PREFIX = 'plan-tracker:update-draft:';

function loadDraft(code: string): UpdateDraft | null {
  try {
    const text = sessionStorage.getItem(DRAFT_PREFIX + code);
    return text ? (JSON.parse(text) as UpdateDraft) : null;
  } catch {
    return null;
  }
}

interface Conflict {
  readonly changes: readonly TheirChange[];
  readonly latestUpdate: {
    period: string;
    recordedOn: string;
    author: string | null;
    narrative: string;
  } | null;
}

export function figuresOf(c: CommitmentFigures): CommitmentFigures {
  return {
    status: c.status,
    rag: c.rag,
    progressPercent: c.progressPercent,
    owner: c.owner,
    startDate: c.startDate,
    dueDate: c.dueDate,
  };
}

export function UpdatePage({ code }: { code: string }) {
  const viewer = useViewer();
  const { data, error, reload } = useQuery(UpdateFormQuery, { slug: PLAN_SLUG, code });
  const plan = data?.plan;
  const c = plan?.commitment;

  if (error) return <FailurePage failure={error} />;
  if (!data) {
    return (
      <Page title="Record an update">
        <Loading what="the commitment" />
      </Page>
    );
  }
  if (!plan || !c || c.version === null) return <NotFoundPage />;
  if (!canEditWork(viewer, { owner: c.owner })) {
    return (
      <Page
        title="You cannot update this commitment"
        before={<BackLink to={routes.commitment(c.code)} />}
      >
        <p className="govuk-body">
          Only its owner, editors and administrators can record updates on commitment {c.code}.
        </p>
      </Page>
    );
  }
  return (
    <UpdateForm
      key={c.id}
      subject={{
        kind: 'commitment',
        id: c.id,
        draftKey: `commitment:${c.code}`,
        caption: `Commitment ${c.code}`,
        text: c.text,
        figures: figuresOf(c),
        version: c.version,
        rollsUpFromActions: c.rollUp?.basis === 'ACTIONS' || c.rollUp?.basis === 'OVERRIDE',
        back: { path: routes.commitment(c.code), label: `Back to commitment ${c.code}` },
        donePath: routes.commitment(c.code, { tab: 'history', saved: 'update' }),
        latestUpdateId: c.updates[0]?.id ?? null,
        fetchLatestUpdate: async () => {
          await reload();
          const fresh = (await request(UpdateFormQuery, { slug: PLAN_SLUG, code: c.code })).plan
            ?.commitment;
          return fresh?.updates[0] ?? null;
        },
      }}
      periods={plan.reportingPeriods}
    />
  );
}

/** What an update is recorded on: a commitment or one of its delivery actions. */
export interface UpdateSubject {
  readonly kind: 'commitment' | 'action';
  readonly id: string;
  /** Where the draft is kept in the browser tab. */
  readonly draftKey: string;
  readonly caption: string;
  readonly text: string;
  readonly figures: CommitmentFigures;
  readonly version: number;
  /** True when its figures are normally worked out from delivery actions. */
  readonly rollsUpFromActions: boolean;
  readonly back: { readonly path: string; readonly label: string };
  readonly donePath: string;
  readonly latestUpdateId: string | null;
  /** The newest update now, after someone else saved first. */
  readonly fetchLatestUpdate: () => Promise<LatestUpdate | null>;
}

interface LatestUpdate {
  id: string;
  period: string;
  recordedOn: string;
  author: string | null;
  narrative: string;
}

export function UpdateForm({
  subject: c,
  periods,
}: {
  subject: UpdateSubject;
  periods: readonly { label: string; closed: boolean; startDate: string; endDate: string }[];
}) {
  const { recheck } = useSession();
  const today = todayInUk();
  const openPeriods = useMemo(
    () => periods.filter((p) => !p.closed).map((p) => p.label),
    [periods],
  );
  const defaultPeriod = useMemo(() => {
    const current = quarterOf(today).label;
    if (openPeriods.includes(current)) return current;
    return openPeriods.filter((label) => label <= current).at(-1) ?? openPeriods[0] ?? '';
  }, [openPeriods, today]);

  // What the form is based on: the figures (and version) when it opened, or after a conflict.
  const [base, setBase] = useState(() => ({ figures: c.figures, version: c.version }));
  const [restored] = useState(() => loadDraft(c.draftKey));
  const [draft, setDraft] = useState<UpdateDraft>(
    () => restored ?? draftFrom(c.figures, defaultPeriod),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    sessionStorage.setItem(DRAFT_PREFIX + c.draftKey, JSON.stringify(draft));
  }, [draft, c.draftKey]);

  const context = {
    current: base.figures,
    rollsUpFromActions: c.rollsUpFromActions,
    openPeriods,
  };
  const showReason = reasonNeeded(draft, context) || Boolean(draft.reason);
  const set =
    <K extends keyof UpdateDraft>(key: K) =>
    (value: UpdateDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const fail = (found: FieldError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const statusOptions: Option[] = [
    {
      value: base.figures.status,
      text: lifecycleStatusLabel(base.figures.status),
      hint: 'No change',
    },
    ...allowedTransitions(base.figures.status).map((t) => ({
      value: t.to,
      text: lifecycleStatusLabel(t.to),
      hint: t.reasonRequired ? 'You will need to give a reason' : undefined,
    })),
  ];
  const ragOptions: Option[] = [
    ...RAGS.map((rag) => ({ value: rag, text: ragLabel(rag) })),
    ...(base.figures.rag === null
      ? [{ value: '', text: ragLabel(null), hint: 'Leave it unrated for now' }]
      : []),
  ];

  const handleFailure = async (result: MutationFailure) => {
    if (result.__typename === 'ConflictError') {
      const now = figuresFromConflict(result.current, base.figures);
      setBase({ figures: now, version: result.currentVersion ?? base.version });
      const latest = await c.fetchLatestUpdate();
      setConflict({
        changes: theirChanges(base.figures, now),
        latestUpdate: latest && latest.id !== c.latestUpdateId ? latest : null,
      });
      setErrors([]);
      return;
    }
    if (result.__typename === 'ValidationError' && result.issues && result.issues.length > 0) {
      fail(
        result.issues.map((issue) => ({
          field: fieldForIssue(issue.path),
          message: issue.message,
        })),
      );
      return;
    }
    if (result.__typename === 'TransitionError') {
      fail([
        {
          field: result.transitionCode === 'STATUS_REASON_REQUIRED' ? 'reason' : 'status',
          message: result.message,
        },
      ]);
      return;
    }
    if (result.__typename === 'PeriodClosedError') {
      fail([
        {
          field: 'period',
          message: `${result.period ?? 'That period'} is closed: select an open reporting period`,
        },
      ]);
      return;
    }
    if (result.__typename === 'ForbiddenError') {
      // Most often the session ended while the form was open: the check takes the person to sign
      // in again, and what they typed is waiting when they come back.
      await recheck();
    }
    fail([{ field: 'status', message: result.message }]);
  };

  const save = async (update: CheckedUpdate) => {
    const added = await request(AddUpdateMutation, {
      subject: c.id,
      expectedVersion: base.version,
      reason: update.reason,
      input: {
        period: update.period,
        recordedOn: today,
        narrative: update.narrative,
        evidence: update.evidence,
        ...(update.statusAfter ? { statusAfter: update.statusAfter } : {}),
        ...(update.ragAfter ? { ragAfter: update.ragAfter } : {}),
        ...(update.progressAfter !== undefined ? { progressAfter: update.progressAfter } : {}),
      },
    });
    const result = added.addProgressUpdate;
    if (result.__typename !== 'ProgressUpdate') return handleFailure(result as MutationFailure);
    const newVersion = c.kind === 'action' ? result.action?.version : result.commitment.version;
    if (update.details && typeof newVersion === 'number') {
      const variables = {
        id: c.id,
        expectedVersion: newVersion,
        input: {
          ...update.details,
          note: `Owner and dates changed with the ${update.period} update.`,
        },
      };
      const detailsResult =
        c.kind === 'action'
          ? (await request(ChangeActionDetailsMutation, variables)).changeActionStatus
          : (await request(ChangeDetailsMutation, variables)).changeCommitmentStatus;
      if (isFailure(detailsResult)) {
        // The progress note is saved; say so, and keep the owner and dates to try again.
        setDraft((d) => ({
          ...draftFrom(base.figures, d.period),
          owner: d.owner,
          startDate: d.startDate,
          dueDate: d.dueDate,
          narrative: d.narrative,
        }));
        return handleFailure(detailsResult);
      }
    }
    sessionStorage.removeItem(DRAFT_PREFIX + c.draftKey);
    navigate(c.donePath);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft, context);
    if (!checked.ok) {
      fail(checked.errors);
      return;
    }
    setSaving(true);
    try {
      await save(checked.update);
    } catch (caught) {
      fail([
        {
          field: 'status',
          message:
            caught instanceof RequestFailure
              ? caught.message
              : 'Sorry, there is a problem with the service. Your update has not been saved. Try again.',
        },
      ]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={c.back.path}>{c.back.label}</BackLink>
        <ErrorSummary errors={errors} focusKey={attempt} />
        {conflict ? (
          <NotificationBanner
            title="Important"
            heading="Someone else saved changes to this commitment first"
            takeFocus
          >
            <div data-testid="conflict">
              <p className="govuk-body">
                Your update has not been saved yet. Nothing you typed has been lost.
              </p>
              {conflict.changes.length > 0 ? (
                <>
                  <p className="govuk-body">They changed:</p>
                  <SummaryList
                    rows={conflict.changes.map((change) => ({
                      key: change.label,
                      value: `${change.before} → ${change.after}`,
                    }))}
                  />
                </>
              ) : null}
              {conflict.latestUpdate ? (
                <>
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    Their note for {conflict.latestUpdate.period}
                    {conflict.latestUpdate.author ? `, by ${conflict.latestUpdate.author}` : ''}:
                  </p>
                  <div className="govuk-inset-text govuk-!-margin-top-1">
                    {conflict.latestUpdate.narrative}
                  </div>
                </>
              ) : null}
              <p className="govuk-body">
                Check your answers below against theirs, then select ‘Save my update again’ to add
                yours on top.
              </p>
            </div>
          </NotificationBanner>
        ) : null}
        {restored && !conflict && errors.length === 0 ? (
          <div className="govuk-inset-text">
            We kept what you typed earlier. Check it, then save it.
          </div>
        ) : null}
        <Page title="Record an update" caption={c.caption} error={errors.length > 0}>
          <p className="govuk-body">{c.text}</p>
          <form onSubmit={submit} noValidate>
            <Select
              id="period"
              label="Reporting period"
              labelClass="govuk-label--s"
              hint="The quarter this update is for. Closed quarters cannot be changed."
              value={draft.period}
              onChange={set('period')}
              error={errorFor('period')}
              options={[
                ...(draft.period ? [] : [{ value: '', text: 'Select a period' }]),
                ...periods.map((p) => ({
                  value: p.label,
                  text: p.closed ? `${p.label} (closed)` : p.label,
                })),
              ]}
            />
            <Radios
              id="status"
              legend="Status"
              small
              value={draft.status}
              onChange={(value) => set('status')(value as UpdateDraft['status'])}
              options={statusOptions}
              error={errorFor('status')}
            />
            <Radios
              id="rag"
              legend="Rating"
              hint="How well the work is going."
              small
              value={draft.rag}
              onChange={(value) => set('rag')(value as UpdateDraft['rag'])}
              options={ragOptions}
              error={errorFor('rag')}
            />
            <TextInput
              id="progress"
              label="Progress (per cent)"
              labelClass="govuk-label--s"
              hint="A whole number from 0 to 100"
              width="3"
              inputMode="numeric"
              value={draft.progress}
              onChange={set('progress')}
              error={errorFor('progress')}
            />
            {showReason ? (
              <Textarea
                id="reason"
                label="Reason"
                labelClass="govuk-label--s"
                hint={
                  context.rollsUpFromActions
                    ? 'This commitment’s figures are normally worked out from its delivery actions. Say why you are setting them yourself, or why the status is changing this way.'
                    : 'Say why the status is changing this way. The reason is kept in the history.'
                }
                rows={3}
                value={draft.reason}
                onChange={set('reason')}
                error={errorFor('reason')}
              />
            ) : null}
            <TextInput
              id="owner"
              label="Owner"
              labelClass="govuk-label--s"
              hint="The role, team or partner that leads this commitment"
              value={draft.owner}
              onChange={set('owner')}
              error={errorFor('owner')}
            />
            <DateInput
              id="startDate"
              legend="Start date"
              hint="For example, 1 4 2024. Leave empty if there is none."
              value={draft.startDate}
              onChange={set('startDate')}
              error={errorFor('startDate')}
            />
            <DateInput
              id="dueDate"
              legend="Due date"
              hint="For example, 31 3 2027. Leave empty if there is none."
              value={draft.dueDate}
              onChange={set('dueDate')}
              error={errorFor('dueDate')}
            />
            <Textarea
              id="narrative"
              label="Progress note"
              labelClass="govuk-label--s"
              hint="What has happened this quarter, in plain English. The Police and Crime Panel may read it."
              rows={6}
              value={draft.narrative}
              onChange={set('narrative')}
              error={errorFor('narrative')}
            />
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Evidence (optional)
              </legend>
              <div className="govuk-hint">
                Links to minutes, reports or data that back up the note.
              </div>
              {draft.evidence.map((link, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end
                <div className="govuk-grid-row" key={index}>
                  <div className="govuk-grid-column-one-half">
                    <TextInput
                      id={`evidence-${index}-title`}
                      label={`Title of link ${index + 1}`}
                      value={link.title}
                      onChange={(title) =>
                        set('evidence')(
                          draft.evidence.map((e, i) => (i === index ? { ...e, title } : e)),
                        )
                      }
                      error={errorFor(`evidence-${index}-title`)}
                    />
                  </div>
                  <div className="govuk-grid-column-one-half">
                    <TextInput
                      id={`evidence-${index}-url`}
                      label={`Web address of link ${index + 1}`}
                      type="url"
                      spellCheck={false}
                      value={link.url}
                      onChange={(url) =>
                        set('evidence')(
                          draft.evidence.map((e, i) => (i === index ? { ...e, url } : e)),
                        )
                      }
                      error={errorFor(`evidence-${index}-url`)}
                    />
                  </div>
                </div>
              ))}
              <Button
                secondary
                type="button"
                onClick={() => set('evidence')([...draft.evidence, { title: '', url: '' }])}
              >
                Add another link
              </Button>
            </fieldset>
            <div className="govuk-button-group">
              <Button disabled={saving}>{conflict ? 'Save my update again' : 'Save update'}</Button>
              <Link
                className="govuk-link"
                to={c.back.path}
                onClick={() => sessionStorage.removeItem(DRAFT_PREFIX + c.draftKey)}
              >
                Cancel
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </div>
  );
}
