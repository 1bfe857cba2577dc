/**
 * A commitment's own figures and work, and where they come from: the one statement of the
 * figure-override rule and of what a commitment takes from its delivery actions. The db
 * services' writes, the stored roll-up, the "as at" replay, the API, the reports and the admin
 * app all ask these functions; none of them restates the rule.
 *
 * - Status, RAG and progress ("figures") of a commitment with delivery actions roll up from
 *   them, unless staff set them with a reason (an override, kept as `statusOverrideReason`);
 *   once set they stay set until cleared. Without actions, a commitment's figures are its own.
 * - Owner and due date of a commitment with delivery actions always come from them: the lead
 *   owner ({@link leadOwner}) and the soonest due date of the open actions
 *   ({@link soonestOpenDueDate}), so "overdue" means the same for the commitment, its roll-up,
 *   every filter, table, export and report.
 */
import type { IsoDate } from '../model/primitives.js';
import type { LifecycleStatus } from '../model/vocabulary.js';
import { isClosedStatus } from '../status/lifecycle.js';
import { compareIsoDates } from '../timeline/calendar.js';
import type { RollUpBasis } from './rollup.js';

/** True when staff set the commitment's figures with a (non-blank) reason. */
export function isOverridden(commitment: {
  readonly statusOverrideReason?: string | null | undefined;
}): boolean {
  return Boolean(commitment.statusOverrideReason?.trim());
}

/**
 * Where a commitment's figures come from: `OVERRIDE` when staff set them with a reason,
 * `ACTIONS` when it has delivery actions (not archived), else `OWN_FIGURES`.
 */
export function commitmentFigureBasis(
  commitment: { readonly statusOverrideReason?: string | null | undefined },
  activeActions: number,
): Exclude<RollUpBasis, 'COMMITMENTS'> {
  if (isOverridden(commitment)) return 'OVERRIDE';
  return activeActions > 0 ? 'ACTIONS' : 'OWN_FIGURES';
}

/** What setting a commitment's figures by hand comes to: the override reason to keep, or why not. */
export type FigureOverrideCheck =
  | { readonly ok: true; readonly statusOverrideReason: string | null }
  | { readonly ok: false; readonly message: string };

/**
 * May staff set this commitment's status, RAG or progress, and what override reason does it keep?
 *
 * @param commitment - its current override reason
 * @param activeActions - its delivery actions that are not archived
 * @param change - whether the figures change, and the reason given (if any)
 */
export function checkFigureOverride(
  commitment: { readonly statusOverrideReason?: string | null | undefined },
  activeActions: number,
  change: { readonly figuresChange: boolean; readonly reason?: string | null | undefined },
): FigureOverrideCheck {
  const current = commitment.statusOverrideReason ?? null;
  if (!change.figuresChange || activeActions === 0)
    return { ok: true, statusOverrideReason: current };
  const reason = change.reason?.trim();
  if (reason) return { ok: true, statusOverrideReason: reason };
  if (isOverridden(commitment)) return { ok: true, statusOverrideReason: current };
  return {
    ok: false,
    message: `This commitment's status, RAG and progress roll up from its ${activeActions} delivery action${activeActions === 1 ? '' : 's'}. Give a reason to set them yourself.`,
  };
}

/** True when a commitment's figures roll up from its actions, so setting them needs a reason. */
export function figuresNeedReason(basis: RollUpBasis | null | undefined): boolean {
  return basis === 'ACTIONS';
}

/** What a commitment takes from one of its delivery actions. */
export interface ActionWork {
  readonly owner: string | null;
  readonly status: LifecycleStatus;
  readonly dueDate: IsoDate | null;
}

/** The soonest due date among open (neither completed nor withdrawn) actions, or `null`. */
export function soonestOpenDueDate(actions: readonly ActionWork[]): IsoDate | null {
  let soonest: IsoDate | null = null;
  for (const action of actions) {
    if (!action.dueDate || isClosedStatus(action.status)) continue;
    if (soonest === null || compareIsoDates(action.dueDate, soonest) < 0) soonest = action.dueDate;
  }
  return soonest;
}

/**
 * The lead owner of a commitment's actions: the owner named on most of its open actions (on
 * most of all its actions when none is open); a tie goes to the owner of the action due
 * soonest, then to the first in the order given. `null` when no action names an owner. Owners
 * compare as the access rules compare them (trimmed, ignoring case); the first spelling wins.
 */
export function leadOwner(actions: readonly ActionWork[]): string | null {
  const open = actions.filter((a) => !isClosedStatus(a.status));
  const pool = open.some((a) => a.owner?.trim()) ? open : actions;
  const tally = new Map<
    string,
    { owner: string; count: number; soonest: IsoDate | null; first: number }
  >();
  pool.forEach((action, index) => {
    const owner = action.owner?.trim();
    if (!owner) return;
    const key = owner.toLocaleLowerCase('en-GB');
    const entry = tally.get(key) ?? { owner, count: 0, soonest: null, first: index };
    entry.count += 1;
    if (
      action.dueDate &&
      (entry.soonest === null || compareIsoDates(action.dueDate, entry.soonest) < 0)
    ) {
      entry.soonest = action.dueDate;
    }
    tally.set(key, entry);
  });
  let best: { owner: string; count: number; soonest: IsoDate | null; first: number } | null = null;
  for (const entry of tally.values()) {
    if (!best || beats(entry, best)) best = entry;
  }
  return best?.owner ?? null;
}

function beats(
  a: { count: number; soonest: IsoDate | null; first: number },
  b: { count: number; soonest: IsoDate | null; first: number },
): boolean {
  if (a.count !== b.count) return a.count > b.count;
  if (a.soonest !== b.soonest) {
    if (a.soonest === null) return false;
    if (b.soonest === null) return true;
    return compareIsoDates(a.soonest, b.soonest) < 0;
  }
  return a.first < b.first;
}

/**
 * The owner and due date a commitment shows: from its delivery actions (not archived) when it
 * has any, else its own.
 */
export function commitmentWork(
  own: { readonly owner: string | null; readonly dueDate: IsoDate | null },
  actions: readonly ActionWork[],
): { readonly owner: string | null; readonly dueDate: IsoDate | null } {
  if (actions.length === 0) return { owner: own.owner, dueDate: own.dueDate };
  return { owner: leadOwner(actions), dueDate: soonestOpenDueDate(actions) };
}

/**
 * A commitment's latest progress note: the latest by date of its own notes and those of its
 * delivery actions, so a commitment delivered through actions shows the last thing reported on
 * any of them. A tie goes to the note given first (pass the commitment's own first). `null` when there is none.
 *
 * @param notes - the commitment's latest note and each action's (`null` where there is none)
 */
export function latestNoteOf<T extends { readonly recordedOn: IsoDate }>(
  notes: readonly (T | null | undefined)[],
): T | null {
  let latest: T | null = null;
  for (const note of notes) {
    if (note && (latest === null || compareIsoDates(note.recordedOn, latest.recordedOn) > 0)) {
      latest = note;
    }
  }
  return latest;
}
