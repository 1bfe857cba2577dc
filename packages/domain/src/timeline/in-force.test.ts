import { describe, expect, it } from 'vitest';
import { isInForce, revisionsInForceFrom } from './in-force.js';

const revisions = [
  { id: 'r2024', publishedOn: '2024-09-30' },
  { id: 'r2021', publishedOn: '2021-10-31' },
];

describe('revisionsInForceFrom', () => {
  it('dates the first revision from the start of the plan, later ones from publication', () => {
    expect(revisionsInForceFrom(revisions, '2021-05-13')).toEqual(
      new Map([
        ['r2024', '2024-09-30'],
        ['r2021', '2021-05-13'],
      ]),
    );
  });

  it('keeps a first revision published before the plan period begins at its publication', () => {
    expect(revisionsInForceFrom(revisions, '2022-01-01').get('r2021')).toBe('2021-10-31');
  });
});

describe('isInForce', () => {
  const from = revisionsInForceFrom(revisions, '2021-05-13');
  const original = { introducedInRevisionId: 'r2021' };
  const added = { introducedInRevisionId: 'r2024' };
  const withdrawn = { introducedInRevisionId: 'r2021', withdrawnInRevisionId: 'r2024' };

  it('holds a first-revision commitment from the start of the plan', () => {
    expect(isInForce(original, from, '2021-05-12')).toBe(false);
    expect(isInForce(original, from, '2021-05-13')).toBe(true);
    expect(isInForce(original, from, '2021-09-30')).toBe(true);
  });

  it('holds a later commitment from the day its revision is published', () => {
    expect(isInForce(added, from, '2024-09-29')).toBe(false);
    expect(isInForce(added, from, '2024-09-30')).toBe(true);
  });

  it('drops a withdrawn commitment on the day the withdrawing revision is published', () => {
    expect(isInForce(withdrawn, from, '2024-09-29')).toBe(true);
    expect(isInForce(withdrawn, from, '2024-09-30')).toBe(false);
  });

  it('is false for a revision it does not know', () => {
    expect(isInForce({ introducedInRevisionId: 'unknown' }, from, '2030-01-01')).toBe(false);
  });
});
