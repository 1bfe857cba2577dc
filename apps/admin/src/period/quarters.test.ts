import { describe, expect, it } from 'vitest';
import {
  defaultUpdateQuarter,
  earlierOpenQuarters,
  latestClosedQuarter,
  updatableQuarters,
} from './quarters.js';

const quarter = (label: string, startDate: string, endDate: string, closed = false) => ({
  label,
  startDate,
  endDate,
  closed,
});
const q1 = quarter('2026/27 Q1', '2026-04-01', '2026-06-30');
const q2 = quarter('2026/27 Q2', '2026-07-01', '2026-09-30');
const q3 = quarter('2026/27 Q3', '2026-10-01', '2026-12-31');
const q4 = quarter('2026/27 Q4', '2027-01-01', '2027-03-31');
const closed = (p: ReturnType<typeof quarter>) => ({ ...p, closed: true });

describe('the quarter an update counts towards', () => {
  it('is the quarter just ended while it is open', () => {
    expect(defaultUpdateQuarter([q1, q2, q3, q4], '2026-12-08')?.label).toBe('2026/27 Q2');
  });
  it('is the current quarter once the one before is closed', () => {
    expect(defaultUpdateQuarter([q1, closed(q2), q3, q4], '2026-12-08')?.label).toBe('2026/27 Q3');
  });
  it('is the closed current quarter when nothing is open, so the form can say so', () => {
    const all = [closed(q1), closed(q2), closed(q3)];
    expect(defaultUpdateQuarter(all, '2026-12-08')?.label).toBe('2026/27 Q3');
    expect(defaultUpdateQuarter([], '2026-12-08')).toBeNull();
  });
  it('is offered among open quarters that have begun, never a future or closed one', () => {
    expect(updatableQuarters([q4, q3, closed(q2), q1], '2026-12-08').map((p) => p.label)).toEqual([
      '2026/27 Q1',
      '2026/27 Q3',
    ]);
  });
});

describe('closing and reopening in order', () => {
  it('closes the open quarters before the one closed, oldest first', () => {
    const periods = [q3, q2, closed(q1), q4];
    expect(earlierOpenQuarters(periods, '2026/27 Q3').map((p) => p.label)).toEqual(['2026/27 Q2']);
    expect(earlierOpenQuarters(periods, '2026/27 Q2')).toEqual([]);
    expect(earlierOpenQuarters(periods, 'no such quarter')).toEqual([]);
  });
  it('reopens only the latest closed quarter', () => {
    expect(latestClosedQuarter([closed(q2), closed(q1), q3])?.label).toBe('2026/27 Q2');
    expect(latestClosedQuarter([q1, q2])).toBeNull();
  });
});
