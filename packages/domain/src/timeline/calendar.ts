/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Pure integer arithmetic on day numbers
 * (days since 1970-01-01), so results never depend on the machine's time zone.
 */
import { invalidDateError } from '../errors.js';
import type { IsoDate } from '../model/primitives.js';

/** A calendar date split into its parts; `month` and `day` are 1-based. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a Gregorian leap year.
 *
 * @param year - full year, e.g. 2024
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month.
 *
 * @param year - full year
 * @param month - 1 (January) to 12
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Splits a `YYYY-MM-DD` string into parts, or returns `null` when it is not a real date
 * (`2023-02-29` and `2021-13-01` are rejected).
 *
 * @param value - anything
 */
export function tryParseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * True when `value` is a `YYYY-MM-DD` string naming a real calendar date.
 *
 * @param value - anything
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return tryParseIsoDate(value) !== null;
}

/**
 * Splits a `YYYY-MM-DD` string into parts.
 *
 * @param value - the date
 * @throws DomainError `TIMELINE_INVALID_DATE` when it is not a real calendar date
 */
export function parseIsoDate(value: IsoDate): CalendarDate {
  const parsed = tryParseIsoDate(value);
  if (!parsed) throw invalidDateError(value);
  return parsed;
}

/**
 * Formats parts as `YYYY-MM-DD`.
 *
 * @param date - year 0–9999, month 1–12, day valid for the month
 * @throws DomainError `TIMELINE_INVALID_DATE` when the parts do not make a real date
 */
export function formatIsoDate(date: CalendarDate): IsoDate {
  const text = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  if (!isIsoDate(text)) throw invalidDateError(text);
  return text;
}

/**
 * Days since 1970-01-01 (negative before it). Howard Hinnant's `days_from_civil`.
 *
 * @param value - the date
 * @throws DomainError `TIMELINE_INVALID_DATE` when it is not a real calendar date
 */
export function toDayNumber(value: IsoDate): number {
  const { year, month, day } = parseIsoDate(value);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The date a day number names; the inverse of {@link toDayNumber}.
 *
 * @param dayNumber - whole days since 1970-01-01
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = Math.trunc(dayNumber) + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/**
 * The date `days` days after `value` (before it when negative).
 *
 * @param value - the date
 * @param days - whole days to add
 */
export function addDays(value: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + days);
}

/**
 * Whole days from `from` to `to`: positive when `to` is later, 0 on the same day.
 *
 * @param from - the earlier date, usually
 * @param to - the later date, usually
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when equal, positive when later.
 * Suitable for `Array.prototype.sort`.
 *
 * @param a - a valid date
 * @param b - a valid date
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Valid YYYY-MM-DD strings order the same way as the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The time zone every plan's dates are judged in: "today", the day an update was recorded,
 * the day a change is true from. Plans of England and Wales fall in the UK's; this is the one
 * place that says so.
 */
export const PLAN_TIME_ZONE = 'Europe/London';

/**
 * Today in {@link PLAN_TIME_ZONE}.
 *
 * @param now - the moment to take the date of; the current time by default
 */
export function todayInPlanTimeZone(now: Date = new Date()): IsoDate {
  return isoDateIn(now, PLAN_TIME_ZONE);
}

/**
 * The instant a day starts in {@link PLAN_TIME_ZONE}: midnight in London, which is an hour
 * before midnight UTC in summer. Clocks there change at 01:00 UTC, never at midnight, so a day
 * is either all UTC or all UTC+1 at its start.
 *
 * @param date - the calendar day
 */
export function startOfPlanDay(date: IsoDate): Date {
  const utcMidnight = new Date(`${date}T00:00:00.000Z`);
  const hourBefore = new Date(utcMidnight.getTime() - 3_600_000);
  return isoDateIn(hourBefore, PLAN_TIME_ZONE) === date ? hourBefore : utcMidnight;
}

/**
 * The calendar date of an instant in a time zone; by default the plan's ({@link PLAN_TIME_ZONE}),
 * where the plan's deadlines fall. `00:30` on a summer morning in London is still the previous day in UTC,
 * which is why "today" must not be taken from `toISOString()`.
 *
 * @param instant - the moment, e.g. `new Date()`
 * @param timeZone - IANA time zone name
 */
export function isoDateIn(instant: Date, timeZone: string = PLAN_TIME_ZONE): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
