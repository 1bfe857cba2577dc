import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';
import { PATTERNS, routes, screenBeforePlans } from './routes.js';

const PLAN = 'county-2025-29';

describe('routes', () => {
  it('build the paths the router matches, with segments encoded', () => {
    const built = routes.commitment(PLAN, '1.2 3');
    expect(built).toBe('/plans/county-2025-29/commitments/1.2%203');
    expect(matchPath(PATTERNS.commitment, built)).toEqual({ plan: PLAN, code: '1.2 3' });
    expect(matchPath(PATTERNS.actionUpdate, routes.actionUpdate(PLAN, 'QWN0aW9uOjE='))).toEqual({
      plan: PLAN,
      id: 'QWN0aW9uOjE=',
    });
    expect(matchPath(PATTERNS.theme, routes.theme(PLAN, 1, 2))).toEqual({
      plan: PLAN,
      number: '1',
      position: '2',
    });
    expect(matchPath(PATTERNS.dashboard, routes.dashboard('a plan/2'))).toEqual({
      plan: 'a plan/2',
    });
  });

  it('put every screen of a plan under its slug, and the organisation’s screens outside', () => {
    const inPlan = [
      routes.dashboard(PLAN),
      routes.commitments(PLAN),
      routes.priority(PLAN, 1),
      routes.commitmentUpdate(PLAN, '1.1.1'),
      routes.newAction(PLAN, '1.1.1'),
      routes.action(PLAN, 'id'),
      routes.actionEdit(PLAN, 'id'),
      routes.actionArchive(PLAN, 'id'),
      routes.myUpdates(PLAN),
      routes.timeline(PLAN),
      routes.reports(PLAN),
    ];
    for (const path of inPlan) expect(path.startsWith(`/plans/${PLAN}`)).toBe(true);
    expect([
      routes.home(),
      routes.signIn(),
      routes.administration(),
      routes.accessibility(),
    ]).toEqual(['/', '/sign-in', '/admin', '/accessibility']);
    // The home matches only itself: a plan's dashboard is not the home.
    expect(matchPath(PATTERNS.home, routes.dashboard(PLAN))).toBeNull();
  });

  it('put loading plans under administration, with the plan to revise in its path', () => {
    expect(routes.importPlan()).toBe('/admin/plans/import');
    expect(matchPath(PATTERNS.importPlan, routes.importPlan())).toEqual({});
    expect(matchPath(PATTERNS.revisePlan, routes.revisePlan('a plan/2'))).toEqual({
      plan: 'a plan/2',
    });
    expect(matchPath(PATTERNS.revisePlan, routes.importPlan())).toBeNull();
    expect(routes.administration('plans')).toBe('/admin?tab=plans');
    expect(routes.dashboard(PLAN, { imported: true })).toBe('/plans/county-2025-29?imported=yes');
    expect(screenBeforePlans(routes.revisePlan(PLAN))).toBeNull();
  });

  it('leave default tabs out of the URL and keep what a save announces', () => {
    expect(routes.commitment(PLAN, '1.1.1', { tab: 'details' })).toBe(
      '/plans/county-2025-29/commitments/1.1.1',
    );
    expect(routes.commitment(PLAN, '1.1.1', { tab: 'history', saved: 'update' })).toBe(
      '/plans/county-2025-29/commitments/1.1.1?tab=history&saved=update',
    );
    expect(routes.administration()).toBe('/admin');
    expect(routes.administration('audit', { type: 'User', after: null })).toBe(
      '/admin?tab=audit&type=User',
    );
    expect(routes.reports(PLAN, '2021/22 Q2')).toBe(
      '/plans/county-2025-29/reports?period=2021%2F22+Q2',
    );
    expect(routes.reportFile(PLAN, '2021-22-Q2', 'csv')).toBe(
      '/reports/county-2025-29/2021-22-Q2.csv',
    );
    expect(routes.signIn({ signedOut: true })).toBe('/sign-in?signed-out=yes');
  });
});

describe('screenBeforePlans', () => {
  it('takes an old address of a plan’s screen to the same screen in a plan', () => {
    const old = screenBeforePlans('/commitments/1.2.3?tab=history');
    expect(old?.(PLAN)).toBe('/plans/county-2025-29/commitments/1.2.3?tab=history');
    expect(screenBeforePlans('/reports?period=2021%2F22+Q2')?.(PLAN)).toBe(
      '/plans/county-2025-29/reports?period=2021%2F22+Q2',
    );
    expect(screenBeforePlans('/priorities/1/themes/2')?.(PLAN)).toBe(
      '/plans/county-2025-29/priorities/1/themes/2',
    );
    expect(screenBeforePlans('/actions/QWN0aW9uOjE%3D/update')?.(PLAN)).toBe(
      '/plans/county-2025-29/actions/QWN0aW9uOjE%3D/update',
    );
  });

  it('leaves every other address alone', () => {
    for (const path of ['/', '/admin', '/sign-in', '/no-such-page', '/commitments/1/history']) {
      expect(screenBeforePlans(path)).toBeNull();
    }
    expect(screenBeforePlans(routes.commitment(PLAN, '1.2.3'))).toBeNull();
  });
});
