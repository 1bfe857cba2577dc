/**
 * The admin app in a real browser: Debian's Chromium, driven by playwright-core, against the
 * built app and the real API on a seeded database (see harness.ts). Each screen is also checked
 * with axe-core, and screenshots of the main screens are saved in apps/admin/screenshots/.
 *
 * Without Chromium the suite is skipped locally with the reason printed, and fails in CI.
 */
import {
  nextPeriod,
  PLAN_TIME_ZONE,
  previousPeriod,
  quarterOf,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  expectAccessible,
  launchChromium,
  pathOf,
  type RunningApp,
  screenshot,
  signedInContext,
  signIn,
  startApp,
  type TestUser,
} from './harness.js';

const missing = await chromiumMissing();
if (missing && !process.env.CI) {
  console.warn(`\n[admin browser tests] skipped: ${missing}\n`);
}

/** The codes in the commitments table, once it has finished loading. */
async function codesOnPage(page: Page): Promise<string[]> {
  await page.locator('[data-testid="commitments-results"][aria-busy="false"]').waitFor();
  return page.getByTestId('commitments-table').locator('tbody tr td:first-child').allTextContents();
}

/** What to Tab to: an element's id, a form control's name, or its text. */
type TabTarget = { id: string } | { name: string } | { text: string };

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, target: TabTarget, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((want) => {
      const element = document.activeElement;
      if (!element) return false;
      if ('id' in want) return element.id === want.id;
      if ('name' in want) return element.getAttribute('name') === want.name;
      return element.textContent?.trim() === want.text;
    }, target);
    if (found) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** "N at risk" (or another rating) from the dashboard's ratings. */
async function ratingCount(page: Page, rating: string): Promise<number> {
  const text = await page
    .getByText(new RegExp(`^\\d+ ${rating}$`))
    .first()
    .textContent();
  return Number(text?.split(' ')[0]);
}

/** The names of the GraphQL mutations the page sends from now on, in order. */
function graphqlMutations(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const query = (request.postDataJSON() as { query?: string } | null)?.query ?? '';
    const name = /^\s*mutation\s+(\w+)/.exec(query)?.[1];
    if (name) names.push(name);
  });
  return names;
}

/** The variables of each ClosePeriod mutation the page sends from now on. */
function closeRequests(page: Page): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { query?: string; variables?: object } | null;
    if (/^\s*mutation\s+ClosePeriod\b/.test(body?.query ?? '')) {
      sent.push({ ...(body?.variables ?? {}) });
    }
  });
  return sent;
}

/** Today as the app writes a date, e.g. `8 December 2026`, in the plan's time zone. */
function todayWritten(): string {
  return new Date().toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: PLAN_TIME_ZONE,
  });
}

/** The row of a quarter in the periods table. */
function periodRow(page: Page, label: string) {
  return page.getByTestId('periods').locator(`tr[id="period-${label}"]`);
}

/** The path of a screen of the seeded plan, e.g. `inPlan('/commitments')`. */
let inPlan: (path: string) => string;

describe.skipIf(missing !== null && !process.env.CI)('admin app in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    if (missing) throw new Error(`The browser suite cannot run in CI: ${missing}`);
    app = await startApp();
    inPlan = (path) => `/plans/${app.plan.slug}${path}`;
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

  it('signs in, opens the organisation’s only plan at its dashboard, and signs out', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.admin);
    // The home goes straight to the one plan: its address has the plan in it.
    await expect.poll(() => pathOf(page)).toBe(inPlan(''));
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('current-plan').textContent()).toBe(`Plan: ${app.plan.title}`);
    expect(await page.getByRole('link', { name: 'Change plan' }).count()).toBe(0);
    // The header names the organisation, as the API gives it.
    expect(await page.locator('.govuk-generic-header__homepage-link').textContent()).toBe(
      'Office of the Dorset Police and Crime Commissioner',
    );
    await page.getByRole('table', { name: 'Priorities' }).waitFor();
    await page.getByText('Now compared with the end of').waitFor();
    expect(
      await page.getByRole('table', { name: 'Priorities' }).locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(6);
    await expectAccessible(page, 'dashboard');
    await screenshot(page, '02-dashboard');

    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();
    await page.goto(inPlan('/commitments'));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('says the session has ended, and returns to the same page after signing in again', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.goto(inPlan('/commitments?q=burglar'));
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
    expect(pathOf(page)).toBe(inPlan('/commitments?q=burglar'));
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
    await page.goto(inPlan('/commitments'));
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
    await page.goto(inPlan(`/commitments/${app.owned.code}`));
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
    await contributor.page.goto(inPlan(`/commitments/${app.owned.code}`));
    await contributor.page.getByRole('link', { name: 'Record an update' }).waitFor();
    await contributor.page.goto(inPlan(`/commitments/${app.notOwned.code}`));
    await contributor.page
      .getByRole('heading', { name: `Commitment ${app.notOwned.code}` })
      .waitFor();
    expect(await contributor.page.getByRole('link', { name: 'Record an update' }).count()).toBe(0);
    await contributor.context.close();

    const viewer = await signedInContext(browser, app, app.users.viewer);
    await viewer.page.goto(inPlan(`/commitments/${app.owned.code}`));
    await viewer.page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    expect(await viewer.page.getByRole('link', { name: 'Record an update' }).count()).toBe(0);
    expect(await viewer.page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await viewer.context.close();
  });

  it('records an update by keyboard alone, and shows it in the history and on the dashboard', async () => {
    const code = app.plain[0] as string;
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.goto('/');
    await page.getByRole('table', { name: 'Priorities' }).waitFor();
    const atRiskBefore = await ratingCount(page, 'at risk');

    await page.goto(inPlan(`/commitments/${code}`));
    await page.getByRole('heading', { name: `Commitment ${code}` }).waitFor();
    await tabTo(page, { text: 'Record an update' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    await expectAccessible(page, 'update form');

    // Status: the radio group starts on the current status; the arrow key moves to the next.
    await tabTo(page, { name: 'status' });
    await page.keyboard.press('ArrowDown');
    // Rating: "Not yet rated" (last) is chosen, so Tab lands on it; the arrow key wraps round to
    // "On track", then moves on to "At risk".
    await tabTo(page, { name: 'rag' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('In progress').isChecked()).toBe(true);
    expect(await page.getByLabel('At risk').isChecked()).toBe(true);
    await tabTo(page, { id: 'progress' });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('15');
    await tabTo(page, { id: 'narrative' });
    await page.keyboard.type(
      'Keyboard update: the partnership board met and agreed a recovery plan.',
    );
    await tabTo(page, { id: 'evidence-0-title' });
    await page.keyboard.type('Board minutes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://www.dorset.pcc.police.uk/minutes');
    await screenshot(page, '05-update-form');
    await tabTo(page, { text: 'Save update' });
    await page.keyboard.press('Enter');

    await page.getByText('Your update has been saved').waitFor();
    const history = page.getByTestId('history');
    await history.waitFor();
    const latest = history.locator('li.app-timeline__item').first();
    expect(await latest.textContent()).toContain('Keyboard update: the partnership board met');
    expect(await latest.textContent()).toContain('Status: Not started → In progress');
    expect(await latest.textContent()).toContain('Rating: Not yet rated → At risk');
    expect(await latest.textContent()).toContain('Progress: 0% → 15%');
    expect(await latest.textContent()).toContain(`by ${app.users.editor.name}`);
    expect(await latest.getByRole('link', { name: /Board minutes/ }).getAttribute('href')).toBe(
      'https://www.dorset.pcc.police.uk/minutes',
    );
    await expectAccessible(page, 'commitment history after an update');
    await screenshot(page, '06-commitment-history');

    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.getByRole('table', { name: 'Priorities' }).waitFor();
    await expect.poll(() => ratingCount(page, 'at risk')).toBe(atRiskBefore + 1);
    // The count leads to the table filtered on the same figures: as many rows as it says.
    await page.getByRole('link', { name: `${atRiskBefore + 1} at risk` }).click();
    await page
      .getByText(new RegExp(`^Showing 1 to \\d+ of ${atRiskBefore + 1} commitments?$`))
      .waitFor();
    await context.close();
  });

  it('shows what is wrong with an update, moves focus to the summary, and links to each field', async () => {
    const code = app.plain[1] as string;
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    const mutations = graphqlMutations(page);
    await page.goto(inPlan(`/commitments/${code}/update`));
    await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    await page.getByLabel('Progress (per cent)').fill('150');
    await page.locator('#dueDate').fill('31');
    await page.locator('#dueDate-month').fill('2');
    await page.locator('#dueDate-year').fill('2027');
    await page.getByLabel('Web address of link 1').fill('not a web address');
    await page.getByRole('button', { name: 'Save update' }).click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).toBe(true);
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual([
      'Progress must be a whole number from 0 to 100',
      'The due date must be a real date',
      'Enter a progress note saying what has happened',
      'Enter a title for evidence link 1',
      'Enter the web address of evidence link 1 in the correct format, like https://www.example.org/report',
    ]);
    expect(await page.title()).toMatch(/^Error: Record an update/);
    await expectAccessible(page, 'update form with errors');
    await screenshot(page, '07-update-form-errors');

    await summary
      .getByRole('link', { name: 'Enter a progress note saying what has happened' })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('narrative');
    await summary
      .getByRole('link', { name: 'Progress must be a whole number from 0 to 100' })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('progress');
    // What was typed is still there.
    expect(await page.getByLabel('Progress (per cent)').inputValue()).toBe('150');
    expect(await page.getByLabel('Web address of link 1').inputValue()).toBe('not a web address');

    // Put it right and save.
    await page.getByLabel('Progress (per cent)').fill('10');
    await page.locator('#dueDate-month').fill('3');
    await page.getByLabel('Web address of link 1').fill('');
    await page.getByLabel('Progress note').fill('Corrected after the checks.');
    expect(mutations, 'the checks run in the browser before anything is sent').toEqual([]);
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.getByText('Your update has been saved').waitFor();
    // Figures, due date and note are saved together: one write, never half an update.
    expect(mutations).toEqual(['AddProgressUpdate']);
    await page.getByRole('tab', { name: /^Details/ }).click();
    await page.getByRole('tabpanel').getByText('31 March 2027').first().waitFor();
    await context.close();
  });

  it('tells the second of two editors that someone saved first, shows their change, and keeps what they typed', async () => {
    const code = app.plain[2] as string;
    const first = await signedInContext(browser, app, app.users.editor);
    const second = await signedInContext(browser, app, app.users.admin);
    for (const { page } of [first, second]) {
      await page.goto(inPlan(`/commitments/${code}/update`));
      await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    }
    await first.page.getByLabel('At risk').check();
    await first.page.getByLabel('Progress note').fill('First editor: the contract was signed.');
    await second.page.getByLabel('On track').check();
    await second.page.getByLabel('Progress note').fill('Second editor: training has started.');

    await first.page.getByRole('button', { name: 'Save update' }).click();
    await first.page.getByText('Your update has been saved').waitFor();

    await second.page.getByRole('button', { name: 'Save update' }).click();
    const conflict = second.page.getByTestId('conflict');
    await conflict.waitFor();
    expect(
      await second.page.getByText('Someone else saved changes to this commitment first').count(),
    ).toBe(1);
    expect(await conflict.textContent()).toContain('Not yet rated → At risk');
    expect(await conflict.textContent()).toContain('First editor: the contract was signed.');
    expect(await second.page.getByLabel('Progress note').inputValue()).toBe(
      'Second editor: training has started.',
    );
    expect(await second.page.getByLabel('On track').isChecked()).toBe(true);
    await expectAccessible(second.page, 'update form after a conflict');
    await screenshot(second.page, '08-update-conflict');

    await second.page.getByRole('button', { name: 'Save my update again' }).click();
    await second.page.getByText('Your update has been saved').waitFor();
    const notes = await second.page
      .getByTestId('history')
      .locator('li.app-timeline__item p.govuk-body')
      .allTextContents();
    expect(notes.slice(0, 2)).toEqual([
      'Second editor: training has started.',
      'First editor: the contract was signed.',
    ]);
    const newest = await second.page
      .getByTestId('history')
      .locator('li.app-timeline__item')
      .first()
      .textContent();
    expect(newest).toContain('Rating: At risk → On track');
    await first.context.close();
    await second.context.close();
  });

  it('refuses a contributor an edit of work they do not own, in the app and in the API', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.contributor);
    await page.goto(inPlan(`/commitments/${app.notOwned.code}/update`));
    await page.getByRole('heading', { name: 'You cannot update this commitment' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save update' }).count()).toBe(0);

    // Even a hand-made request from the contributor's signed-in browser is refused.
    const answer = await page.evaluate(
      async ({ code, slug }) => {
        const post = (query: string, variables: unknown) =>
          fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
            body: JSON.stringify({ query, variables }),
          }).then((r) => r.json());
        const read = await post(
          'query($slug: String!, $code: String!) { plan(slug: $slug) { commitment(code: $code) { id version } } }',
          { slug, code },
        );
        const c = read.data.plan.commitment;
        return post(
          `mutation($id: ID!, $v: Int!) { addProgressUpdate(subject: $id, expectedVersion: $v, input: { period: "2026/27 Q3", recordedOn: "2026-11-23", narrative: "Not mine" }) { __typename ... on MutationError { message } } }`,
          { id: c.id, v: c.version },
        );
      },
      { code: app.notOwned.code, slug: app.plan.slug },
    );
    expect(answer.data.addProgressUpdate.__typename).toBe('ForbiddenError');

    // Their own commitment they can update. It has delivery actions, so its owner and due date
    // come from them: shown, not offered as fields.
    await page.goto(inPlan(`/commitments/${app.owned.code}/update`));
    await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    await page.getByText('These come from the commitment’s delivery actions').waitFor();
    expect(await page.locator('#owner').count()).toBe(0);
    expect(await page.locator('#dueDate').count()).toBe(0);
    expect(await page.locator('#startDate').count()).toBe(1);
    await context.close();
  });

  it('adds, changes, completes and archives a delivery action and its milestones', {
    timeout: 90_000,
  }, async () => {
    const code = app.plain[3] as string;
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    await page.goto(inPlan(`/commitments/${code}?tab=actions`));
    await page.getByRole('link', { name: 'Add a delivery action' }).click();
    await page.getByRole('heading', { name: 'Add a delivery action' }).waitFor();
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter what is to be done' })
      .waitFor();
    await page.getByLabel('What is to be done').fill('Commission a victims’ needs assessment');
    await page.getByLabel('Owner').fill('OPCC Policy and Commissioning');
    await page.locator('#dueDate').fill('30');
    await page.locator('#dueDate-month').fill('6');
    await page.locator('#dueDate-year').fill('2027');
    await expectAccessible(page, 'add a delivery action');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.getByText('The delivery action has been added').waitFor();
    await page.getByRole('heading', { name: 'Commission a victims’ needs assessment' }).waitFor();
    await expectAccessible(page, 'delivery action');

    await page.getByLabel('What marks the milestone').fill('Survey sent to partners');
    await page.locator('#milestone-due').fill('31');
    await page.locator('#milestone-due-month').fill('1');
    await page.locator('#milestone-due-year').fill('2027');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByText('The milestone has been added').waitFor();
    await page.getByRole('button', { name: 'Mark as complete Survey sent to partners' }).click();
    await page.getByText('The milestone has been marked as complete').waitFor();
    expect(await page.getByTestId('milestones').textContent()).not.toContain('Not yet');
    await screenshot(page, '09-delivery-action');

    await page.getByRole('link', { name: 'Change details' }).click();
    await page
      .getByLabel('What is to be done')
      .fill('Commission and publish a victims’ needs assessment');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The delivery action has been changed').waitFor();
    await page
      .getByRole('heading', { name: 'Commission and publish a victims’ needs assessment' })
      .waitFor();

    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await page.getByText('The delivery action has been marked as complete').waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Completed');

    await page.getByRole('link', { name: 'Archive' }).click();
    await page.getByRole('heading', { name: /Archive “/ }).waitFor();
    await expectAccessible(page, 'archive a delivery action');
    await page.getByRole('button', { name: 'Archive the action' }).click();
    await page.getByRole('heading', { name: `Commitment ${code}` }).waitFor();
    expect(await page.getByRole('tabpanel').textContent()).not.toContain(
      'victims’ needs assessment',
    );
    await context.close();
  });

  it('shows my updates, the timeline of 32 quarters and the reports, each accessible', {
    timeout: 90_000,
  }, async () => {
    const contributor = await signedInContext(browser, app, app.users.contributor);
    await contributor.page.getByRole('link', { name: 'My updates' }).click();
    await contributor.page.getByRole('heading', { name: 'My updates' }).waitFor();
    await contributor.page.getByTestId('my-updates').first().waitFor();
    expect(await contributor.page.getByTestId('my-updates').first().textContent()).toContain(
      `Update commitment ${app.owned.code}`,
    );
    await expectAccessible(contributor.page, 'my updates');
    await screenshot(contributor.page, '10-my-updates');

    // The contributor updates a delivery action they own, straight from the list.
    const actionLink = contributor.page
      .getByTestId('my-updates')
      .first()
      .getByRole('link', { name: /^Update “/ })
      .first();
    const actionTitle = (await actionLink.textContent())?.replace(/^Update “|”$/g, '') as string;
    await actionLink.click();
    await contributor.page.getByRole('heading', { name: 'Record an update' }).waitFor();
    await contributor.page
      .getByLabel('Progress note')
      .fill('Contributor: patrols doubled in the town centre.');
    await contributor.page.getByRole('button', { name: 'Save update' }).click();
    await contributor.page.getByText('Your update has been saved').waitFor();
    expect(await contributor.page.getByTestId('history').textContent()).toContain(
      'Contributor: patrols doubled in the town centre.',
    );
    await contributor.page.getByRole('link', { name: 'My updates' }).click();
    await contributor.page.getByRole('heading', { name: 'My updates' }).waitFor();
    await contributor.page.getByTestId('my-updates').first().waitFor();
    expect(await contributor.page.getByTestId('my-updates').first().textContent()).not.toContain(
      actionTitle,
    );
    await contributor.context.close();

    const { context, page } = await signedInContext(browser, app, app.users.viewer);
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByTestId('timeline-year').first().waitFor();
    expect(await page.getByTestId('timeline-year').count()).toBe(8);
    expect(await page.locator('[data-testid="timeline-year"] tbody tr').count()).toBe(32);
    await expectAccessible(page, 'timeline');
    await screenshot(page, '11-timeline');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByLabel('Quarter').selectOption('2021/22 Q2');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByRole('heading', { name: 'Monitoring report for 2021/22 Q2' }).waitFor();
    expect(page.url()).toContain('period=2021%2F22+Q2');
    const csv = page.getByRole('link', { name: 'Spreadsheet (CSV)' });
    expect(await csv.getAttribute('href')).toBe(`/reports/${app.plan.slug}/2021-22-Q2.csv`);
    const download = await page.request.get(`${app.url}/reports/${app.plan.slug}/2021-22-Q2.csv`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    await expectAccessible(page, 'reports');
    await screenshot(page, '12-reports');
    await context.close();
  });

  it('lets an administrator manage users, make an API key shown once, and close a reporting period', {
    timeout: 60_000,
  }, async () => {
    const { context, page } = await signedInContext(browser, app, app.users.admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByTestId('users').waitFor();
    await expectAccessible(page, 'administration: users');
    await screenshot(page, '13-admin-users');

    await page.getByLabel('Name', { exact: true }).last().fill('Priya Partner');
    await page.getByLabel('Work email address').fill('priya.partner@dorset-opcc.example');
    await page.getByLabel('Contributor').last().check();
    await page.getByLabel('Owner labels (optional)').fill('OPCC Policy and Commissioning');
    await page.getByLabel('First password').fill('a long first password');
    await page.getByRole('button', { name: 'Add the account' }).click();
    await page.getByText('Priya Partner can now sign in').waitFor();
    expect(await page.getByTestId('users').textContent()).toContain(
      'priya.partner@dorset-opcc.example',
    );

    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByLabel('What is it for?').fill('Dorset Council dashboard');
    await page.getByRole('button', { name: 'Make the key' }).click();
    const secret = await page.getByTestId('api-key-secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await expectAccessible(page, 'administration: API key made');
    await screenshot(page, '14-admin-api-key');
    // Shown once: after a reload it is gone, and only its start is listed.
    await page.reload();
    await page.getByTestId('api-keys').waitFor();
    expect(await page.content()).not.toContain(secret as string);

    await page.getByRole('tab', { name: 'Reporting periods' }).click();
    await page.getByTestId('periods').waitFor();
    await expectAccessible(page, 'administration: reporting periods');
    // The oldest quarter: nothing before it is open, so it closes alone, after a confirmation.
    await page.getByRole('button', { name: 'Close 2021/22 Q1', exact: true }).click();
    const confirm = page.getByTestId('confirm-close');
    await page.getByRole('heading', { name: 'Close 2021/22 Q1?' }).waitFor();
    expect(await confirm.textContent()).toContain('its monitoring report as final');
    expect(await confirm.getByTestId('closes-with-it').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Close 2021/22 Q1', exact: true }).click();
    await page
      .getByText(
        '2021/22 Q1 is closed: its report is stored as final and updates for it are refused',
      )
      .waitFor();

    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByTestId('audit-log').waitFor();
    await page.getByLabel('Kind of record').selectOption('ReportingPeriod');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('type=ReportingPeriod');
    await expect
      .poll(() => page.getByTestId('audit-log').locator('tbody tr').first().textContent())
      .toContain('Reporting period: close');
    expect(await page.getByTestId('audit-log').locator('tbody tr').first().textContent()).toContain(
      app.users.admin.name,
    );
    await expectAccessible(page, 'administration: audit log');
    await screenshot(page, '15-admin-audit-log');
    await context.close();

    // Others do not see administration at all.
    const editor = await signedInContext(browser, app, app.users.editor);
    await editor.page.goto('/admin');
    await editor.page
      .getByRole('heading', { name: 'You do not have permission to see this page' })
      .waitFor();
    await editor.context.close();
  });

  it('closes a later quarter with the earlier open ones after a confirmation naming them, and reopens only the latest closed', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedInContext(browser, app, app.users.admin);
    const sent = closeRequests(page);
    await page.goto('/admin?tab=periods');
    await page.getByTestId('periods').waitFor();
    // A quarter that has not ended cannot be closed yet.
    const current = quarterOf(todayInPlanTimeZone());
    expect(await periodRow(page, current.label).textContent()).toContain('Can be closed after');
    expect(
      await periodRow(page, current.label)
        .getByRole('button', { name: /^Close/ })
        .count(),
    ).toBe(0);

    // 2021/22 Q1 was closed above; the next four are open, so closing 2022/23 Q2 closes them too.
    await page.getByRole('button', { name: 'Close 2022/23 Q2', exact: true }).click();
    const confirm = page.getByTestId('confirm-close');
    await page.getByRole('heading', { name: 'Close 2022/23 Q2?' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Close 2022/23 Q2?',
    );
    expect(await confirm.textContent()).toContain(
      'Closing a quarter stores its monitoring report as final: it is sent to the Panel as it is, and updates for the quarter are then refused.',
    );
    expect(await confirm.getByTestId('closes-with-it').textContent()).toContain(
      '4 earlier quarters are still open, from 2021/22 Q2 to 2022/23 Q1.',
    );
    await expectAccessible(page, 'administration: confirm closing a quarter');
    await screenshot(page, '30-admin-close-confirm');

    // Cancelling closes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('periods').waitFor();
    expect(sent).toEqual([]);
    expect(await periodRow(page, '2021/22 Q2').textContent()).toContain('Open');

    await page.getByRole('button', { name: 'Close 2022/23 Q2', exact: true }).click();
    await confirm.getByLabel('Note for the history (optional)').fill('Panel of 2 February 2023');
    await confirm
      .getByRole('button', { name: 'Close 2022/23 Q2 and 4 earlier quarters', exact: true })
      .click();
    await page
      .getByText(
        '2022/23 Q2 is closed, and with it the 4 quarters from 2021/22 Q2 to 2022/23 Q1: their reports are stored as final and updates for them are refused',
      )
      .waitFor({ timeout: 60_000 });
    expect(sent).toEqual([
      {
        label: '2022/23 Q2',
        expectedVersion: expect.any(Number),
        note: 'Panel of 2 February 2023',
        closeEarlier: true,
      },
    ]);
    for (const label of [
      '2021/22 Q1',
      '2021/22 Q2',
      '2021/22 Q3',
      '2021/22 Q4',
      '2022/23 Q1',
      '2022/23 Q2',
    ]) {
      const row = await periodRow(page, label).textContent();
      expect(row, label).toContain('Closed');
      expect(row, label).toContain(`Closed on ${todayWritten()}`);
    }
    expect(await periodRow(page, '2022/23 Q3').textContent()).toContain('Open');
    // Only the latest closed quarter reopens; the others say which to reopen first.
    const reopenButtons = page.getByRole('button', { name: /^Reopen/ });
    expect(await reopenButtons.allTextContents()).toEqual(['Reopen 2022/23 Q2']);
    expect(await periodRow(page, '2022/23 Q1').textContent()).toContain('Reopen 2022/23 Q2 first');
    await expectAccessible(page, 'administration: quarters closed');
    await screenshot(page, '31-admin-periods-closed');

    // Reopening needs a reason; then the quarter before it is the one that reopens.
    await reopenButtons.first().click();
    await page.getByRole('button', { name: 'Reopen 2022/23 Q2', exact: true }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter why 2022/23 Q2 is being reopened' })
      .waitFor();
    await page.getByLabel('Why reopen 2022/23 Q2?').fill('A late figure from the force');
    await page.getByRole('button', { name: 'Reopen 2022/23 Q2', exact: true }).click();
    await page.getByText('2022/23 Q2 is open again').waitFor();
    expect(await periodRow(page, '2022/23 Q2').textContent()).toContain('Open');
    await expect
      .poll(() => page.getByRole('button', { name: /^Reopen/ }).allTextContents())
      .toEqual(['Reopen 2022/23 Q1']);

    // Closed again, alone now: nothing earlier is open.
    await page.getByRole('button', { name: 'Close 2022/23 Q2', exact: true }).click();
    expect(await confirm.getByTestId('closes-with-it').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Close 2022/23 Q2', exact: true }).click();
    await page
      .getByText(
        '2022/23 Q2 is closed: its report is stored as final and updates for it are refused',
      )
      .waitFor();
    expect(sent.at(-1)).toMatchObject({ label: '2022/23 Q2', closeEarlier: false });
    await context.close();
  });

  it('shows a closed quarter’s report as final with its date, an open one as a draft, and checks the stored reports', async () => {
    const { context, page } = await signedInContext(browser, app, app.users.viewer);
    await page.goto(inPlan('/reports?period=2022%2F23+Q2'));
    await page.getByRole('heading', { name: 'Monitoring report for 2022/23 Q2' }).waitFor();
    const state = page.getByTestId('report-state');
    expect(await state.textContent()).toContain('Final');
    expect(await state.textContent()).toContain(`Closed on ${todayWritten()}`);
    expect(await state.textContent()).not.toContain('Draft');

    const chain = page.getByTestId('report-chain');
    await chain.getByRole('heading', { name: 'Check the stored reports' }).waitFor();
    const chainText = await chain.textContent();
    expect(chainText).toContain('Intact');
    expect(chainText).toContain('Every stored report is as it was stored when its quarter closed.');
    const stored = Number(
      await chain
        .locator('.govuk-summary-list__row', { hasText: 'Stored reports' })
        .locator('dd')
        .textContent(),
    );
    // At least one stored report for each of the six quarters closed.
    expect(stored).toBeGreaterThanOrEqual(6);
    expect(await chain.locator('code.app-digest').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'a final report');
    await screenshot(page, '32-report-final');

    const justEnded = previousPeriod(quarterOf(todayInPlanTimeZone())).label;
    await page.getByLabel('Quarter').selectOption(justEnded);
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByRole('heading', { name: `Monitoring report for ${justEnded}` }).waitFor();
    await expect.poll(() => state.textContent()).toContain('Draft');
    expect(await state.textContent()).toContain(
      'This quarter is open, so the report can still change',
    );
    await expectAccessible(page, 'a draft report');
    await screenshot(page, '33-report-draft');
    await context.close();
  });

  it('names the quarter an update counts towards, defaults to the quarter just ended, and warns of a closed one', async () => {
    const today = todayInPlanTimeZone();
    const current = quarterOf(today);
    const justEnded = previousPeriod(current).label;
    const code = app.notOwned.code;
    const { context, page } = await signedInContext(browser, app, app.users.editor);
    const mutations = graphqlMutations(page);
    await page.goto(inPlan(`/commitments/${code}/update`));
    await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    const period = page.getByLabel('Reporting period');
    expect(await period.inputValue()).toBe(justEnded);
    const counts = page.getByTestId('counts-towards');
    expect(await counts.textContent()).toContain(
      `This update counts towards the ${justEnded} report (open, draft).`,
    );
    expect(await counts.textContent()).toContain(
      'The quarter has ended, so the update counts as at',
    );
    // Open quarters that have begun, newest first: no closed one, no future one.
    const offered = await period.locator('option').allTextContents();
    expect(offered[0]).toBe(current.label);
    expect(offered[1]).toBe(justEnded);
    expect(offered).not.toContain('2021/22 Q1');
    expect(offered).not.toContain('2022/23 Q2');
    expect(offered).not.toContain(nextPeriod(current).label);
    await expectAccessible(page, 'update form naming its quarter');
    await screenshot(page, '34-update-counts-towards');

    await period.selectOption(current.label);
    await expect
      .poll(() => counts.textContent())
      .toBe(`This update counts towards the ${current.label} report (open, draft).`);

    // A draft kept in the tab for a quarter that has since closed: the form says it is refused.
    await page.evaluate(
      ({ key }) => {
        const draft = JSON.parse(sessionStorage.getItem(key) ?? '{}');
        sessionStorage.setItem(key, JSON.stringify({ ...draft, period: '2022/23 Q2' }));
      },
      { key: `plan-tracker:update-draft:commitment:${code}` },
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Record an update' }).waitFor();
    expect(await period.inputValue()).toBe('2022/23 Q2');
    const warning = page.getByTestId('period-closed');
    expect(await warning.textContent()).toContain(
      `The 2022/23 Q2 report has already gone to the Panel: the quarter was closed on ${todayWritten()}`,
    );
    expect(await warning.textContent()).toContain('An administrator must reopen it first');
    expect(await page.getByTestId('counts-towards').count()).toBe(0);
    await expectAccessible(page, 'update form for a closed quarter');
    await screenshot(page, '35-update-closed-quarter');
    await page.getByLabel('Progress note').fill('Written for a closed quarter.');
    await page.getByRole('button', { name: 'Save update' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: '2022/23 Q2 is closed: select an open reporting period' })
      .waitFor();
    expect(mutations).toEqual([]);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await context.close();
  });

  it('signs in with the documented demo user', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    expect(app.demo?.email).toBe('editor@dorset-opcc.example');
    await signIn(page, app.demo as TestUser);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('(editor)');
    await context.close();
  });

  it('takes an old address without the plan to the same screen in the plan, after sign-in too', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto(`/commitments/${app.owned.code}?tab=history`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, app.users.viewer, { alreadyOnSignIn: true });
    await page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    expect(pathOf(page)).toBe(inPlan(`/commitments/${app.owned.code}?tab=history`));
    await page.goto('/reports?period=2021%2F22+Q2');
    await page.getByRole('heading', { name: 'Monitoring report for 2021/22 Q2' }).waitFor();
    expect(pathOf(page)).toBe(inPlan('/reports?period=2021%2F22+Q2'));

    // A plan the organisation does not keep, or another organisation's, is not found.
    for (const slug of ['no-such-plan', app.severalPlans.plans[1]?.slug]) {
      await page.goto(`/plans/${slug}/commitments`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    }
    await context.close();
  });

  it('offers a choice of plans when the organisation keeps several, and a way to change plan', async () => {
    const { user, plans } = app.severalPlans;
    const [newer, older] = plans as [(typeof plans)[number], (typeof plans)[number]];
    const { context, page } = await signedInContext(browser, app, user);
    await page.getByRole('heading', { name: 'Choose a plan' }).waitFor();
    expect(pathOf(page)).toBe('/');
    const picker = page.getByRole('table', { name: 'Plans' });
    const rows = picker.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first, each with its period and whether the public may see it.
    const [first, second] = [await rows.nth(0).textContent(), await rows.nth(1).textContent()];
    expect(first).toContain(newer.title);
    expect(first).toContain('9 May 2025 to 31 March 2029');
    expect(first).toContain('Not published');
    expect(second).toContain(older.title);
    expect(second).toContain('13 May 2021 to 31 March 2025');
    expect(second).toContain('Published');
    expect(second).not.toContain('Not published');
    // Outside a plan the menu offers the plans, not one plan's screens.
    const menu = page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Plans' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expectAccessible(page, 'plan picker');
    await screenshot(page, '16-plan-picker');

    await picker.getByRole('link', { name: older.title }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(pathOf(page)).toBe(`/plans/${older.slug}`);
    expect(await page.getByTestId('current-plan').textContent()).toBe(
      `Plan: ${older.title} Change plan`,
    );
    expect(await menu.getByRole('link', { name: 'Commitments' }).getAttribute('href')).toBe(
      `/plans/${older.slug}/commitments`,
    );
    await expectAccessible(page, 'dashboard of a plan with nothing in it yet');

    await page.getByRole('link', { name: 'Change plan' }).click();
    await page.getByRole('heading', { name: 'Choose a plan' }).waitFor();
    await picker.getByRole('link', { name: newer.title }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(pathOf(page)).toBe(`/plans/${newer.slug}`);
    await menu.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(pathOf(page)).toBe(`/plans/${newer.slug}/timeline`);

    // An old address cannot know which plan it meant: the choice leads to that screen.
    await page.goto('/timeline');
    await page.getByText('That address is from before the tracker kept several plans').waitFor();
    await picker.getByRole('link', { name: older.title }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(pathOf(page)).toBe(`/plans/${older.slug}/timeline`);
    await context.close();
  });

  it('says when the organisation has no plan yet, and where an administrator can import one', async () => {
    const admin = await signedInContext(browser, app, app.noPlan.admin);
    const { page } = admin;
    await page.getByRole('heading', { name: 'There is no plan yet' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'Office of the Southshire Police and Crime Commissioner has no plan in the tracker yet.',
    );
    await expectAccessible(page, 'no plan yet');
    await screenshot(page, '17-no-plan');
    await page.getByRole('main').getByRole('link', { name: 'Import a plan' }).click();
    await page.getByRole('heading', { name: 'Import a plan' }).waitFor();
    expect(pathOf(page)).toBe('/admin/plans/import');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByTestId('users').waitFor();
    await page.getByRole('tab', { name: 'Reporting periods' }).click();
    await page.getByTestId('no-periods').waitFor();
    await expectAccessible(page, 'administration: no reporting periods');
    await admin.context.close();

    const viewer = await signedInContext(browser, app, app.noPlan.viewer);
    await viewer.page.getByRole('heading', { name: 'There is no plan yet' }).waitFor();
    expect(await viewer.page.getByRole('main').textContent()).toContain(
      'An administrator of the tracker can import one.',
    );
    expect(await viewer.page.getByRole('main').getByRole('link').count()).toBe(0);
    // Nothing to open, but they can still sign out.
    await viewer.page.getByRole('link', { name: 'Sign out' }).click();
    await viewer.page.getByText('You have signed out').waitFor();
    await viewer.context.close();
  });

  it('signs in from a deep link and comes back to it', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto(inPlan(`/commitments/${app.owned.code}`));
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, app.users.viewer, { alreadyOnSignIn: true });
    await page.getByRole('heading', { name: `Commitment ${app.owned.code}` }).waitFor();
    await context.close();
  });
});
