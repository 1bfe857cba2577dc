/**
 * What an "as at" read shows of dated things, in one place: the API's `plan(asAt:)`, the
 * reports and the open data all ask these. `asAt` null means live (today, everything known).
 */
import type { IsoDate } from '../model/primitives.js';
import { type PeriodRef, quarterEndDate, tryPeriodFromLabel } from './financial-year.js';

/**
 * True when something dated `on` had happened by the end of `asAt`: an update recorded, a
 * milestone or action completed. Undated things never have; live, everything dated has.
 */
export function happenedBy(on: IsoDate | null | undefined, asAt: IsoDate | null): boolean {
  if (!on) return false;
  return asAt === null || on <= asAt;
}

/**
 * True when a measure value for `period` counts at `asAt`: its period has ended by then. Values
 * come in after their quarter ends, so the Panel's report for a quarter (as at its last day)
 * shows that quarter's value whenever it was recorded, and "as at" any date shows the same.
 * Live, every value counts; a label that is not a period never does.
 */
export function measurePeriodCounts(period: PeriodRef | string, asAt: IsoDate | null): boolean {
  const quarter = typeof period === 'string' ? tryPeriodFromLabel(period) : period;
  if (!quarter) return false;
  return asAt === null || quarterEndDate(quarter) <= asAt;
}
