import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type HistoryEntry,
  type RowHistoryEntry,
  rowAsAt,
  rowsAsAt,
  rowTimeline,
} from './as-at.js';

interface Row {
  readonly id: string;
  readonly code: string;
  status: string;
  rag: string | null;
  owner: string | null;
  archivedAt: string | null;
}

const FIELDS = ['status', 'rag', 'owner', 'archivedAt'] as const;

function change(
  effectiveOn: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): HistoryEntry {
  return { create: false, before, after, effectiveOn };
}

describe('rowAsAt', () => {
  // Rated GREEN in July, AMBER at the end of September; then, written last, a correction that
  // the owner was Head of Policy from August.
  const live: Row = {
    id: 'c1',
    code: '1.1.1',
    status: 'IN_PROGRESS',
    rag: 'AMBER',
    owner: 'Head of Policy',
    archivedAt: null,
  };
  const history = [
    change(
      '2021-07-15',
      { status: 'NOT_STARTED', rag: null },
      { status: 'IN_PROGRESS', rag: 'GREEN' },
    ),
    change('2021-09-30', { rag: 'GREEN' }, { rag: 'AMBER' }),
    change('2021-08-01', { owner: null }, { owner: 'Head of Policy' }),
  ];
  const at = (date: string) => rowAsAt(live, history, FIELDS, date);

  it('is the live state as at today, and at the date of the latest entry', () => {
    expect(at('2026-12-07')).toEqual(live);
    expect(at('2021-09-30')).toEqual(live);
  });

  it('holds a back-dated correction from its date, not before', () => {
    expect(at('2021-07-31')).toMatchObject({ status: 'IN_PROGRESS', rag: 'GREEN', owner: null });
    expect(at('2021-08-01')).toMatchObject({ rag: 'GREEN', owner: 'Head of Policy' });
  });

  it('always has a row with no create entry, as it was before any recorded change', () => {
    expect(at('2021-07-14')).toEqual({ ...live, status: 'NOT_STARTED', rag: null, owner: null });
    expect(at('1900-01-01')).toEqual(at('2021-07-14'));
    expect(rowAsAt(live, [], FIELDS, '1900-01-01')).toBe(live);
  });

  it('has no row before its create entry’s date, even when it was written earlier', () => {
    const created: HistoryEntry = {
      create: true,
      before: {},
      after: { status: 'NOT_STARTED', rag: null, owner: 'OPCC' },
      effectiveOn: '2022-04-01',
    };
    const action: Row = { ...live, id: 'a1', owner: 'OPCC', rag: null, status: 'NOT_STARTED' };
    expect(rowAsAt(action, [created], FIELDS, '2022-03-31')).toBeUndefined();
    expect(rowAsAt(action, [created], FIELDS, '2022-04-01')).toEqual(action);
  });

  it('lets the entry written later win when two change one field out of date order', () => {
    // Written first: RED from 1 October. Written second: AMBER from 1 September, a correction.
    const row: Row = { ...live, rag: 'AMBER' };
    const entries = [
      change('2021-10-01', { rag: 'GREEN' }, { rag: 'RED' }),
      change('2021-09-01', { rag: 'RED' }, { rag: 'AMBER' }),
    ];
    const rag = (date: string) => rowAsAt(row, entries, FIELDS, date)?.rag;
    expect(rag('2021-08-31')).toBe('GREEN');
    expect(rag('2021-09-15')).toBe('AMBER');
    // Both apply from October, in the order written: the correction is the later knowledge.
    expect(rag('2021-10-15')).toBe('AMBER');
  });

  it('keeps an archived row, archived only from the archive’s date', () => {
    const archived: Row = { ...live, archivedAt: '2022-02-01T10:00:00.000Z' };
    const entries = [
      change('2022-02-01', { archivedAt: null }, { archivedAt: '2022-02-01T10:00:00.000Z' }),
    ];
    expect(rowAsAt(archived, entries, FIELDS, '2022-01-31')?.archivedAt).toBeNull();
    expect(rowAsAt(archived, entries, FIELDS, '2022-02-01')).toEqual(archived);
  });

  it('replays only the fields it is given, whatever else an entry holds', () => {
    const entries = [change('2022-01-01', { rag: null, code: '9.9.9' }, { rag: 'AMBER' })];
    expect(rowAsAt(live, entries, FIELDS, '2021-12-31')).toEqual({ ...live, rag: null });
  });
});

describe('rowsAsAt', () => {
  const commitment: Row = {
    id: 'c1',
    code: '1.1.1',
    status: 'COMPLETED',
    rag: 'GREEN',
    owner: null,
    archivedAt: null,
  };
  const action: Row = { ...commitment, id: 'a1', code: '1.1.1/a' };
  const entries: RowHistoryEntry[] = [
    { rowId: 'a1', create: true, before: {}, after: {}, effectiveOn: '2021-06-01' },
    { rowId: 'c1', ...change('2021-09-30', { status: 'ONGOING' }, { status: 'COMPLETED' }) },
    { rowId: 'other', ...change('2021-01-01', { status: 'X' }, { status: 'Y' }) },
  ];

  it('answers each date in the order asked, rows in their given order', () => {
    const [may, july, october] = rowsAsAt([commitment, action], entries, FIELDS, [
      '2021-05-31',
      '2021-07-01',
      '2021-10-01',
    ]);
    expect(may).toEqual([{ ...commitment, status: 'ONGOING' }]);
    expect(july?.map((r) => [r.id, r.status])).toEqual([
      ['c1', 'ONGOING'],
      ['a1', 'COMPLETED'],
    ]);
    expect(october).toEqual([commitment, action]);
  });
});

/**
 * Random histories written the way the services write them: each write changes some fields,
 * records their old values as `before` and new ones as `after`, and is dated on any day, so
 * many are back-dated; live is the state after the last write.
 */
const FIELD_VALUES = {
  status: fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'ONGOING', 'COMPLETED'),
  rag: fc.constantFrom(null, 'GREEN', 'AMBER', 'RED'),
  owner: fc.constantFrom(null, 'OPCC', 'Force'),
  archivedAt: fc.constantFrom(null, '2022-01-01T00:00:00.000Z'),
};
const dayArb = fc.integer({ min: 0, max: 99 }).map((n) => {
  const day = new Date(Date.UTC(2021, 4, 13 + n * 7));
  return day.toISOString().slice(0, 10);
});
const writeArb = fc.record({
  effectiveOn: dayArb,
  values: fc.record(FIELD_VALUES, { requiredKeys: [] }),
});
const historyArb = fc.record({
  created: fc.option(dayArb, { nil: undefined }),
  origin: fc.record(FIELD_VALUES),
  writes: fc.array(writeArb, { maxLength: 12 }),
});

type HistoryCase = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function written({ created, origin, writes }: HistoryCase) {
  let state: Row = { id: 'r', code: '1.1.1', ...origin };
  const entries: HistoryEntry[] = [];
  if (created !== undefined) {
    entries.push({ create: true, before: {}, after: { ...origin }, effectiveOn: created });
  }
  for (const { effectiveOn, values } of writes) {
    const before = Object.fromEntries(
      Object.keys(values).map((key) => [key, state[key as keyof Row]]),
    );
    entries.push(change(effectiveOn, before, values));
    state = { ...state, ...values };
  }
  return { live: state, entries };
}

describe('rowTimeline on random histories', () => {
  it('is the live state on and after the latest date in the history', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (history, someDay) => {
        const { live, entries } = written(history);
        const latest =
          entries
            .map((e) => e.effectiveOn)
            .sort()
            .at(-1) ?? someDay;
        const timeline = rowTimeline(live, entries, FIELDS);
        expect(timeline.at(latest)).toEqual(live);
        expect(timeline.at('2099-12-31')).toEqual(live);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('exists before every date only when it has no create entry', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const { live, entries } = written(history);
        const state = rowTimeline(live, entries, FIELDS).at('2000-01-01');
        if (history.created === undefined) {
          expect(state).toEqual({ id: 'r', code: '1.1.1', ...history.origin });
        } else expect(state).toBeUndefined();
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
