/**
 * UK financial years (1 April to 31 March, labelled `2021/22`) and their quarters
 * (Q1 April–June … Q4 January–March, labelled `2021/22 Q2`): the plan's reporting periods.
 */
import { invalidPeriodLabelError } from '../errors.js';
import type { IsoDate } from '../model/primitives.js';
import { daysInMonth, formatIsoDate, parseIsoDate } from './calendar.js';

/** Quarter of a financial year: 1 = April–June, 2 = July–September, 3 = October–December, 4 = January–March. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/** A financial-year quarter with its label and first and last days. */
export interface FinancialQuarter {
  /** e.g. `2021/22 Q2` */
  readonly label: string;
  /** e.g. `2021/22` */
  readonly financialYear: string;
  /** Calendar year in which the financial year starts, e.g. 2021 for `2021/22`. */
  readonly startYear: number;
  /** 1–4 */
  readonly quarter: QuarterNumber;
  /** First day, e.g. `2021-07-01`. */
  readonly startDate: IsoDate;
  /** Last day, inclusive, e.g. `2021-09-30`. */
  readonly endDate: IsoDate;
}

const FINANCIAL_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;
const PERIOD_LABEL_PATTERN = /^(\d{4})\/(\d{2}) Q([1-4])$/;

/** True when `short` is the last two digits of `startYear + 1` (`2021/22`, `2099/00`). */
function followsOn(startYear: number, short: number): boolean {
  return (startYear + 1) % 100 === short;
}

/**
 * The label of the financial year starting in April of `startYear`.
 *
 * @param startYear - e.g. 2021
 * @returns e.g. `2021/22`
 */
export function financialYearLabel(startYear: number): string {
  return `${String(startYear).padStart(4, '0')}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The calendar year in which a financial-year label starts, or `null` when the label is not of
 * the form `2021/22` with the second year following the first.
 *
 * @param label - e.g. `2021/22`
 */
export function financialYearStartYear(label: string): number | null {
  const match = FINANCIAL_YEAR_PATTERN.exec(label);
  if (!match) return null;
  const startYear = Number(match[1]);
  return followsOn(startYear, Number(match[2])) ? startYear : null;
}

/**
 * The financial year a date falls in.
 *
 * @param date - a valid date
 * @returns e.g. `2021/22` for `2022-03-31`, `2022/23` for `2022-04-01`
 */
export function financialYearOf(date: IsoDate): string {
  const { year, month } = parseIsoDate(date);
  return financialYearLabel(month >= 4 ? year : year - 1);
}

/**
 * The quarter `quarter` of the financial year starting in April of `startYear`.
 *
 * @param startYear - e.g. 2021
 * @param quarter - 1–4
 */
export function financialQuarter(startYear: number, quarter: QuarterNumber): FinancialQuarter {
  // Q1 starts in April (month 4), Q4 in January of the following calendar year.
  const firstMonth = quarter === 4 ? 1 : quarter * 3 + 1;
  const year = quarter === 4 ? startYear + 1 : startYear;
  const lastMonth = firstMonth + 2;
  const financialYear = financialYearLabel(startYear);
  return {
    label: `${financialYear} Q${quarter}`,
    financialYear,
    startYear,
    quarter,
    startDate: formatIsoDate({ year, month: firstMonth, day: 1 }),
    endDate: formatIsoDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

/**
 * The financial quarter a date falls in.
 *
 * @param date - a valid date
 * @returns e.g. `2021/22 Q2` for `2021-08-24`; `2021/22 Q4` for `2022-01-15`
 * @throws DomainError `TIMELINE_INVALID_DATE` when `date` is not a real calendar date
 */
export function quarterOf(date: IsoDate): FinancialQuarter {
  const { year, month } = parseIsoDate(date);
  const startYear = month >= 4 ? year : year - 1;
  // Months since April, 0–11, three to a quarter.
  const quarter = (Math.floor(((month + 8) % 12) / 3) + 1) as QuarterNumber;
  return financialQuarter(startYear, quarter);
}

/**
 * Reads a period label, or returns `null` when it is not valid. Use {@link periodFromLabel}
 * where a bad label is an error.
 *
 * @param label - e.g. `2021/22 Q2`
 */
export function tryPeriodFromLabel(label: unknown): FinancialQuarter | null {
  if (typeof label !== 'string') return null;
  const match = PERIOD_LABEL_PATTERN.exec(label);
  if (!match) return null;
  const startYear = Number(match[1]);
  if (!followsOn(startYear, Number(match[2]))) return null;
  return financialQuarter(startYear, Number(match[3]) as QuarterNumber);
}

/**
 * True when `label` is a valid period label such as `2021/22 Q2`.
 *
 * @param label - anything
 */
export function isPeriodLabel(label: unknown): label is string {
  return tryPeriodFromLabel(label) !== null;
}

/**
 * Reads a period label.
 *
 * @param label - e.g. `2021/22 Q2`
 * @returns the quarter, with its first and last days
 * @throws DomainError `TIMELINE_INVALID_PERIOD_LABEL` for anything else (`2021/23 Q1`,
 *   `2021/22 Q5`, `2021-22 Q1`)
 */
export function periodFromLabel(label: string): FinancialQuarter {
  const period = tryPeriodFromLabel(label);
  if (!period) throw invalidPeriodLabelError(label);
  return period;
}

/** A period given either by its label or as a {@link FinancialQuarter}. */
export type PeriodRef = string | FinancialQuarter;

function resolve(period: PeriodRef): FinancialQuarter {
  return typeof period === 'string' ? periodFromLabel(period) : period;
}

/**
 * First day of a quarter.
 *
 * @param period - label or quarter
 * @throws DomainError `TIMELINE_INVALID_PERIOD_LABEL` for a bad label
 */
export function quarterStartDate(period: PeriodRef): IsoDate {
  return resolve(period).startDate;
}

/**
 * Last day (inclusive) of a quarter.
 *
 * @param period - label or quarter
 * @throws DomainError `TIMELINE_INVALID_PERIOD_LABEL` for a bad label
 */
export function quarterEndDate(period: PeriodRef): IsoDate {
  return resolve(period).endDate;
}

/**
 * The quarter before; `2022/23 Q1` gives `2021/22 Q4`.
 *
 * @param period - label or quarter
 * @throws DomainError `TIMELINE_INVALID_PERIOD_LABEL` for a bad label
 */
export function previousPeriod(period: PeriodRef): FinancialQuarter {
  const { startYear, quarter } = resolve(period);
  return quarter === 1
    ? financialQuarter(startYear - 1, 4)
    : financialQuarter(startYear, (quarter - 1) as QuarterNumber);
}

/**
 * The quarter after; `2021/22 Q4` gives `2022/23 Q1`.
 *
 * @param period - label or quarter
 * @throws DomainError `TIMELINE_INVALID_PERIOD_LABEL` for a bad label
 */
export function nextPeriod(period: PeriodRef): FinancialQuarter {
  const { startYear, quarter } = resolve(period);
  return quarter === 4
    ? financialQuarter(startYear + 1, 1)
    : financialQuarter(startYear, (quarter + 1) as QuarterNumber);
}

/**
 * Orders two periods chronologically: negative when `a` is earlier, 0 when the same.
 * Suitable for `Array.prototype.sort`; accepts labels and quarters alike.
 *
 * @param a - label or quarter
 * @param b - label or quarter
 */
export function comparePeriods(a: PeriodRef, b: PeriodRef): number {
  const pa = resolve(a);
  const pb = resolve(b);
  return pa.startYear * 4 + pa.quarter - (pb.startYear * 4 + pb.quarter);
}
