import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';
import { PATTERNS, routes } from './routes.js';

describe('routes', () => {
  it('build the paths the router matches, with segments encoded', () => {
    const built = routes.commitment('1.2 3');
    expect(built).toBe('/commitments/1.2%203');
    expect(matchPath(PATTERNS.commitment, built)).toEqual({ code: '1.2 3' });
    expect(matchPath(PATTERNS.actionUpdate, routes.actionUpdate('QWN0aW9uOjE='))).toEqual({
      id: 'QWN0aW9uOjE=',
    });
    expect(matchPath(PATTERNS.theme, routes.theme(1, 2))).toEqual({ number: '1', position: '2' });
  });

  it('leave default tabs out of the URL and keep what a save announces', () => {
    expect(routes.commitment('1.1.1', { tab: 'details' })).toBe('/commitments/1.1.1');
    expect(routes.commitment('1.1.1', { tab: 'history', saved: 'update' })).toBe(
      '/commitments/1.1.1?tab=history&saved=update',
    );
    expect(routes.administration()).toBe('/admin');
    expect(routes.administration('audit', { type: 'User', after: null })).toBe(
      '/admin?tab=audit&type=User',
    );
    expect(routes.reports('2021/22 Q2')).toBe('/reports?period=2021%2F22+Q2');
    expect(routes.signIn({ signedOut: true })).toBe('/sign-in?signed-out=yes');
  });
});
