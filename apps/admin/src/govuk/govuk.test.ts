import { describe, expect, it } from 'vitest';
import { pageNumbers } from './content.js';
import { datePartsFromIso, isoFromDateParts } from './fields.js';

describe('pageNumbers', () => {
  it('shows every page when there are few', () => {
    expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
  });

  it('shows the first, the last and the neighbours, with gaps', () => {
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, null, 10]);
  });
});

describe('date input', () => {
  it('round-trips an ISO date through the three fields', () => {
    const parts = datePartsFromIso('2027-03-09');
    expect(parts).toEqual({ day: '9', month: '3', year: '2027' });
    expect(isoFromDateParts(parts, 'Due date')).toEqual({ iso: '2027-03-09' });
  });

  it('treats three empty fields as no date', () => {
    expect(isoFromDateParts({ day: '', month: ' ', year: '' }, 'Due date')).toEqual({ iso: null });
  });

  it('says which part is missing, in GOV.UK wording', () => {
    expect(isoFromDateParts({ day: '1', month: '', year: '2027' }, 'Due date')).toEqual({
      error: 'Due date must include a month',
    });
  });

  it('refuses dates that do not exist', () => {
    expect(isoFromDateParts({ day: '30', month: '2', year: '2027' }, 'Start date')).toEqual({
      error: 'Start date must be a real date',
    });
  });
});
