import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { addDays } from './calendar.js';
import { DORSET_PLAN_PERIOD, elapsedShare, isOverdue, planQuarters } from './plan.js';

describe('planQuarters', () => {
  it('gives the 32 quarters of the Dorset plan', () => {
    const quarters = planQuarters(DORSET_PLAN_PERIOD.start, DORSET_PLAN_PERIOD.end);
    expect(quarters).toHaveLength(32);
    expect(quarters[0]?.label).toBe('2021/22 Q1');
    expect(quarters.at(-1)?.label).toBe('2028/29 Q4');
    expect(new Set(quarters.map((q) => q.label)).size).toBe(32);
    // Each quarter starts the day after the previous one ends: no gaps, no overlaps.
    quarters.slice(1).forEach((quarter, i) => {
      expect(quarter.startDate).toBe(addDays(quarters[i]?.endDate ?? '', 1));
    });
  });

  it('gives one quarter for a range inside a quarter', () => {
    expect(planQuarters('2021-07-10', '2021-07-20').map((q) => q.label)).toEqual(['2021/22 Q2']);
  });

  it('rejects an end before the start', () => {
    expect(() => planQuarters('2022-01-01', '2021-12-31')).toThrowError(/before the start/);
  });
});

describe('elapsedShare', () => {
  const start = '2021-04-01';
  const end = '2021-06-30'; // 91 days

  it('counts whole days including the "as at" date', () => {
    expect(elapsedShare(start, end, '2021-04-01')).toBeCloseTo(1 / 91);
    expect(elapsedShare(start, end, '2021-05-15')).toBeCloseTo(45 / 91);
    expect(elapsedShare(start, end, '2021-06-30')).toBe(1);
  });

  it('is clamped to 0 before and 1 after the period', () => {
    expect(elapsedShare(start, end, '2021-03-31')).toBe(0);
    expect(elapsedShare(start, end, '2020-01-01')).toBe(0);
    expect(elapsedShare(start, end, '2030-01-01')).toBe(1);
  });

  it('is about half way through the Dorset plan in spring 2025', () => {
    const share = elapsedShare(DORSET_PLAN_PERIOD.start, DORSET_PLAN_PERIOD.end, '2025-04-20');
    expect(share).toBeGreaterThan(0.49);
    expect(share).toBeLessThan(0.51);
  });

  it('rejects a reversed period', () => {
    expect(() => elapsedShare(end, start, '2021-05-01')).toThrow();
  });
});

describe('isOverdue', () => {
  it('is overdue only when the due date is strictly before the date', () => {
    expect(isOverdue({ dueDate: '2021-09-29', status: 'IN_PROGRESS' }, '2021-09-30')).toBe(true);
    expect(isOverdue({ dueDate: '2021-09-30', status: 'IN_PROGRESS' }, '2021-09-30')).toBe(false);
  });

  it('is never overdue when completed, withdrawn or undated', () => {
    expect(isOverdue({ dueDate: '2021-01-01', status: 'COMPLETED' }, '2022-01-01')).toBe(false);
    expect(isOverdue({ dueDate: '2021-01-01', status: 'WITHDRAWN' }, '2022-01-01')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'NOT_STARTED' }, '2022-01-01')).toBe(false);
  });

  it('counts deferred and ongoing work as overdue once past due', () => {
    expect(isOverdue({ dueDate: '2021-01-01', status: 'DEFERRED' }, '2022-01-01')).toBe(true);
    expect(isOverdue({ dueDate: '2021-01-01', status: 'ONGOING' }, '2022-01-01')).toBe(true);
  });

  it('rejects a bad "as at" date', () => {
    try {
      isOverdue({ dueDate: null, status: 'NOT_STARTED' }, '2022-02-30');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'TIMELINE_INVALID_DATE')).toBe(true);
    }
  });
});
