/**
 * The lifecycle-status rules: which status may follow which, when a reason is needed, and the
 * words people see. RAG is a separate vocabulary (see `rag.ts`): a status says where work is
 * in its life, RAG says how well it is going.
 */
import { DomainError } from '../errors.js';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../model/vocabulary.js';

/** Whether a transition is simply allowed or allowed only with a non-blank reason. */
export type TransitionRule = 'ALLOWED' | 'REASON_REQUIRED';

/**
 * The allowed lifecycle transitions. A pair that is missing is forbidden; staying on the same
 * status is always allowed (it is not a transition, e.g. an update that only changes RAG).
 *
 * | from \ to     | NOT_STARTED | IN_PROGRESS | ONGOING | COMPLETED | DEFERRED | WITHDRAWN |
 * | ------------- | ----------- | ----------- | ------- | --------- | -------- | --------- |
 * | `NOT_STARTED` |             | yes         | yes     | yes       | yes      | yes       |
 * | `IN_PROGRESS` |             |             | yes     | yes       | yes      | yes       |
 * | `ONGOING`     |             | yes         |         | yes       | yes      | yes       |
 * | `DEFERRED`    | yes         | yes         | yes     |           |          | yes       |
 * | `COMPLETED`   |             | reason      |         |           |          |           |
 * | `WITHDRAWN`   | reason      | reason      | reason  | reason    | reason   |           |
 *
 * Why: work never goes back to "not started" once begun; deferred work must resume before it
 * can be completed; reopening completed work and reviving withdrawn work rewrite what the
 * Panel was told, so they need a recorded reason.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<
  Record<LifecycleStatus, Readonly<Partial<Record<LifecycleStatus, TransitionRule>>>>
> = {
  NOT_STARTED: {
    IN_PROGRESS: 'ALLOWED',
    ONGOING: 'ALLOWED',
    COMPLETED: 'ALLOWED',
    DEFERRED: 'ALLOWED',
    WITHDRAWN: 'ALLOWED',
  },
  IN_PROGRESS: {
    ONGOING: 'ALLOWED',
    COMPLETED: 'ALLOWED',
    DEFERRED: 'ALLOWED',
    WITHDRAWN: 'ALLOWED',
  },
  ONGOING: {
    IN_PROGRESS: 'ALLOWED',
    COMPLETED: 'ALLOWED',
    DEFERRED: 'ALLOWED',
    WITHDRAWN: 'ALLOWED',
  },
  DEFERRED: {
    NOT_STARTED: 'ALLOWED',
    IN_PROGRESS: 'ALLOWED',
    ONGOING: 'ALLOWED',
    WITHDRAWN: 'ALLOWED',
  },
  COMPLETED: { IN_PROGRESS: 'REASON_REQUIRED' },
  WITHDRAWN: {
    NOT_STARTED: 'REASON_REQUIRED',
    IN_PROGRESS: 'REASON_REQUIRED',
    ONGOING: 'REASON_REQUIRED',
    COMPLETED: 'REASON_REQUIRED',
    DEFERRED: 'REASON_REQUIRED',
  },
};

/** Words people see for each lifecycle status (GOV.UK tag wording). */
export const LIFECYCLE_STATUS_LABELS: Readonly<Record<LifecycleStatus, string>> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  ONGOING: 'Ongoing',
  COMPLETED: 'Completed',
  DEFERRED: 'Deferred',
  WITHDRAWN: 'Withdrawn',
};

/**
 * The words people see for a lifecycle status, e.g. `"In progress"`.
 *
 * @param status - the status
 */
export function lifecycleStatusLabel(status: LifecycleStatus): string {
  return LIFECYCLE_STATUS_LABELS[status];
}

/** Statuses in which work is finished, one way or another: nothing further is due. */
export const CLOSED_STATUSES: readonly LifecycleStatus[] = ['COMPLETED', 'WITHDRAWN'];

/**
 * True for `COMPLETED` and `WITHDRAWN`: such work is never overdue and needs no updates.
 *
 * @param status - the status
 */
export function isClosedStatus(status: LifecycleStatus): boolean {
  return status === 'COMPLETED' || status === 'WITHDRAWN';
}

/** A transition that may be made, and whether it needs a reason. */
export interface AllowedTransition {
  readonly to: LifecycleStatus;
  readonly reasonRequired: boolean;
}

/**
 * The statuses that may follow `from`, in vocabulary order (for a select list).
 *
 * @param from - the current status
 */
export function allowedTransitions(from: LifecycleStatus): AllowedTransition[] {
  const rules = LIFECYCLE_TRANSITIONS[from];
  const result: AllowedTransition[] = [];
  for (const to of LIFECYCLE_STATUSES) {
    const rule = rules[to];
    if (rule) result.push({ to, reasonRequired: rule === 'REASON_REQUIRED' });
  }
  return result;
}

/** Codes a refused transition carries. */
export type StatusTransitionErrorCode = 'STATUS_TRANSITION_FORBIDDEN' | 'STATUS_REASON_REQUIRED';

/** Outcome of {@link checkTransition}: a typed result, never an exception. */
export type TransitionCheck =
  | {
      readonly ok: true;
      readonly from: LifecycleStatus;
      readonly to: LifecycleStatus;
      /** `false` when `from` and `to` are the same status. */
      readonly changed: boolean;
      /** True when this transition needed (and was given) a reason. */
      readonly reasonRequired: boolean;
    }
  | {
      readonly ok: false;
      readonly from: LifecycleStatus;
      readonly to: LifecycleStatus;
      readonly code: StatusTransitionErrorCode;
      /** Plain English: what was refused and what to do instead. */
      readonly message: string;
      /** What `from` may change to, for offering alternatives. */
      readonly allowed: readonly LifecycleStatus[];
    };

/** Options for {@link checkTransition}. */
export interface TransitionOptions {
  /** Why the change is made; needed to reopen completed work or revive withdrawn work. */
  readonly reason?: string | null | undefined;
}

function listOf(statuses: readonly LifecycleStatus[]): string {
  const labels = statuses.map(lifecycleStatusLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

function reasonMessage(from: LifecycleStatus, to: LifecycleStatus): string {
  const doing = from === 'COMPLETED' ? 'reopen completed work' : 'bring back withdrawn work';
  return `Give a reason to ${doing} (${lifecycleStatusLabel(from)} to ${lifecycleStatusLabel(to)}).`;
}

function forbiddenMessage(
  from: LifecycleStatus,
  to: LifecycleStatus,
  allowed: readonly LifecycleStatus[],
): string {
  return `The status cannot change from ${lifecycleStatusLabel(from)} to ${lifecycleStatusLabel(to)}. From ${lifecycleStatusLabel(from)} choose ${listOf(allowed)}.`;
}

/**
 * Checks a lifecycle change against {@link LIFECYCLE_TRANSITIONS}.
 *
 * @param from - the current status
 * @param to - the requested status
 * @param options - `reason` for the transitions that need one; blank text does not count
 * @returns `{ ok: true, … }`, or `{ ok: false, code, message, allowed }` with code
 *   `STATUS_TRANSITION_FORBIDDEN` (not in the table) or `STATUS_REASON_REQUIRED`
 *
 * @example
 * ```ts
 * checkTransition('COMPLETED', 'IN_PROGRESS', { reason: 'Panel asked for more work' }).ok; // true
 * checkTransition('DEFERRED', 'COMPLETED').ok; // false, STATUS_TRANSITION_FORBIDDEN
 * ```
 */
export function checkTransition(
  from: LifecycleStatus,
  to: LifecycleStatus,
  options: TransitionOptions = {},
): TransitionCheck {
  if (from === to) return { ok: true, from, to, changed: false, reasonRequired: false };
  const rule = LIFECYCLE_TRANSITIONS[from][to];
  if (!rule) {
    const allowed = allowedTransitions(from).map((t) => t.to);
    return {
      ok: false,
      from,
      to,
      code: 'STATUS_TRANSITION_FORBIDDEN',
      message: forbiddenMessage(from, to, allowed),
      allowed,
    };
  }
  if (rule === 'REASON_REQUIRED' && !options.reason?.trim()) {
    return {
      ok: false,
      from,
      to,
      code: 'STATUS_REASON_REQUIRED',
      message: reasonMessage(from, to),
      allowed: allowedTransitions(from).map((t) => t.to),
    };
  }
  return { ok: true, from, to, changed: true, reasonRequired: rule === 'REASON_REQUIRED' };
}

/** A lifecycle change the rules refuse. Thrown by {@link assertTransition}. */
export class StatusTransitionError extends DomainError<StatusTransitionErrorCode> {
  /** The current status. */
  readonly from: LifecycleStatus;
  /** The refused status. */
  readonly to: LifecycleStatus;
  /** What `from` may change to. */
  readonly allowed: readonly LifecycleStatus[];

  /**
   * @param code - `STATUS_TRANSITION_FORBIDDEN` or `STATUS_REASON_REQUIRED`
   * @param from - the current status
   * @param to - the refused status
   * @param message - what to do instead
   * @param allowed - what `from` may change to
   */
  constructor(
    code: StatusTransitionErrorCode,
    from: LifecycleStatus,
    to: LifecycleStatus,
    message: string,
    allowed: readonly LifecycleStatus[],
  ) {
    super(code, message, { from, to, allowed });
    this.name = 'StatusTransitionError';
    this.from = from;
    this.to = to;
    this.allowed = allowed;
  }
}

/**
 * Like {@link checkTransition}, but throws when the change is refused.
 *
 * @param from - the current status
 * @param to - the requested status
 * @param options - `reason` for the transitions that need one
 * @throws StatusTransitionError with code `STATUS_TRANSITION_FORBIDDEN` or `STATUS_REASON_REQUIRED`
 */
export function assertTransition(
  from: LifecycleStatus,
  to: LifecycleStatus,
  options: TransitionOptions = {},
): void {
  const check = checkTransition(from, to, options);
  if (!check.ok) {
    throw new StatusTransitionError(check.code, check.from, check.to, check.message, check.allowed);
  }
}
