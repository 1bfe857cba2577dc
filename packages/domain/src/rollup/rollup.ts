/**
 * Roll-ups: the figures of many items (actions, or commitments) summarised in one
 * {@link RollUp}, the same shape at every level from a commitment to the whole plan.
 *
 * Rules, in one place:
 * - **counts**: every item counts once by status and once by RAG (`NONE` = not yet rated),
 *   so `byStatus` and `byRag` each sum to `count`; every key is present, zero-filled.
 * - **progress**: the mean of the items' progress, leaving out withdrawn items, rounded to a
 *   whole per cent. A completed item counts as 100 whatever its stored figure, because
 *   completed work is done; a missing figure counts as 0. `null` when nothing is left to count.
 * - **overdue**: items due before the "as at" date that are neither completed nor withdrawn.
 * - **next due date**: the earliest due date among open (not completed or withdrawn) items.
 * - **status** and **RAG** of the whole: see {@link deriveStatus} and {@link RollUp.rag}.
 */
import type { IsoDate } from '../model/primitives.js';
import { LIFECYCLE_STATUSES, type LifecycleStatus, type Rag } from '../model/vocabulary.js';
import { isClosedStatus } from '../status/lifecycle.js';
import { RAG_KEYS, type RagKey, ragKey, worseRag } from '../status/rag.js';
import { parseIsoDate } from '../timeline/calendar.js';
import { isOverdue } from '../timeline/plan.js';
import { commitmentFigureBasis } from './commitment.js';

/** The figures of one item that roll up: an action, or a commitment at the higher levels. */
export interface RollUpItem {
  readonly status: LifecycleStatus;
  readonly rag: Rag | null;
  readonly progressPercent: number | null | undefined;
  readonly dueDate: IsoDate | null | undefined;
}

/** Items counted by lifecycle status; every status present. */
export type StatusCounts = Record<LifecycleStatus, number>;
/** Items counted by RAG, `NONE` for not yet rated; every key present. */
export type RagCounts = Record<RagKey, number>;

/**
 * Where a roll-up's figures came from:
 * - `ACTIONS`: a commitment's delivery actions;
 * - `OVERRIDE`: a commitment's own figures, which staff set with a reason;
 * - `OWN_FIGURES`: a commitment's own figures, because it has no actions yet;
 * - `COMMITMENTS`: the commitments of a theme, priority, section or plan.
 */
export type RollUpBasis = 'ACTIONS' | 'OVERRIDE' | 'OWN_FIGURES' | 'COMMITMENTS';

/** Summary figures of a set of items; the same shape at every level. */
export interface RollUp {
  /** Where the figures came from. */
  readonly basis: RollUpBasis;
  /** Number of items summarised (actions for a commitment, commitments above it). */
  readonly count: number;
  /** Items by lifecycle status. */
  readonly byStatus: StatusCounts;
  /** Items by RAG. */
  readonly byRag: RagCounts;
  /** Mean progress of the items that are not withdrawn, rounded; `null` when there are none. */
  readonly progressPercent: number | null;
  /** Items overdue at the "as at" date. */
  readonly overdue: number;
  /** Earliest due date among open items, or `null`. */
  readonly nextDueDate: IsoDate | null;
  /** Status of the whole ({@link deriveStatus}); `null` when there are no items. */
  readonly status: LifecycleStatus | null;
  /**
   * RAG of the whole: the worst rating among open items (RED over AMBER over GREEN); when
   * nothing is open, the worst among completed items; `null` when nothing counted is rated.
   */
  readonly rag: Rag | null;
}

/**
 * Progress an item contributes to a mean: 100 when completed, its figure otherwise (0 when
 * missing). Withdrawn items contribute nothing; callers leave them out.
 *
 * @param item - the item
 */
export function itemProgress(item: Pick<RollUpItem, 'status' | 'progressPercent'>): number {
  return item.status === 'COMPLETED' ? 100 : (item.progressPercent ?? 0);
}

/** A zero-filled count for every lifecycle status. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(LIFECYCLE_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** A zero-filled count for every RAG key. */
export function emptyRagCounts(): RagCounts {
  return Object.fromEntries(RAG_KEYS.map((k) => [k, 0])) as RagCounts;
}

/**
 * The status of a whole from the statuses of its parts, the first rule that matches:
 * 1. all withdrawn → `WITHDRAWN`;
 * 2. all that are not withdrawn completed → `COMPLETED`;
 * 3. any in progress → `IN_PROGRESS`;
 * 4. any ongoing → `ONGOING`;
 * 5. any completed (the rest not started or deferred) → `IN_PROGRESS`: delivery has begun;
 * 6. any not started → `NOT_STARTED`;
 * 7. otherwise (only deferred, perhaps with withdrawn) → `DEFERRED`.
 *
 * @param byStatus - counts of the parts
 * @returns the status, or `null` when there are no parts
 */
export function deriveStatus(byStatus: StatusCounts): LifecycleStatus | null {
  const total = LIFECYCLE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  if (total === 0) return null;
  if (byStatus.WITHDRAWN === total) return 'WITHDRAWN';
  if (byStatus.COMPLETED + byStatus.WITHDRAWN === total) return 'COMPLETED';
  if (byStatus.IN_PROGRESS > 0) return 'IN_PROGRESS';
  if (byStatus.ONGOING > 0) return 'ONGOING';
  if (byStatus.COMPLETED > 0) return 'IN_PROGRESS';
  if (byStatus.NOT_STARTED > 0) return 'NOT_STARTED';
  return 'DEFERRED';
}

/**
 * A running roll-up: add items one at a time, read the {@link RollUp} at the end. Lets the
 * plan-level roll-up feed each commitment to its theme, priority and plan in one pass.
 */
export class RollUpTally {
  private count = 0;
  private readonly byStatus = emptyStatusCounts();
  private readonly byRag = emptyRagCounts();
  private progressSum = 0;
  private progressCount = 0;
  private overdue = 0;
  private nextDueDate: IsoDate | null = null;
  private openRag: Rag | null = null;
  private completedRag: Rag | null = null;

  /**
   * @param asAt - the date overdue is judged at
   * @throws DomainError `TIMELINE_INVALID_DATE` when `asAt` is not a real date
   */
  constructor(readonly asAt: IsoDate) {
    parseIsoDate(asAt);
  }

  /**
   * Counts one item.
   *
   * @param item - its figures
   */
  add(item: RollUpItem): this {
    this.count += 1;
    this.byStatus[item.status] += 1;
    this.byRag[ragKey(item.rag)] += 1;
    if (item.status !== 'WITHDRAWN') {
      this.progressSum += itemProgress(item);
      this.progressCount += 1;
    }
    if (isOverdue(item, this.asAt)) this.overdue += 1;
    if (!isClosedStatus(item.status)) {
      this.openRag = worseRag(this.openRag, item.rag);
      if (item.dueDate && (this.nextDueDate === null || item.dueDate < this.nextDueDate)) {
        this.nextDueDate = item.dueDate;
      }
    } else if (item.status === 'COMPLETED') {
      this.completedRag = worseRag(this.completedRag, item.rag);
    }
    return this;
  }

  /**
   * The roll-up of the items added so far.
   *
   * @param basis - where the items came from
   */
  result(basis: RollUpBasis): RollUp {
    const anyOpen = this.count - this.byStatus.COMPLETED - this.byStatus.WITHDRAWN > 0;
    return {
      basis,
      count: this.count,
      byStatus: { ...this.byStatus },
      byRag: { ...this.byRag },
      progressPercent:
        this.progressCount === 0 ? null : Math.round(this.progressSum / this.progressCount),
      overdue: this.overdue,
      nextDueDate: this.nextDueDate,
      status: deriveStatus(this.byStatus),
      rag: anyOpen ? this.openRag : this.completedRag,
    };
  }
}

/**
 * Rolls up a list of items.
 *
 * @param items - their figures
 * @param asAt - the date overdue is judged at
 * @param basis - where the items came from; `ACTIONS` by default
 *
 * @example
 * ```ts
 * rollUpItems(actions, '2021-09-30').progressPercent; // e.g. 45
 * ```
 */
export function rollUpItems(
  items: Iterable<RollUpItem>,
  asAt: IsoDate,
  basis: RollUpBasis = 'ACTIONS',
): RollUp {
  const tally = new RollUpTally(asAt);
  for (const item of items) tally.add(item);
  return tally.result(basis);
}

/**
 * A roll-up seen as one item, to be counted at the level above: its derived status and RAG,
 * its progress, and its next due date (so it is overdue exactly when one of its open items is).
 *
 * @param rollUp - a roll-up with at least one item
 */
export function rollUpAsItem(rollUp: RollUp): RollUpItem {
  return {
    status: rollUp.status ?? 'NOT_STARTED',
    rag: rollUp.rag,
    progressPercent: rollUp.progressPercent,
    dueDate: rollUp.nextDueDate,
  };
}

/** A commitment's own figures, and the reason when staff set them instead of rolling up. */
export interface CommitmentFigures extends RollUpItem {
  /** Set (non-blank) when staff set the figures; the actions are then ignored. */
  readonly statusOverrideReason?: string | null | undefined;
}

/**
 * Rolls up one commitment: from its delivery actions, unless staff set its figures with a
 * reason (`OVERRIDE`), or it has no actions yet (`OWN_FIGURES`); in those two cases the
 * roll-up is of the commitment itself, a count of one.
 *
 * @param commitment - the commitment's own figures and override reason
 * @param actions - its delivery actions (leave out archived ones)
 * @param asAt - the date overdue is judged at
 */
export function rollUpCommitment(
  commitment: CommitmentFigures,
  actions: readonly RollUpItem[],
  asAt: IsoDate,
): RollUp {
  const basis = commitmentFigureBasis(commitment, actions.length);
  return basis === 'ACTIONS'
    ? rollUpItems(actions, asAt, basis)
    : rollUpItems([commitment], asAt, basis);
}
