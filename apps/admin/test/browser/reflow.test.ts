/**
 * Reflow (WCAG 2.1 success criterion 1.4.10): every screen at 320 CSS pixels wide, the width of
 * a 1280 px window zoomed to 400%, reads without scrolling the page sideways, and axe-core still
 * finds nothing wrong there. A wide table may scroll inside its own labelled, focusable region;
 * the page itself never does. Screenshots of each screen at that width go to
 * apps/admin/screenshots/ (reflow-*.png) for a person to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chromiumMissing,
  describeViolations,
  launchChromium,
  planFixture,
  type RunningApp,
  screenshotsDir,
  signIn,
  startApp,
} from './harness.js';

const WIDTH = 320;

const missing = await chromiumMissing();
if (missing && !process.env.CI) {
  console.warn(`\n[admin reflow tests] skipped: ${missing}\n`);
}

/** Waits until the screen has its heading and nothing says it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((el) =>
        el.textContent?.trim().startsWith('Loading'),
      ) && !document.querySelector('[aria-busy="true"]'),
  );
}

/** How wide the page is, and which elements stick out beyond the viewport (for a failure). */
async function measure(page: Page): Promise<{ scrollWidth: number; overflowing: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const overflowing: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > limit + 0.5 && box.width > 0) {
        // Only the outermost culprit: skip elements inside a region that scrolls on its own.
        if (element.closest('.app-table-scroll')) continue;
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
          element.className && typeof element.className === 'string'
            ? `.${element.className.trim().split(/\s+/).join('.')}`
            : ''
        }`;
        overflowing.push(`${name} (right edge ${Math.round(box.right)})`);
        if (overflowing.length >= 8) break;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, overflowing };
  });
}

describe.skipIf(missing !== null && !process.env.CI)('every screen at 320 px wide', () => {
  let app: RunningApp;
  let browser: Browser;
  const widths: Record<string, number> = {};

  beforeAll(async () => {
    if (missing) throw new Error(`The browser suite cannot run in CI: ${missing}`);
    app = await startApp();
    browser = await launchChromium();
    await mkdir(screenshotsDir, { recursive: true });
  });

  afterAll(async () => {
    await writeFile(
      join(screenshotsDir, 'reflow-widths.json'),
      `${JSON.stringify(widths, null, 2)}\n`,
    ).catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  async function check(page: Page, name: string): Promise<void> {
    await settled(page);
    const { scrollWidth, overflowing } = await measure(page);
    widths[name] = scrollWidth;
    await page.screenshot({ path: join(screenshotsDir, `reflow-${name}.png`), fullPage: true });
    // Soft: one run reports every screen that does not reflow, not only the first.
    expect
      .soft(
        scrollWidth,
        `${name} is ${scrollWidth} px wide at ${WIDTH} px; sticking out: ${overflowing.join(', ')}`,
      )
      .toBeLessThanOrEqual(WIDTH);
    const violations = await axeViolations(page);
    expect
      .soft(violations, `axe-core on ${name} at ${WIDTH} px:\n${describeViolations(violations)}`)
      .toEqual([]);
  }

  it('sign in, and every screen an administrator can reach', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({
      baseURL: app.url,
      viewport: { width: WIDTH, height: 720 },
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await check(page, 'sign-in');
    await signIn(page, app.users.admin, { alreadyOnSignIn: true });

    // A delivery action to visit: the first of the commitment the contributor owns.
    const actionId = await page.evaluate(
      async ({ code, slug }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
          body: JSON.stringify({
            query:
              'query($slug: String!, $code: String!) { plan(slug: $slug) { commitment(code: $code) { actions { id } } } }',
            variables: { code, slug },
          }),
        });
        const body = await response.json();
        return body.data.plan.commitment.actions[0].id as string;
      },
      { code: app.owned.code, slug: app.plan.slug },
    );
    const plan = `/plans/${app.plan.slug}`;
    const action = encodeURIComponent(actionId);
    const withActions = encodeURIComponent(app.owned.code);
    const plain = encodeURIComponent(app.plain[0] as string);

    const screens: [name: string, path: string][] = [
      ['dashboard', plan],
      ['commitments', `${plan}/commitments`],
      ['commitments-filtered', `${plan}/commitments?rag=RED&overdue=yes`],
      ['priority', `${plan}/priorities/1`],
      ['theme', `${plan}/priorities/1/themes/1`],
      ['commitment', `${plan}/commitments/${withActions}`],
      ['commitment-actions', `${plan}/commitments/${withActions}?tab=actions`],
      ['commitment-measures', `${plan}/commitments/${withActions}?tab=measures`],
      ['commitment-history', `${plan}/commitments/${withActions}?tab=history`],
      ['update', `${plan}/commitments/${plain}/update`],
      ['update-rolled-up', `${plan}/commitments/${withActions}/update`],
      ['action-new', `${plan}/commitments/${withActions}/actions/new`],
      ['action', `${plan}/actions/${action}`],
      ['action-update', `${plan}/actions/${action}/update`],
      ['action-edit', `${plan}/actions/${action}/edit`],
      ['action-archive', `${plan}/actions/${action}/archive`],
      ['my-updates', `${plan}/my-updates`],
      ['timeline', `${plan}/timeline`],
      ['reports', `${plan}/reports`],
      ['report', `${plan}/reports?period=2021%2F22+Q2`],
      ['admin-users', '/admin'],
      ['admin-plans', '/admin?tab=plans'],
      ['plan-import', '/admin/plans/import'],
      ['plan-revise', `/admin/plans/${app.plan.slug}/revise`],
      ['admin-api-keys', '/admin?tab=api-keys'],
      ['admin-periods', '/admin?tab=periods'],
      ['admin-audit', '/admin?tab=audit'],
      ['accessibility', '/accessibility'],
      ['not-found', '/no-such-page'],
    ];
    for (const [name, path] of screens) {
      await page.goto(path);
      await check(page, name);
    }

    // The update form with its error summary: long messages must wrap too.
    await page.goto(`${plan}/commitments/${plain}/update`);
    await settled(page);
    await page.getByLabel('Progress (per cent)').fill('150');
    await page.getByLabel('Web address of link 1').fill('not a web address');
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check(page, 'update-errors');
    await page.getByRole('link', { name: 'Cancel' }).click();

    // The quarterly cycle: closing a later quarter asks first and names the earlier open ones;
    // then the periods closed, a final report with its stored-report check, and the update form
    // on a quarter that has since closed.
    await page.goto('/admin?tab=periods');
    await settled(page);
    await page.getByRole('button', { name: 'Close 2022/23 Q2', exact: true }).click();
    await page.getByTestId('closes-with-it').waitFor();
    await check(page, 'admin-periods-confirm');
    await page
      .getByRole('button', { name: /^Close 2022\/23 Q2 and \d+ earlier quarters$/ })
      .click();
    await page.getByText('2022/23 Q2 is closed, and with it').waitFor({ timeout: 60_000 });
    await check(page, 'admin-periods-closed');
    await page.goto(`${plan}/reports?period=2022%2F23+Q2`);
    await page.getByTestId('report-chain').locator('code').waitFor();
    await check(page, 'report-final');
    await page.goto(`${plan}/commitments/${plain}/update`);
    await settled(page);
    await page.evaluate(
      ({ key }) => {
        const draft = JSON.parse(sessionStorage.getItem(key) ?? '{}');
        sessionStorage.setItem(key, JSON.stringify({ ...draft, period: '2022/23 Q2' }));
      },
      { key: `plan-tracker:update-draft:commitment:${app.plain[0]}` },
    );
    await page.reload();
    await page.getByTestId('period-closed').waitFor();
    await check(page, 'update-closed-quarter');
    await context.close();
  });

  it('the choice of plans, and the page for an organisation with no plan yet', async () => {
    for (const [name, user] of [
      ['plan-picker', app.severalPlans.user],
      ['no-plan', app.noPlan.admin],
    ] as const) {
      const context = await browser.newContext({
        baseURL: app.url,
        viewport: { width: WIDTH, height: 720 },
      });
      const page = await context.newPage();
      await signIn(page, user);
      await check(page, name);
      if (name === 'plan-picker') {
        await page.goto(`/plans/${app.severalPlans.plans[0]?.slug}`);
        await check(page, 'dashboard-of-an-empty-plan');
      } else {
        await page.goto('/admin?tab=periods');
        await check(page, 'admin-periods-none');
      }
      await context.close();
    }
  });
  it('importing a plan and loading a revision, with their previews and errors', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({
      baseURL: app.url,
      viewport: { width: WIDTH, height: 720 },
    });
    const page = await context.newPage();
    // The office with no plan yet: this test gives it one, so it runs after the one above.
    await signIn(page, app.noPlan.admin);
    await page.goto('/admin/plans/import');
    await settled(page);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check(page, 'plan-import-errors');

    await page.getByLabel('Plan file').setInputFiles(planFixture('wessex-plan-2025-29.txt'));
    await page.getByLabel('Title').fill('Wessex Police and Crime Plan 2025–29');
    await page.getByLabel('Slug').fill('wessex-2025-29');
    for (const [id, [day, month, year]] of [
      ['plan-period-start', ['1', '4', '2025']],
      ['plan-period-end', ['31', '3', '2029']],
    ] as const) {
      await page.locator(`#${id}`).fill(day);
      await page.locator(`#${id}-month`).fill(month);
      await page.locator(`#${id}-year`).fill(year);
    }
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor();
    await page.getByText('Every quarter').click();
    await check(page, 'plan-import-preview');
    await page.getByRole('button', { name: 'Confirm and import' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await check(page, 'plan-imported-dashboard');

    await page.goto('/admin?tab=plans');
    await check(page, 'admin-plans-draft');
    await page.goto('/admin/plans/wessex-2025-29/revise');
    await settled(page);
    await page
      .getByLabel('File of the revised plan')
      .setInputFiles(planFixture('wessex-plan-2025-29-revised-2027.txt'));
    await page.getByLabel('Revision code').fill('2027');
    await page.locator('#revision-published-on').fill('1');
    await page.locator('#revision-published-on-month').fill('10');
    await page.locator('#revision-published-on-year').fill('2026');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('revision-preview').waitFor();
    await check(page, 'plan-revise-preview');
    await page.getByRole('button', { name: 'Confirm and load the revision' }).click();
    await page.getByText('Revision 2027 is loaded').waitFor();
    await check(page, 'plan-revised');
    await context.close();
  });
});
