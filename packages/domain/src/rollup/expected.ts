/**
 * Expected against actual progress: how far through the plan we are at a date, against how
 * far the work has got.
 */
import type { IsoDate } from '../model/primitives.js';
import { type DateRange, elapsedShare } from '../timeline/plan.js';
import type { RollUp } from './rollup.js';

/**
 * Verdict of {@link compareWithPlan}:
 * - `AHEAD`: actual exceeds expected by more than the tolerance;
 * - `ON_TRACK`: within the tolerance either way;
 * - `BEHIND`: actual falls short of expected by more than the tolerance;
 * - `NOT_MEASURED`: nothing to measure (no items, or all withdrawn).
 */
export type ProgressVerdict = 'AHEAD' | 'ON_TRACK' | 'BEHIND' | 'NOT_MEASURED';

/** Expected against actual progress at a date. */
export interface ProgressComparison {
  readonly asAt: IsoDate;
  /** Share of the period elapsed by the end of `asAt` × 100, rounded. */
  readonly expectedPercent: number;
  /** The roll-up's progress, or `null` when there is nothing to measure. */
  readonly actualPercent: number | null;
  /** Actual minus expected, in percentage points; negative when behind. */
  readonly variance: number | null;
  readonly verdict: ProgressVerdict;
  /** True when `AHEAD` or `ON_TRACK`; `null` when `NOT_MEASURED`. */
  readonly onTrack: boolean | null;
}

/** Points either side of expected progress that still count as on track. */
export const DEFAULT_PROGRESS_TOLERANCE = 10;

/**
 * Compares a roll-up's progress with the share of the period elapsed at `asAt`, assuming
 * steady delivery across the period. Simple by design: `ONGOING` work that never reaches 100%
 * pulls the actual figure down, so read the verdict alongside the RAG.
 *
 * @param rollUp - the roll-up to judge (any level)
 * @param period - the plan's period, e.g. `DORSET_PLAN_PERIOD`
 * @param asAt - the "as at" date
 * @param tolerance - points either side of expected that count as on track
 * @throws DomainError `TIMELINE_INVALID_DATE` or `TIMELINE_INVALID_RANGE` for a bad period
 */
export function compareWithPlan(
  rollUp: Pick<RollUp, 'progressPercent'>,
  period: DateRange,
  asAt: IsoDate,
  tolerance = DEFAULT_PROGRESS_TOLERANCE,
): ProgressComparison {
  const expectedPercent = Math.round(elapsedShare(period.start, period.end, asAt) * 100);
  const actualPercent = rollUp.progressPercent;
  if (actualPercent === null) {
    return {
      asAt,
      expectedPercent,
      actualPercent,
      variance: null,
      verdict: 'NOT_MEASURED',
      onTrack: null,
    };
  }
  const variance = actualPercent - expectedPercent;
  const verdict: ProgressVerdict =
    variance > tolerance ? 'AHEAD' : variance < -tolerance ? 'BEHIND' : 'ON_TRACK';
  return {
    asAt,
    expectedPercent,
    actualPercent,
    variance,
    verdict,
    onTrack: verdict !== 'BEHIND',
  };
}
