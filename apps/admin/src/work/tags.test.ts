import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './tags.js';

describe('dates for people', () => {
  it('writes calendar dates the GOV.UK way', () => {
    expect(formatDate('2029-03-31')).toBe('31 March 2029');
    expect(formatDate(null)).toBe('Not set');
  });

  it('writes instants in UK time', () => {
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 2:05pm');
  });
});
