import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoDateIn,
  parseIsoDate,
  toDayNumber,
} from './calendar.js';

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    expect(isIsoDate('2021-05-13')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects dates that do not exist and other shapes', () => {
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-5-13',
      '2021-05-13T00:00:00Z',
      '',
      20210513,
    ]) {
      expect(isIsoDate(bad), String(bad)).toBe(false);
    }
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2021-05-13')).toBe(Date.UTC(2021, 4, 13) / 86_400_000);
  });

  it('round-trips every day across several leap years', () => {
    const start = toDayNumber('2019-12-25');
    for (let n = start; n < start + 3 * 366; n++) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
  });

  it('ignores daylight saving: the clocks going forward is still one day', () => {
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
    expect(daysBetween('2021-05-13', '2029-03-31')).toBe(2879);
  });

  it('orders dates', () => {
    expect(['2022-01-01', '2021-12-31', '2021-05-13'].sort(compareIsoDates)).toEqual([
      '2021-05-13',
      '2021-12-31',
      '2022-01-01',
    ]);
  });

  it('throws a typed error for a date that does not exist', () => {
    expect.assertions(2);
    try {
      parseIsoDate('2023-02-29');
    } catch (error) {
      expect(isDomainError(error, 'TIMELINE_INVALID_DATE')).toBe(true);
      expect((error as Error).message).toContain('YYYY-MM-DD');
    }
  });
});

describe('isoDateIn', () => {
  it('takes the UK date, which differs from UTC just after midnight in summer', () => {
    const instant = new Date('2021-06-30T23:30:00Z');
    expect(isoDateIn(instant)).toBe('2021-07-01');
    expect(isoDateIn(instant, 'UTC')).toBe('2021-06-30');
  });
});
