// The scalars' wire format: what clients send and receive for dates, instants and JSON.
import { type GraphQLScalarType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';

const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;
const literalErrors = (asAt: string) =>
  validate(schema, parse(`{ plan(slug: "x", asAt: "${asAt}") { title } }`)).map((e) => e.message);

describe('Date', () => {
  it('is YYYY-MM-DD both ways, from strings and from the Date objects of date columns', () => {
    expect(scalar('Date').serialize(new Date('2021-05-13T00:00:00.000Z'))).toBe('2021-05-13');
    expect(scalar('Date').serialize('2021-05-13')).toBe('2021-05-13');
    expect(scalar('Date').parseValue('2024-02-29')).toBe('2024-02-29');
    expect(literalErrors('2021-05-13')).toEqual([]);
  });

  it('refuses dates that do not exist and other forms, saying which form to use', () => {
    for (const value of ['2021-02-30', '2021-13-01', '13/05/2021', '2021-05-13T00:00:00Z']) {
      expect(literalErrors(value)).toEqual([
        `"${value}" is not a calendar date. Use the form YYYY-MM-DD, for example 2021-05-13.`,
      ]);
      expect(() => scalar('Date').parseValue(value)).toThrow(/is not a calendar date/);
    }
  });
});

describe('DateTime', () => {
  it('serialises to an ISO 8601 string in UTC with milliseconds', () => {
    expect(scalar('DateTime').serialize(new Date('2021-08-24T09:30:00+01:00'))).toBe(
      '2021-08-24T08:30:00.000Z',
    );
  });

  it('parses RFC 3339 with an offset and refuses a date without a time', () => {
    const parsed = scalar('DateTime').parseValue('2021-08-24T09:30:00+01:00') as Date;
    expect(parsed.toISOString()).toBe('2021-08-24T08:30:00.000Z');
    expect(() => scalar('DateTime').parseValue('2021-08-24')).toThrow(/DateTime/);
    expect(() => scalar('DateTime').parseValue('yesterday')).toThrow(/yesterday/);
  });
});

describe('JSON', () => {
  it('passes any JSON value through unchanged', () => {
    const value = { status: 'IN_PROGRESS', evidence: [{ url: 'https://example.org' }], rag: null };
    expect(scalar('JSON').serialize(value)).toEqual(value);
    expect(scalar('JSON').serialize('text')).toBe('text');
  });
});
