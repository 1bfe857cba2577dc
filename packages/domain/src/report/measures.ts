/** A measure's direction of travel: its latest value against the one before, read by its direction of good. */
import type { MeasureDirection } from '../model/vocabulary.js';
import { measurePeriodCounts } from '../timeline/as-at.js';
import { comparePeriods, type PeriodRef, quarterEndDate } from '../timeline/financial-year.js';
import type { ReportMeasure } from './input.js';
import type { DirectionOfTravel, ReportMeasureLine } from './model.js';

/**
 * Which way a measure is going, judged by its direction of good:
 * - `NO_DATA` without both a latest and a previous value;
 * - `STEADY` when they are equal, and always for a `NEUTRAL` measure (it has no better way; its
 *   `change` still shows how it moved);
 * - `IMPROVING` when it moved the good way (up for `HIGHER_IS_BETTER`, down for `LOWER_IS_BETTER`);
 * - `WORSENING` when it moved the other way.
 *
 * @param direction - the measure's direction of good
 * @param previous - the earlier value, or `null`
 * @param latest - the later value, or `null`
 *
 * @example
 * ```ts
 * directionOfTravel('LOWER_IS_BETTER', 120, 110); // 'IMPROVING': less crime
 * ```
 */
export function directionOfTravel(
  direction: MeasureDirection,
  previous: number | null,
  latest: number | null,
): DirectionOfTravel {
  if (previous === null || latest === null) return 'NO_DATA';
  if (latest === previous || direction === 'NEUTRAL') return 'STEADY';
  const rose = latest > previous;
  return rose === (direction === 'HIGHER_IS_BETTER') ? 'IMPROVING' : 'WORSENING';
}

/**
 * A measure as the report shows it at a quarter: its latest value up to that quarter, the value
 * before it, the change and the direction of travel. Later values are ignored.
 *
 * @param measure - the measure and its values, in any order
 * @param upTo - the report's quarter
 */
export function measureLine(measure: ReportMeasure, upTo: PeriodRef): ReportMeasureLine {
  const values = measure.values
    .filter((v) => measurePeriodCounts(v.period, quarterEndDate(upTo)))
    .sort((a, b) => comparePeriods(a.period, b.period));
  const latest = values.at(-1) ?? null;
  const previous = values.at(-2) ?? null;
  return {
    name: measure.name,
    unit: measure.unit,
    direction: measure.direction,
    latest: latest && { period: latest.period, value: latest.value },
    previous: previous && { period: previous.period, value: previous.value },
    change: latest && previous ? roundChange(latest.value - previous.value) : null,
    travel: directionOfTravel(measure.direction, previous?.value ?? null, latest?.value ?? null),
  };
}

/** Cuts floating-point noise (`0.1 + 0.2`) so the same change always prints the same. */
function roundChange(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
