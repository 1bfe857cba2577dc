/**
 * The quarterly update form's rules, without React: what a draft holds, how it is checked before
 * it is sent (with the domain's own status, override and limit rules), how the API's field
 * issues map back to the form's fields, and what someone else changed when a save conflicts.
 */
import {
  checkTransition,
  figuresNeedReason,
  isPeriodLabel,
  type LifecycleStatus,
  lifecycleStatusLabel,
  MAX_EVIDENCE_LINKS,
  MAX_NARRATIVE_LENGTH,
  type Rag,
  type RollUpBasis,
  ragLabel,
} from '@plan-tracker/domain';
import type { FieldError } from '../govuk/content.js';
import { type DateParts, datePartsFromIso, isoFromDateParts } from '../govuk/fields.js';
import { formatDate } from '../work/tags.js';

/** The figures of a commitment that the form shows and changes. */
export interface CommitmentFigures {
  readonly status: LifecycleStatus;
  readonly rag: Rag | null;
  readonly progressPercent: number;
  readonly owner: string | null;
  readonly startDate: string | null;
  readonly dueDate: string | null;
}

export interface EvidenceDraft {
  readonly title: string;
  readonly url: string;
}

/** Everything typed into the form, as typed. Kept in session storage until it is saved. */
export interface UpdateDraft {
  readonly period: string;
  readonly status: LifecycleStatus;
  /** `''` while not yet rated. */
  readonly rag: Rag | '';
  readonly progress: string;
  readonly owner: string;
  readonly startDate: DateParts;
  readonly dueDate: DateParts;
  readonly narrative: string;
  readonly evidence: readonly EvidenceDraft[];
  readonly reason: string;
}

export function draftFrom(figures: CommitmentFigures, period: string): UpdateDraft {
  return {
    period,
    status: figures.status,
    rag: figures.rag ?? '',
    progress: String(figures.progressPercent),
    owner: figures.owner ?? '',
    startDate: datePartsFromIso(figures.startDate),
    dueDate: datePartsFromIso(figures.dueDate),
    narrative: '',
    evidence: [{ title: '', url: '' }],
    reason: '',
  };
}

/**
 * True when a commitment's owner and due date come from its delivery actions (its figures roll
 * up from them, or were set over them): the API refuses to change them on the commitment, so
 * the form shows them without offering to change them. `null` is a delivery action's own.
 */
export function workFromActions(basis: RollUpBasis | null): boolean {
  return basis === 'ACTIONS' || basis === 'OVERRIDE';
}

/** Owner and dates that change with the update; a field left out stays as it is. */
export interface WorkChange {
  readonly owner?: string | null;
  readonly startDate?: string | null;
  readonly dueDate?: string | null;
}

/** What the form will send, once it passes the checks. */
export interface CheckedUpdate {
  readonly period: string;
  readonly narrative: string;
  readonly evidence: EvidenceDraft[];
  /** Only the figures that change. */
  readonly statusAfter?: LifecycleStatus;
  readonly ragAfter?: Rag;
  readonly progressAfter?: number;
  readonly reason: string | null;
  /** Owner and dates, only those that change: saved with the update, in the same write. */
  readonly work: WorkChange;
}

export interface CheckContext {
  /** The figures the form was opened with (or last reloaded). */
  readonly current: CommitmentFigures;
  /** Where a commitment's figures come from (its `rollUp.basis`); `null` for an action. */
  readonly basis: RollUpBasis | null;
  /** Labels of reporting periods that are still open. */
  readonly openPeriods: readonly string[];
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** True when the draft asks for a reason (so the form shows the reason field). */
export function reasonNeeded(draft: UpdateDraft, context: CheckContext): boolean {
  const transition = checkTransition(context.current.status, draft.status, { reason: 'x' });
  if (transition.ok && transition.reasonRequired) return true;
  return figuresNeedReason(context.basis) && figuresChange(draft, context.current);
}

function figuresChange(draft: UpdateDraft, current: CommitmentFigures): boolean {
  return (
    draft.status !== current.status ||
    (draft.rag || null) !== current.rag ||
    draft.progress.trim() !== String(current.progressPercent)
  );
}

/**
 * Checks the draft. Returns the errors in the order of the form's fields (for the error
 * summary), or what to send.
 */
export function checkDraft(
  draft: UpdateDraft,
  context: CheckContext,
): { ok: false; errors: FieldError[] } | { ok: true; update: CheckedUpdate } {
  const errors: FieldError[] = [];
  const { current } = context;

  if (!draft.period)
    errors.push({ field: 'period', message: 'Select the reporting period this update is for' });
  else if (!isPeriodLabel(draft.period))
    errors.push({ field: 'period', message: 'Select a reporting period from the list' });
  else if (!context.openPeriods.includes(draft.period)) {
    errors.push({
      field: 'period',
      message: `${draft.period} is closed: select an open reporting period`,
    });
  }

  const transition = checkTransition(current.status, draft.status, { reason: draft.reason });
  if (!transition.ok && transition.code === 'STATUS_TRANSITION_FORBIDDEN') {
    errors.push({ field: 'status', message: transition.message });
  }

  const progressText = draft.progress.trim();
  const progress = Number(progressText);
  if (!/^\d{1,3}$/.test(progressText) || progress > 100) {
    errors.push({ field: 'progress', message: 'Progress must be a whole number from 0 to 100' });
  } else if (draft.status === 'COMPLETED' && progress !== 100) {
    errors.push({ field: 'progress', message: 'Progress must be 100 when the work is completed' });
  }

  const start = isoFromDateParts(draft.startDate, 'The start date');
  if ('error' in start) errors.push({ field: 'startDate', message: start.error });
  // A due date that comes from the delivery actions is not the form's to check.
  const fromActions = workFromActions(context.basis);
  const due = fromActions
    ? { iso: current.dueDate }
    : isoFromDateParts(draft.dueDate, 'The due date');
  if ('error' in due) errors.push({ field: 'dueDate', message: due.error });
  if (
    !fromActions &&
    'iso' in start &&
    'iso' in due &&
    start.iso &&
    due.iso &&
    due.iso < start.iso
  ) {
    errors.push({
      field: 'dueDate',
      message: 'The due date must be the same as or after the start date',
    });
  }

  const narrative = draft.narrative.trim();
  if (!narrative)
    errors.push({ field: 'narrative', message: 'Enter a progress note saying what has happened' });
  else if (narrative.length > MAX_NARRATIVE_LENGTH) {
    errors.push({
      field: 'narrative',
      message: `The progress note must be ${MAX_NARRATIVE_LENGTH} characters or fewer`,
    });
  }

  const evidence: EvidenceDraft[] = [];
  draft.evidence.forEach((link, index) => {
    const title = link.title.trim();
    const url = link.url.trim();
    if (!title && !url) return;
    if (!title)
      errors.push({
        field: `evidence-${index}-title`,
        message: `Enter a title for evidence link ${index + 1}`,
      });
    if (!url)
      errors.push({
        field: `evidence-${index}-url`,
        message: `Enter the web address of evidence link ${index + 1}`,
      });
    else if (!isWebAddress(url)) {
      errors.push({
        field: `evidence-${index}-url`,
        message: `Enter the web address of evidence link ${index + 1} in the correct format, like https://www.example.org/report`,
      });
    }
    evidence.push({ title, url });
  });
  if (evidence.length > MAX_EVIDENCE_LINKS) {
    errors.push({
      field: 'evidence-0-title',
      message: `Add at most ${MAX_EVIDENCE_LINKS} evidence links`,
    });
  }

  const needsReason = reasonNeeded(draft, context);
  if (needsReason && !draft.reason.trim()) {
    const statusNeedsReason = transition.ok
      ? transition.reasonRequired
      : transition.code === 'STATUS_REASON_REQUIRED';
    errors.push({
      field: 'reason',
      message: statusNeedsReason
        ? `Enter why the status is changing from ${lifecycleStatusLabel(current.status)} to ${lifecycleStatusLabel(draft.status)}`
        : 'Enter why you are setting the figures yourself instead of working them out from the delivery actions',
    });
  }

  if (errors.length > 0) return { ok: false, errors };

  const startIso = 'iso' in start ? start.iso : null;
  const dueIso = 'iso' in due ? due.iso : null;
  const owner = draft.owner.trim() || null;
  const work: WorkChange = {
    ...(!fromActions && owner !== current.owner ? { owner } : {}),
    ...(startIso !== current.startDate ? { startDate: startIso } : {}),
    ...(!fromActions && dueIso !== current.dueDate ? { dueDate: dueIso } : {}),
  };
  return {
    ok: true,
    update: {
      period: draft.period,
      narrative,
      evidence,
      ...(draft.status !== current.status ? { statusAfter: draft.status } : {}),
      ...(draft.rag && draft.rag !== current.rag ? { ragAfter: draft.rag } : {}),
      ...(progress !== current.progressPercent ? { progressAfter: progress } : {}),
      reason: needsReason ? draft.reason.trim() : null,
      work,
    },
  };
}

const ISSUE_FIELDS: Record<string, string> = {
  period: 'period',
  recordedOn: 'period',
  statusAfter: 'status',
  status: 'status',
  ragAfter: 'rag',
  rag: 'rag',
  progressAfter: 'progress',
  progressPercent: 'progress',
  owner: 'owner',
  startDate: 'startDate',
  dueDate: 'dueDate',
  narrative: 'narrative',
  reason: 'reason',
};

/** The form field an API issue is about, e.g. `['input', 'evidence', '0', 'url']` → `evidence-0-url`. */
export function fieldForIssue(path: readonly string[]): string {
  const parts = path[0] === 'input' ? path.slice(1) : path;
  if (parts[0] === 'evidence') {
    return parts[1] !== undefined
      ? `evidence-${parts[1]}-${parts[2] === 'url' ? 'url' : 'title'}`
      : 'evidence-0-title';
  }
  return ISSUE_FIELDS[parts[0] ?? ''] ?? 'narrative';
}

/** One figure someone else changed: what the form was opened with, and what it is now. */
export interface TheirChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

function text(field: keyof CommitmentFigures, value: unknown): string {
  switch (field) {
    case 'status':
      return lifecycleStatusLabel(value as LifecycleStatus);
    case 'rag':
      return ragLabel((value as Rag | null) ?? null);
    case 'progressPercent':
      return `${value ?? 0}%`;
    case 'owner':
      return (value as string | null) || 'Not set';
    default:
      return formatDate(value as string | null);
  }
}

const LABELS: Record<keyof CommitmentFigures, string> = {
  status: 'Status',
  rag: 'Rating',
  progressPercent: 'Progress',
  owner: 'Owner',
  startDate: 'Start date',
  dueDate: 'Due date',
};

/** The figures as the API's conflict reports them (`ConflictError.current`, typed). */
export function figuresFromConflict(
  current: Readonly<Record<string, unknown>> | null | undefined,
  fallback: CommitmentFigures,
): CommitmentFigures {
  if (!current) return fallback;
  const state = current;
  const date = (value: unknown, otherwise: string | null) =>
    typeof value === 'string' ? value.slice(0, 10) : value === null ? null : otherwise;
  return {
    status: typeof state.status === 'string' ? (state.status as LifecycleStatus) : fallback.status,
    rag:
      state.rag === null || typeof state.rag === 'string'
        ? ((state.rag as Rag | null) ?? null)
        : fallback.rag,
    progressPercent:
      typeof state.progressPercent === 'number' ? state.progressPercent : fallback.progressPercent,
    owner:
      state.owner === null || typeof state.owner === 'string'
        ? ((state.owner as string | null) ?? null)
        : fallback.owner,
    startDate: date(state.startDate, fallback.startDate),
    dueDate: date(state.dueDate, fallback.dueDate),
  };
}

/** What differs between the figures the form was opened with and the figures now. */
export function theirChanges(before: CommitmentFigures, now: CommitmentFigures): TheirChange[] {
  return (Object.keys(LABELS) as (keyof CommitmentFigures)[])
    .filter((field) => (before[field] ?? null) !== (now[field] ?? null))
    .map((field) => ({
      label: LABELS[field],
      before: text(field, before[field]),
      after: text(field, now[field]),
    }));
}
