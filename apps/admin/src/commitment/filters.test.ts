import { describe, expect, it } from 'vitest';
import { connectionArgs, filtersToQuery, isFiltered, parseFilters } from './filters.js';

describe('commitment filters in the URL', () => {
  it('reads a shared link', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'status=IN_PROGRESS&rag=RED&overdue=yes&q=burglary&owner=Lead&priority=2&sort=due&dir=desc',
      ),
    );
    expect(filters).toMatchObject({
      status: 'IN_PROGRESS',
      rag: 'RED',
      overdue: true,
      q: 'burglary',
      owner: 'Lead',
      priority: 2,
      sort: 'due',
      dir: 'desc',
      page: 1,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('drops values it does not know instead of sending them to the API', () => {
    const filters = parseFilters(
      new URLSearchParams('status=FINISHED&rag=PURPLE&priority=1.5&sort=colour&page=-3'),
    );
    expect(filters).toMatchObject({
      status: null,
      rag: null,
      priority: null,
      sort: 'code',
      page: 1,
    });
    expect(isFiltered(filters)).toBe(false);
  });

  it('takes any priority a plan may have, not only six', () => {
    expect(parseFilters(new URLSearchParams('priority=9')).priority).toBe(9);
    expect(parseFilters(new URLSearchParams('priority=0')).priority).toBeNull();
  });

  it('writes only what differs from the defaults', () => {
    const query = filtersToQuery({ ...parseFilters(new URLSearchParams('')), rag: 'AMBER' });
    expect(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== null))).toEqual({
      rag: 'AMBER',
    });
  });
});

describe('connection arguments', () => {
  it('asks for overdue work as at today, and "not yet rated" as notRated', () => {
    const args = connectionArgs(
      parseFilters(new URLSearchParams('overdue=yes&rag=NONE&priority=X')),
      '2026-11-23',
    );
    expect(args.filter).toEqual({
      work: { overdueAt: '2026-11-23', notRated: true },
      crossCutting: true,
    });
    expect(args).toMatchObject({ first: 20, orderBy: { field: 'CODE', direction: 'ASC' } });
  });

  it('pages backwards from a cursor', () => {
    const args = connectionArgs(
      parseFilters(new URLSearchParams('before=abc&page=2&sort=progress&dir=desc')),
      '2026-11-23',
    );
    expect(args).toMatchObject({
      last: 20,
      before: 'abc',
      orderBy: { field: 'PROGRESS', direction: 'DESC' },
    });
  });
});
