/**
 * The quarterly cycle as the app offers it: which quarters an update may count towards and which
 * it counts towards unless someone chooses, which earlier quarters closing one closes with it,
 * and which closed quarter may reopen. The API decides every write (quarters close in order and
 * reopen from the latest, `apps/api/schema.graphql`); these only keep the app from offering what
 * it would refuse, from the periods as the API lists them.
 */
import { previousPeriod, quarterOf } from '@plan-tracker/domain';

/** What these rules read of a reporting period. */
export interface QuarterState {
  readonly label: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly closed: boolean;
}

const byStart = <T extends QuarterState>(periods: readonly T[]): T[] =>
  [...periods].sort((a, b) => a.startDate.localeCompare(b.startDate));

/**
 * The quarters an update may count towards, oldest first: open ones that have begun. A quarter
 * that has ended still takes updates until it is closed (they count as at its last day); a
 * future one is refused.
 */
export function updatableQuarters<T extends QuarterState>(
  periods: readonly T[],
  today: string,
): T[] {
  return byStart(periods).filter((p) => !p.closed && p.startDate <= today);
}

/**
 * The quarter an update counts towards unless another is chosen: the quarter that has just
 * ended while it is still open (offices write a quarter's updates in the weeks after it), else
 * the current quarter, else the latest open one that has begun. When none is open it is the
 * current (or just ended) quarter all the same, so the form can say that it is closed; `null`
 * when the plan has none of these.
 */
export function defaultUpdateQuarter<T extends QuarterState>(
  periods: readonly T[],
  today: string,
): T | null {
  const current = quarterOf(today).label;
  const justEnded = previousPeriod(quarterOf(today)).label;
  const find = (label: string) => periods.find((p) => p.label === label);
  const ended = find(justEnded);
  if (ended && !ended.closed) return ended;
  const now = find(current);
  if (now && !now.closed) return now;
  return updatableQuarters(periods, today).at(-1) ?? now ?? ended ?? null;
}

/** The open quarters before `label`, oldest first: closing it closes them too. */
export function earlierOpenQuarters<T extends QuarterState>(
  periods: readonly T[],
  label: string,
): T[] {
  const target = periods.find((p) => p.label === label);
  if (!target) return [];
  return byStart(periods).filter((p) => !p.closed && p.startDate < target.startDate);
}

/** The latest closed quarter, the only one that may reopen; `null` when none is closed. */
export function latestClosedQuarter<T extends QuarterState>(periods: readonly T[]): T | null {
  return byStart(periods.filter((p) => p.closed)).at(-1) ?? null;
}
