/**
 * The admin app in a real browser: Debian's Chromium, driven by playwright-core, against the
 * built app and the real API on a seeded database (see harness.ts). Each screen is also checked
 * with axe-core, and screenshots of the main screens are saved in apps/admin/screenshots/.
 *
 * Without Chromium the suite is skipped locally with the reason printed, and fails in CI.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  chromiumMissing,
  describeViolations,
  launchChromium,
  type RunningApp,
  screenshotsDir,
  signedInContext,
  signIn,
  startApp,
} from './harness.js';

const missing = await chromiumMissing();
if (missing && !process.env.CI) {
  console.warn(`\n[admin browser tests] skipped: ${missing}\n`);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core on ${screen}:\n${describeViolations(violations)}`).toEqual([]);
}

/** The codes in the commitments table, once it has finished loading. */
async function codesOnPage(page: Page): Promise<string[]> {
  await page.locator('[data-testid="commitments-results"][aria-busy="false"]').waitFor();
  return page.getByTestId('commitments-table').locator('tbody tr td:first-child').allTextContents();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

describe.skipIf(missing !== null && !process.env.CI)('admin app in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    if (missing) throw new Error(`The browser suite cannot run in CI: ${missing}`);
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses wrong details with an error summary that takes focus and links to the field', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign in');
    await screenshot(page, '01-sign-in');

    await page.getByLabel('Email address').fill(app.users.editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect
      .poll(() => summary.textContent())
      .toContain('The email address or password is not right');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'sign in with an error');

    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await context.close();
  });

  it('signs in, shows the dashboard, and signs out', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.admin);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('table', { name: 'Priorities' }).waitFor();
    await page.getByText('Now compared with the end of').waitFor();
    expect(
      await page.getByRole('table', { name: 'Priorities' }).locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(6);
    await expectAccessible(page, 'dashboard');
    await screenshot(page, '02-dashboard');

    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();
    await page.goto('/commitments');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('says the session has ended, and returns to the same page after signing in again', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.goto('/commitments?q=burglar');
    await page.getByTestId('commitments-table').waitFor();
    // The session cookie expires: the browser stops sending it.
    await context.clearCookies();
    await page.reload();
    await page.getByText('Your session has ended').waitFor();
    await expectAccessible(page, 'sign in after the session ended');
    await page.getByLabel('Email address').fill(app.users.editor.email);
    await page.getByLabel('Password').fill(app.users.editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('commitments-table').waitFor();
    expect(new URL(page.url()).search).toBe('?q=burglar');
    await context.close();
  });

  it('filters the commitments table, keeps the filters in the URL, and sorts', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.getByRole('link', { name: 'Commitments' }).click();
    await page.getByTestId('commitments-table').waitFor();
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(/of \d+ commitments/);
    await expectAccessible(page, 'commitments');
    await screenshot(page, '03-commitments');

    await page.getByLabel('Search').fill('burglar');
    await page.getByLabel('Priority').selectOption('1');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('q=burglar');
    expect(page.url()).toContain('priority=1');
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(/^Showing 1 to \d+ of \d+ commitments?$/);
    const codes = await codesOnPage(page);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code.trim()).toMatch(/^1\./);
    const texts = await page
      .getByTestId('commitments-table')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    for (const text of texts) expect(text.toLowerCase()).toContain('burglar');

    // A shared link shows the same view.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await other.getByTestId('commitments-table').waitFor();
    expect(await other.getByLabel('Search').inputValue()).toBe('burglar');
    expect(await codesOnPage(other)).toEqual(codes);

    // Sorting by code, descending, reverses plan order.
    await page.getByRole('button', { name: /^Code/ }).click();
    await expect.poll(() => page.url()).toContain('dir=desc');
    await expect.poll(() => codesOnPage(page)).toEqual([...codes].reverse());
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Code');
    await context.close();
  });

  it('pages through all commitments', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.viewer);
    await page.goto('/commitments');
    await page.getByTestId('commitments-table').waitFor();
    const firstPage = await codesOnPage(page);
    expect(firstPage).toHaveLength(20);
    await page.getByRole('link', { name: /Next/ }).click();
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(/^Showing 21 to 40 of \d+ commitments$/);
    const secondPage = await codesOnPage(page);
    expect(secondPage.some((code) => firstPage.includes(code))).toBe(false);
    await page.getByRole('link', { name: /Previous/ }).click();
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toMatch(/^Showing 1 to 20 of \d+ commitments$/);
    expect(await codesOnPage(page)).toEqual(firstPage);
    await context.close();
  });

  it('shows a commitment with its details, actions, measures and history', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.goto(`/commitments/${app.owned.code}`);
    await page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    await expectAccessible(page, 'commitment details');
    await screenshot(page, '04-commitment');
    for (const tab of ['Delivery actions', 'Measures', 'History']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.getByRole('tabpanel').getByRole('heading', { name: tab }).waitFor();
      await expectAccessible(page, `commitment ${tab.toLowerCase()}`);
    }
    await context.close();
  });

  it('offers edit controls only to people who may use them', async () => {
    const contributor = await signedInContext(browser, app, app.users.contributor);
    await contributor.page.goto(`/commitments/${app.owned.code}`);
    await contributor.page.getByRole('link', { name: 'Record an update' }).waitFor();
    await contributor.page.goto(`/commitments/${app.notOwned.code}`);
    await contributor.page
      .getByRole('heading', { name: `Commitment ${app.notOwned.code}` })
      .waitFor();
    expect(await contributor.page.getByRole('link', { name: 'Record an update' }).count()).toBe(0);
    await contributor.context.close();

    const viewer = await signedInContext(browser, app, app.users.viewer);
    await viewer.page.goto(`/commitments/${app.owned.code}`);
    await viewer.page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    expect(await viewer.page.getByRole('link', { name: 'Record an update' }).count()).toBe(0);
    expect(await viewer.page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await viewer.context.close();
  });

  it('signs in from a deep link and comes back to it', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto(`/commitments/${app.owned.code}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, app.users.viewer, { alreadyOnSignIn: true });
    await page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    await context.close();
  });
});
