import { describe, expect, it } from 'vitest';
import { matchPath, withQuery } from './router.js';

describe('matchPath', () => {
  it('reads named segments and decodes them', () => {
    expect(matchPath('/commitments/:id', '/commitments/abc%201')).toEqual({ id: 'abc 1' });
  });

  it('refuses paths of another shape', () => {
    expect(matchPath('/commitments/:id', '/commitments')).toBeNull();
    expect(matchPath('/commitments/:id', '/actions/1')).toBeNull();
    expect(matchPath('/commitments/:id/update', '/commitments/1/history')).toBeNull();
  });

  it('ignores a trailing slash', () => {
    expect(matchPath('/dashboard', '/dashboard/')).toEqual({});
  });
});

describe('withQuery', () => {
  it('keeps only values that are set, so shared links stay short', () => {
    expect(withQuery('/commitments', { status: 'IN_PROGRESS', q: '', page: 2, rag: null })).toBe(
      '/commitments?status=IN_PROGRESS&page=2',
    );
    expect(withQuery('/commitments', {})).toBe('/commitments');
  });
});
