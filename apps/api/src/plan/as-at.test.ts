import { describe, expect, it } from 'vitest';
import { type FigureEvent, figuresAsAt } from './as-at.js';

const now = { status: 'COMPLETED', rag: 'GREEN', progressPercent: 100 } as const;
const events: FigureEvent[] = [
  {
    on: '2021-10-15',
    sequence: 1,
    before: { status: 'NOT_STARTED', rag: null, progressPercent: 0 },
    after: { status: 'IN_PROGRESS', rag: 'AMBER', progressPercent: 10 },
  },
  {
    on: '2022-03-01',
    sequence: 2,
    before: { status: 'IN_PROGRESS', rag: 'AMBER', progressPercent: 60 },
    after: { status: 'COMPLETED', rag: 'GREEN', progressPercent: 100 },
  },
];

describe('figuresAsAt', () => {
  it('uses the "before" of the first later event before any history', () => {
    expect(figuresAsAt(now, events, '2021-10-14')).toEqual({
      status: 'NOT_STARTED',
      rag: null,
      progressPercent: 0,
    });
  });
  it('uses the "after" of the latest event on or before the date', () => {
    expect(figuresAsAt(now, events, '2021-10-15')).toEqual({
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      progressPercent: 10,
    });
    expect(figuresAsAt(now, events, '2023-01-01')).toEqual(now);
  });
  it("keeps today's figures when nothing was recorded", () => {
    expect(figuresAsAt(now, [], '2021-01-01')).toEqual(now);
  });
  it('takes each figure from the events that recorded it', () => {
    const ragOnly: FigureEvent[] = [
      { on: '2022-01-01', sequence: 1, before: { rag: 'RED' }, after: { rag: 'AMBER' } },
    ];
    expect(figuresAsAt(now, ragOnly, '2021-12-31')).toEqual({ ...now, rag: 'RED' });
  });
});
