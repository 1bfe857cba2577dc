import { describe, expect, it } from 'vitest';
import { happenedBy, measurePeriodCounts } from './as-at.js';
import { startOfPlanDay, todayInPlanTimeZone } from './calendar.js';

describe('as at a date', () => {
  it('shows what had happened by the end of the day; live, everything dated', () => {
    expect(happenedBy('2021-09-30', '2021-09-30')).toBe(true);
    expect(happenedBy('2021-10-01', '2021-09-30')).toBe(false);
    expect(happenedBy(null, '2021-09-30')).toBe(false);
    expect(happenedBy('2031-01-01', null)).toBe(true);
  });

  it('counts a measure value once its quarter has ended, whenever it was recorded', () => {
    expect(measurePeriodCounts('2021/22 Q2', '2021-09-30')).toBe(true);
    expect(measurePeriodCounts('2021/22 Q2', '2021-09-29')).toBe(false);
    expect(measurePeriodCounts('2021/22 Q3', '2021-09-30')).toBe(false);
    expect(measurePeriodCounts('not a period', null)).toBe(false);
    expect(measurePeriodCounts('2028/29 Q4', null)).toBe(true);
  });
});

describe('the plan’s time zone', () => {
  it('takes today and the start of a day in the UK', () => {
    expect(todayInPlanTimeZone(new Date('2021-06-30T23:30:00Z'))).toBe('2021-07-01');
    expect(todayInPlanTimeZone(new Date('2021-12-31T23:30:00Z'))).toBe('2021-12-31');
    expect(startOfPlanDay('2021-07-01').toISOString()).toBe('2021-06-30T23:00:00.000Z');
    expect(startOfPlanDay('2021-12-01').toISOString()).toBe('2021-12-01T00:00:00.000Z');
  });
});
