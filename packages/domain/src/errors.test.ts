import { describe, expect, it } from 'vitest';
import {
  DomainError,
  invalidPeriodLabelError,
  invalidRangeError,
  isDomainError,
} from './errors.js';

describe('DomainError', () => {
  it('is an Error with a stable code and details', () => {
    const error = invalidPeriodLabelError('2021/23 Q1');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('TIMELINE_INVALID_PERIOD_LABEL');
    expect(error.details).toEqual({ value: '2021/23 Q1' });
    expect(error.message).toContain('2021/22 Q2');
  });

  it('is recognised by isDomainError, optionally by code', () => {
    const error = invalidRangeError('2022-01-01', '2021-01-01');
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'TIMELINE_INVALID_RANGE')).toBe(true);
    expect(isDomainError(error, 'TIMELINE_INVALID_DATE')).toBe(false);
    expect(isDomainError(new Error('plain'))).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('low level');
    expect(new DomainError('TIMELINE_INVALID_DATE', 'bad', {}, { cause }).cause).toBe(cause);
  });
});
