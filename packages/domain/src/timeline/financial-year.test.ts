import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  comparePeriods,
  financialYearOf,
  financialYearStartYear,
  isPeriodLabel,
  nextPeriod,
  periodFromLabel,
  previousPeriod,
  quarterEndDate,
  quarterOf,
  quarterStartDate,
} from './financial-year.js';

describe('financial years', () => {
  it('runs April to March', () => {
    expect(financialYearOf('2022-03-31')).toBe('2021/22');
    expect(financialYearOf('2022-04-01')).toBe('2022/23');
    expect(financialYearOf('2099-12-01')).toBe('2099/00');
  });

  it('reads labels only when the second year follows the first', () => {
    expect(financialYearStartYear('2021/22')).toBe(2021);
    expect(financialYearStartYear('2099/00')).toBe(2099);
    expect(financialYearStartYear('2021/23')).toBeNull();
    expect(financialYearStartYear('2021-22')).toBeNull();
  });
});

describe('quarterOf', () => {
  it.each([
    ['2021-04-01', '2021/22 Q1'],
    ['2021-06-30', '2021/22 Q1'],
    ['2021-07-01', '2021/22 Q2'],
    ['2021-08-24', '2021/22 Q2'],
    ['2021-12-31', '2021/22 Q3'],
    ['2022-01-01', '2021/22 Q4'],
    ['2022-03-31', '2021/22 Q4'],
  ])('%s is in %s', (date, label) => {
    expect(quarterOf(date).label).toBe(label);
  });

  it('gives first and last days', () => {
    expect(quarterOf('2021-08-24')).toEqual({
      label: '2021/22 Q2',
      financialYear: '2021/22',
      startYear: 2021,
      quarter: 2,
      startDate: '2021-07-01',
      endDate: '2021-09-30',
    });
    expect(quarterEndDate('2023/24 Q4')).toBe('2024-03-31');
    expect(quarterStartDate('2023/24 Q4')).toBe('2024-01-01');
  });
});

describe('periodFromLabel', () => {
  it('reads a valid label', () => {
    expect(periodFromLabel('2021/22 Q3')).toMatchObject({
      startDate: '2021-10-01',
      endDate: '2021-12-31',
    });
  });

  it.each([
    '2021/23 Q1',
    '2021/22 Q5',
    '2021/22 Q0',
    '2021-22 Q1',
    '2021/22Q1',
    ' 2021/22 Q1',
    '2021/22 q1',
  ])('rejects %j with a typed error', (label) => {
    expect(isPeriodLabel(label)).toBe(false);
    expect(() => periodFromLabel(label)).toThrow(DomainError);
    try {
      periodFromLabel(label);
    } catch (error) {
      expect((error as DomainError).code).toBe('TIMELINE_INVALID_PERIOD_LABEL');
    }
  });
});

describe('previous and next periods', () => {
  it('crosses financial-year boundaries', () => {
    expect(nextPeriod('2021/22 Q4').label).toBe('2022/23 Q1');
    expect(previousPeriod('2022/23 Q1').label).toBe('2021/22 Q4');
    expect(nextPeriod('2021/22 Q2').label).toBe('2021/22 Q3');
    expect(previousPeriod(nextPeriod('2024/25 Q3')).label).toBe('2024/25 Q3');
  });

  it('orders periods', () => {
    expect(comparePeriods('2021/22 Q4', '2022/23 Q1')).toBeLessThan(0);
    expect(comparePeriods('2022/23 Q1', '2021/22 Q4')).toBeGreaterThan(0);
    expect(comparePeriods('2022/23 Q1', periodFromLabel('2022/23 Q1'))).toBe(0);
  });
});
