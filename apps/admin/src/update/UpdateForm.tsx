/**
 * Record a quarterly update on a commitment or a delivery action: status, rating, progress,
 * owner, dates and a progress note with evidence, saved in ONE write (`addProgressUpdate` takes
 * the owner and dates with the figures), so an update is never half saved. Problems are listed
 * in an error summary that takes focus and links to each field. When someone else saved first,
 * the form says so, shows their change, and keeps everything typed so it can be saved again on
 * top of theirs. What is typed is also kept in the browser tab until it is saved.
 */
import {
  allowedTransitions,
  lifecycleStatusLabel,
  RAGS,
  type RollUpBasis,
  ragLabel,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import { useEffect, useState } from 'react';
import { Page } from '../app/Page.js';
import { Link, navigate } from '../app/router.js';
import { BackLink, ErrorSummary, WarningText } from '../govuk/content.js';
import { Button, type Option, Radios, Select, Textarea, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql/graphql.js';
import {
  isFailure,
  MutationErrorFields,
  type MutationFailure,
} from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { defaultUpdateQuarter, updatableQuarters } from '../period/quarters.js';
import { formatDate, formatDateTime } from '../work/tags.js';
import { type Conflict, ConflictNotice } from './ConflictNotice.js';
import { forgetDraft, keepDraft, loadDraft } from './draft-storage.js';
import { EvidenceFields } from './EvidenceFields.js';
import {
  type CommitmentFigures,
  checkDraft,
  draftFrom,
  fieldForIssue,
  figuresFromConflict,
  reasonNeeded,
  theirChanges,
  type UpdateDraft,
  workFromActions,
} from './update-form.js';
import { WorkFields } from './WorkFields.js';

/** What the form reads of a commitment or an action: its figures, version and newest update. */
export const CommitmentUpdateFields = graphql(`
  fragment CommitmentUpdateFields on Commitment {
    id
    version
    status
    rag
    progressPercent
    owner
    startDate
    dueDate
    rollUp { basis }
    updates { id period author narrative }
  }
`);

export const ActionUpdateFields = graphql(`
  fragment ActionUpdateFields on DeliveryAction {
    id
    version
    status
    rag
    progressPercent
    owner
    startDate
    dueDate
    updates { id period author narrative }
  }
`);

/** The quarters the form offers, and what it says about the one chosen. */
export const UpdatePeriodFields = graphql(`
  fragment UpdatePeriodFields on ReportingPeriod { id label startDate endDate closed closedAt }
`);

type UpdatePeriod = FragmentOf<typeof UpdatePeriodFields>;
type PeriodRead = ResultOf<typeof UpdatePeriodFields>;

const AddUpdateMutation = graphql(
  `
  mutation AddProgressUpdate($subject: ID!, $expectedVersion: Int!, $input: ProgressUpdateInput!, $reason: String) {
    addProgressUpdate(subject: $subject, expectedVersion: $expectedVersion, input: $input, reason: $reason) {
      __typename
      ... on ProgressUpdate { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

type LatestUpdate = FragmentOf<typeof CommitmentUpdateFields>['updates'][number];

/** What an update is recorded on: a commitment or one of its delivery actions. */
export interface UpdateSubject {
  /** The record, read with its fragment. */
  readonly record:
    | { readonly kind: 'commitment'; readonly data: FragmentOf<typeof CommitmentUpdateFields> }
    | { readonly kind: 'action'; readonly data: FragmentOf<typeof ActionUpdateFields> };
  /** Where the draft is kept in the browser tab. */
  readonly draftKey: string;
  readonly caption: string;
  readonly text: string;
  readonly back: { readonly path: string; readonly label: string };
  readonly donePath: string;
  /** The newest update now, after someone else saved first. */
  readonly fetchLatestUpdate: () => Promise<LatestUpdate | null>;
}

type ActionRecord = Extract<UpdateSubject['record'], { kind: 'action' }>;

interface Subject {
  readonly id: string;
  readonly version: number;
  readonly figures: CommitmentFigures;
  readonly basis: RollUpBasis | null;
  readonly latestUpdateId: string | null;
}

function subjectOf(record: UpdateSubject['record']): Subject {
  const commitment =
    record.kind === 'commitment' ? readFragment(CommitmentUpdateFields, record.data) : null;
  const data = commitment ?? readFragment(ActionUpdateFields, (record as ActionRecord).data);
  return {
    id: data.id,
    version: data.version ?? 0,
    figures: {
      status: data.status,
      rag: data.rag,
      progressPercent: data.progressPercent,
      owner: data.owner,
      startDate: data.startDate,
      dueDate: data.dueDate,
    },
    basis: commitment?.rollUp?.basis ?? null,
    latestUpdateId: data.updates[0]?.id ?? null,
  };
}

/**
 * Which report the update counts towards, said plainly under the quarter: a draft one while the
 * quarter is open (as at its last day when it has ended), or, for a closed quarter, that its
 * report has gone to the Panel and the update will be refused.
 */
function CountsTowards({ period, today }: { period: PeriodRead | undefined; today: string }) {
  if (!period) return null;
  if (period.closed) {
    return (
      <div data-testid="period-closed">
        <WarningText>
          The {period.label} report has already gone to the Panel: the quarter was closed
          {period.closedAt ? ` on ${formatDateTime(period.closedAt)}` : ''}, and updates for it are
          refused. An administrator must reopen it first, or choose another quarter.
        </WarningText>
      </div>
    );
  }
  return (
    <p className="govuk-body" data-testid="counts-towards">
      This update counts towards the {period.label} report (open, draft).
      {period.endDate < today
        ? ` The quarter has ended, so the update counts as at ${formatDate(period.endDate)}, its last day.`
        : ''}
    </p>
  );
}

export function UpdateForm({
  subject: s,
  periods: periodData,
}: {
  subject: UpdateSubject;
  periods: readonly UpdatePeriod[];
}) {
  const subject = subjectOf(s.record);
  const periods = periodData.map((p) => readFragment(UpdatePeriodFields, p));
  const today = todayInPlanTimeZone();
  // Open quarters that have begun: an ended one still takes its updates until it is closed.
  const offered = updatableQuarters(periods, today).reverse();
  const openPeriods = offered.map((p) => p.label);

  // What the form is based on: the figures (and version) when it opened, or after a conflict.
  const [base, setBase] = useState(() => ({
    figures: subject.figures,
    version: subject.version,
  }));
  const [restored] = useState(() => loadDraft(s.draftKey));
  const [draft, setDraft] = useState<UpdateDraft>(
    () => restored ?? draftFrom(subject.figures, defaultUpdateQuarter(periods, today)?.label ?? ''),
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);

  useEffect(() => keepDraft(s.draftKey, draft), [draft, s.draftKey]);

  const context = { current: base.figures, basis: subject.basis, openPeriods };
  const chosen = periods.find((p) => p.label === draft.period);
  const fromActions = workFromActions(subject.basis);
  const showReason = reasonNeeded(draft, context) || Boolean(draft.reason);
  const set =
    <K extends keyof UpdateDraft>(key: K) =>
    (value: UpdateDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const form = useMutationForm({
    fields: (path) => fieldForIssue(path),
    fallback: 'status',
    onFailure: async (failure: MutationFailure) => {
      if (failure.code !== 'CONFLICT') return null;
      const now = figuresFromConflict(failure.current, base.figures);
      setBase({ figures: now, version: failure.currentVersion ?? base.version });
      const latest = await s.fetchLatestUpdate();
      setConflict({
        changes: theirChanges(base.figures, now),
        latestUpdate: latest && latest.id !== subject.latestUpdateId ? latest : null,
      });
      return [];
    },
  });

  const save = async () => {
    const checked = checkDraft(draft, context);
    if (!checked.ok) return checked.errors;
    const update = checked.update;
    const { addProgressUpdate: result } = await request(AddUpdateMutation, {
      subject: subject.id,
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
        ...update.work,
      },
    });
    if (isFailure(result)) return result;
    forgetDraft(s.draftKey);
    navigate(s.donePath);
    return null;
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
  const what = s.record.kind === 'commitment' ? 'commitment' : 'delivery action';

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={s.back.path}>{s.back.label}</BackLink>
        <ErrorSummary errors={form.errors} focusKey={form.attempt} />
        {conflict ? <ConflictNotice conflict={conflict} subject={what} /> : null}
        {restored && !conflict && form.errors.length === 0 ? (
          <div className="govuk-inset-text">
            We kept what you typed earlier. Check it, then save it.
          </div>
        ) : null}
        <Page title="Record an update" caption={s.caption} error={form.errors.length > 0}>
          <p className="govuk-body">{s.text}</p>
          <form onSubmit={form.submit(save)} noValidate>
            <Select
              id="period"
              label="Reporting period"
              labelClass="govuk-label--s"
              hint="The quarter this update is for: a quarter that has ended takes its updates until an administrator closes it."
              value={draft.period}
              onChange={set('period')}
              error={form.errorFor('period')}
              options={[
                ...(draft.period ? [] : [{ value: '', text: 'Select a period' }]),
                // The quarter chosen stays in the list when it is not open (a kept draft's, say),
                // so the form shows what it is set to; the warning below says it is refused.
                ...(chosen && !openPeriods.includes(chosen.label)
                  ? [{ value: chosen.label, text: `${chosen.label} (closed)` }]
                  : []),
                ...offered.map((p) => ({ value: p.label, text: p.label })),
              ]}
            />
            <CountsTowards period={chosen} today={today} />
            <Radios
              id="status"
              legend="Status"
              small
              value={draft.status}
              onChange={(value) => set('status')(value as UpdateDraft['status'])}
              options={statusOptions}
              error={form.errorFor('status')}
            />
            <Radios
              id="rag"
              legend="Rating"
              hint="How well the work is going."
              small
              value={draft.rag}
              onChange={(value) => set('rag')(value as UpdateDraft['rag'])}
              options={ragOptions}
              error={form.errorFor('rag')}
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
              error={form.errorFor('progress')}
            />
            {showReason ? (
              <Textarea
                id="reason"
                label="Reason"
                labelClass="govuk-label--s"
                hint={
                  subject.basis === 'ACTIONS'
                    ? 'This commitment’s figures are normally worked out from its delivery actions. Say why you are setting them yourself, or why the status is changing this way.'
                    : 'Say why the status is changing this way. The reason is kept in the history.'
                }
                rows={3}
                value={draft.reason}
                onChange={set('reason')}
                error={form.errorFor('reason')}
              />
            ) : null}
            <WorkFields
              draft={draft}
              current={base.figures}
              fromActions={fromActions}
              onChange={(change) => setDraft((d) => ({ ...d, ...change }))}
              errorFor={form.errorFor}
            />
            <Textarea
              id="narrative"
              label="Progress note"
              labelClass="govuk-label--s"
              hint="What has happened this quarter, in plain English. The Police and Crime Panel may read it."
              rows={6}
              value={draft.narrative}
              onChange={set('narrative')}
              error={form.errorFor('narrative')}
            />
            <EvidenceFields
              links={draft.evidence}
              onChange={(evidence) => set('evidence')(evidence)}
              errorFor={form.errorFor}
            />
            <div className="govuk-button-group">
              <Button disabled={form.pending}>
                {conflict ? 'Save my update again' : 'Save update'}
              </Button>
              <Link className="govuk-link" to={s.back.path} onClick={() => forgetDraft(s.draftKey)}>
                Cancel
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </div>
  );
}
