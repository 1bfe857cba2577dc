/**
 * The plan's span on the calendar: its period, its reporting quarters, how much of it has
 * elapsed at a date, and whether a piece of work is overdue.
 */
import { invalidRangeError } from '../errors.js';
import type { IsoDate } from '../model/primitives.js';
import type { LifecycleStatus } from '../model/vocabulary.js';
import { isClosedStatus } from '../status/lifecycle.js';
import { parseIsoDate, toDayNumber } from './calendar.js';
import { type FinancialQuarter, nextPeriod, quarterOf } from './financial-year.js';

/** An inclusive range of calendar dates. */
export interface DateRange {
  /** First day. */
  readonly start: IsoDate;
  /** Last day, inclusive. */
  readonly end: IsoDate;
}

/**
 * The Dorset Police & Crime Plan 2021–29: from 13 May 2021, when the Commissioner took office
 * after the 6 May 2021 poll, to 31 March 2029 (extended from 2028 on re-election in 2024).
 */
export const DORSET_PLAN_PERIOD: DateRange = Object.freeze({
  start: '2021-05-13',
  end: '2029-03-31',
});

/**
 * Every financial quarter that contains at least one day from `start` to `end`, in order.
 * For {@link DORSET_PLAN_PERIOD} that is the 32 quarters `2021/22 Q1` … `2028/29 Q4`.
 *
 * @param start - first day
 * @param end - last day, on or after `start`
 * @throws DomainError `TIMELINE_INVALID_DATE` for a bad date, `TIMELINE_INVALID_RANGE` when
 *   `end` is before `start`
 */
export function planQuarters(start: IsoDate, end: IsoDate): FinancialQuarter[] {
  if (toDayNumber(end) < toDayNumber(start)) throw invalidRangeError(start, end);
  const last = quarterOf(end).label;
  const quarters = [quarterOf(start)];
  for (let q = quarters[0]; q && q.label !== last; ) {
    q = nextPeriod(q);
    quarters.push(q);
  }
  return quarters;
}

/**
 * The share of a period that has passed by the end of `atDate`, from 0 to 1.
 *
 * Days are whole and inclusive: at the end of the first day 1/N has elapsed, at the end of the
 * last day all of it; before the period 0, after it 1. This matches reports "as at 30 June",
 * which include 30 June.
 *
 * @param periodStart - first day of the period
 * @param periodEnd - last day of the period, on or after `periodStart`
 * @param atDate - the "as at" date
 * @throws DomainError `TIMELINE_INVALID_DATE` for a bad date, `TIMELINE_INVALID_RANGE` when
 *   `periodEnd` is before `periodStart`
 */
export function elapsedShare(periodStart: IsoDate, periodEnd: IsoDate, atDate: IsoDate): number {
  const start = toDayNumber(periodStart);
  const end = toDayNumber(periodEnd);
  const at = toDayNumber(atDate);
  if (end < start) throw invalidRangeError(periodStart, periodEnd);
  const share = (at - start + 1) / (end - start + 1);
  return Math.min(1, Math.max(0, share));
}

/** What {@link isOverdue} needs to know about a piece of work. */
export interface DueWork {
  /** When it is due; `null` when no date has been set. */
  readonly dueDate: IsoDate | null | undefined;
  /** Its lifecycle status. */
  readonly status: LifecycleStatus;
}

/**
 * True when work was due before `atDate` and is neither completed nor withdrawn. Work due on
 * `atDate` itself is not yet overdue; work with no due date never is. Overdue is always
 * derived like this, never stored.
 *
 * @param work - due date and status
 * @param atDate - the "as at" date
 * @throws DomainError `TIMELINE_INVALID_DATE` when `atDate` or the due date is not a real date
 */
export function isOverdue(work: DueWork, atDate: IsoDate): boolean {
  parseIsoDate(atDate);
  if (!work.dueDate || isClosedStatus(work.status)) return false;
  return toDayNumber(work.dueDate) < toDayNumber(atDate);
}
