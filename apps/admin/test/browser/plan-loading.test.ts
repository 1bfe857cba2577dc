/**
 * Loading plans in a real browser: an administrator of an office with no plan yet imports one
 * from its file (the invented Wessex plan the db package's importer tests load), previews what
 * it creates, is told the line of a damaged file, confirms, publishes it; then loads its 2027
 * text as a revision, previews exactly what changes, meets a stale version and applies it. Staff
 * who are not administrators are offered none of it. Every new screen is checked with axe-core.
 *
 * The tests run in order and build on each other: the second revises the plan the first loads.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumMissing,
  expectAccessible,
  launchChromium,
  pathOf,
  planFixture,
  type RunningApp,
  screenshot,
  signedInContext,
  startApp,
} from './harness.js';

const missing = await chromiumMissing();
if (missing && !process.env.CI) {
  console.warn(`\n[admin plan-loading tests] skipped: ${missing}\n`);
}

const WESSEX = planFixture('wessex-plan-2025-29.txt');
const WESSEX_2027 = planFixture('wessex-plan-2025-29-revised-2027.txt');
const SLUG = 'wessex-2025-29';
const TITLE = 'Wessex Police and Crime Plan 2025–29';

/** The `input` of every importPlan or revisePlan the page sends from now on, in order. */
function loadInputs(page: Page, mutation: 'ImportPlan' | 'RevisePlan'): Record<string, unknown>[] {
  const inputs: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as {
      query?: string;
      variables?: { input?: Record<string, unknown> };
    } | null;
    if (new RegExp(`^\\s*mutation\\s+${mutation}\\b`).test(body?.query ?? '')) {
      inputs.push(body?.variables?.input ?? {});
    }
  });
  return inputs;
}

/** The value of a row of the summary list, by its key. */
async function summaryValue(page: Page, key: string): Promise<string> {
  const row = page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) });
  return ((await row.locator('dd').first().textContent()) ?? '').trim();
}

async function fillDate(page: Page, id: string, day: string, month: string, year: string) {
  await page.locator(`#${id}`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

/** The rows of a table, each as its cells' text. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}

/** Runs a GraphQL operation in the page, as the person signed in there. */
async function graphqlIn(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: Record<string, unknown> };
    },
    { query, variables },
  );
}

describe.skipIf(missing !== null && !process.env.CI)('loading plans in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let wessex: string;

  beforeAll(async () => {
    if (missing) throw new Error(`The browser suite cannot run in CI: ${missing}`);
    app = await startApp();
    browser = await launchChromium();
    wessex = await readFile(WESSEX, 'utf8');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('imports a plan from its file: says what is missing, names the line of a damaged file, previews exactly what it creates, and opens the draft', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedInContext(browser, app, app.noPlan.admin);
    await page.getByRole('heading', { name: 'There is no plan yet' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Import a plan' }).click();
    await page.getByRole('heading', { name: 'Import a plan' }).waitFor();
    expect(pathOf(page)).toBe('/admin/plans/import');
    await expectAccessible(page, 'import a plan');
    await screenshot(page, '20-import-plan');
    const sent = loadInputs(page, 'ImportPlan');

    // Nothing chosen or typed: the browser says so without asking the API.
    await page.getByRole('button', { name: 'Preview' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').allTextContents()).toEqual([
      'Choose the plan’s file',
      'Enter the first day of the plan',
      'Enter the last day of the plan',
    ]);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).toBe(true);
    expect(await page.title()).toMatch(/^Error: Import a plan/);
    expect(sent).toHaveLength(0);

    // A damaged file: a bullet with no theme above it, on line 32.
    await page.getByLabel('Plan file').setInputFiles({
      name: 'damaged.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(wessex.replace('Roads\n', 'Roads\n\nI will:\n\n')),
    });
    await page.getByTestId('file-read').waitFor();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Slug').fill(SLUG);
    await fillDate(page, 'plan-period-start', '1', '4', '2025');
    await fillDate(page, 'plan-period-end', '31', '3', '2029');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => summary.textContent())
      .toMatch(/damaged\.txt line 32: bullet outside any theme .* — add a theme heading above it/);
    expect(await page.locator('#plan-file-error').textContent()).toContain('damaged.txt line 32');
    await expectAccessible(page, 'import a plan: a damaged file');
    await screenshot(page, '21-import-plan-damaged');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-file');
    expect(await page.getByTestId('import-preview').count()).toBe(0);

    // The real file: the preview says exactly what it would create, and creates nothing.
    await page.getByLabel('Plan file').setInputFiles(WESSEX);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-heading');
    expect(await summary.count()).toBe(0);
    expect(await summaryValue(page, 'Title')).toBe(TITLE);
    expect(await summaryValue(page, 'Slug')).toBe(SLUG);
    expect(await summaryValue(page, 'Period')).toBe('1 April 2025 to 31 March 2029');
    expect(await summaryValue(page, 'Revision code')).toBe('2025');
    expect(await summaryValue(page, 'Priorities')).toBe('3');
    expect(await summaryValue(page, 'Themes')).toBe('6');
    expect(await summaryValue(page, 'Commitments')).toBe('12');
    expect(await summaryValue(page, 'Cross-cutting commitments')).toBe('2');
    // Three rows in the plan's measures table; Safer Streets' row names two measures.
    expect(await summaryValue(page, 'Measures')).toBe('4');
    expect(await summaryValue(page, 'Reporting periods')).toMatch(
      /^16 quarters, 2025\/26 Q1 to 2028\/29 Q4/,
    );
    await preview.getByText('Every quarter').click();
    const quarters = await page.getByTestId('preview-periods').locator('li').allTextContents();
    expect(quarters).toHaveLength(16);
    expect(quarters.slice(0, 2)).toEqual(['2025/26 Q1', '2025/26 Q2']);
    await expectAccessible(page, 'import a plan: preview');
    await screenshot(page, '22-import-plan-preview');
    // Nothing was written: the organisation still has no plan.
    const before = await graphqlIn(page, '{ viewer { organisation { plans { slug } } } }');
    expect(before.data).toEqual({ viewer: { organisation: { plans: [] } } });

    // A change to the form makes the preview out of date.
    await page.getByLabel('Revision code (optional)').fill('2025-launch');
    expect(await preview.count()).toBe(0);
    await page.getByLabel('Revision code (optional)').fill('');
    await page.getByRole('button', { name: 'Preview' }).click();
    await preview.waitFor();

    // Confirming sends the text previewed, without asking for the file again.
    await page.getByRole('button', { name: 'Confirm and import' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(pathOf(page)).toBe(`/plans/${SLUG}?imported=yes`);
    expect(sent.map((input) => input.preview)).toEqual([true, true, true, false]);
    expect(sent.at(-1)).toMatchObject({ text: wessex, fileName: 'wessex-plan-2025-29.txt' });
    expect(await page.getByTestId('current-plan').textContent()).toContain(TITLE);
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toContain(`${TITLE} has been imported`);
    expect(await page.getByTestId('draft-notice').textContent()).toBe(
      'It is a draft: only staff of Office of the Southshire Police and Crime Commissioner can see it until you publish it.',
    );
    // Its 12 commitments and 2 cross-cutting ones, none started.
    expect(await page.getByRole('main').textContent()).toContain('14 commitments, 0 completed');
    await expectAccessible(page, 'dashboard of a plan just imported');
    await screenshot(page, '23-imported-plan-dashboard');

    // Their viewer sees it is a draft, with nothing to publish it with.
    const viewer = await signedInContext(browser, app, app.noPlan.viewer);
    await viewer.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(pathOf(viewer.page)).toBe(`/plans/${SLUG}`);
    expect(await viewer.page.getByTestId('draft-notice').textContent()).toContain(
      'until an administrator publishes it',
    );
    expect(await viewer.page.getByRole('button', { name: 'Publish the plan' }).count()).toBe(0);
    await viewer.context.close();

    // A slug the organisation already uses is refused, naming the slug field.
    await page.goto('/admin/plans/import');
    await page.getByLabel('Plan file').setInputFiles(WESSEX);
    await page.getByLabel('Title').fill('Wessex again');
    await page.getByLabel('Slug').fill(SLUG);
    await fillDate(page, 'plan-period-start', '1', '4', '2025');
    await fillDate(page, 'plan-period-end', '31', '3', '2029');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => summary.locator('a').allTextContents())
      .toEqual([expect.stringContaining(`already has a plan with the slug ${SLUG}`)]);
    expect(await summary.locator('a').getAttribute('href')).toBe('#plan-slug');
    expect(await page.locator('#plan-slug-error').textContent()).toContain(SLUG);
    // Under another slug, the same file is refused as loaded before, on the file field.
    await page.getByLabel('Slug').fill('wessex-again');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('#plan-file-error').textContent())
      .toContain('This file was loaded before');
    await context.close();
  });

  it('lists the plans in administration, and publishes and archives one', async () => {
    const { context, page } = await signedInContext(browser, app, app.noPlan.admin);
    await page.goto('/admin?tab=plans');
    await page.getByTestId('admin-plans').waitFor();
    const rows = () => tableRows(page, 'admin-plans');
    expect(await rows()).toEqual([
      [
        `${TITLE}${SLUG}`,
        '1 April 2025 to 31 March 2029',
        'Draft',
        '2025',
        `Load a revision of ${TITLE}Publish ${TITLE}Archive ${TITLE}`,
      ],
    ]);
    await expectAccessible(page, 'administration: plans');
    await screenshot(page, '24-admin-plans');

    await page.getByRole('button', { name: `Archive ${TITLE}` }).click();
    await page.getByText(`${TITLE} is archived`).waitFor();
    expect((await rows())[0]?.[2]).toBe('Archived');
    expect(await page.getByRole('link', { name: `Load a revision of ${TITLE}` }).count()).toBe(0);
    await page.getByRole('button', { name: `Restore ${TITLE}` }).click();
    await page.getByText(`${TITLE} is back from the archive, as a draft`).waitFor();
    await page.getByRole('button', { name: `Publish ${TITLE}` }).click();
    await page.getByText(`${TITLE} is published: anyone can see it`).waitFor();
    expect((await rows())[0]?.[2]).toBe('Published');
    expect(await page.getByRole('button', { name: `Unpublish ${TITLE}` }).count()).toBe(1);

    // A change made from a page that is out of date is refused and the plan shown as it is.
    await graphqlIn(
      page,
      `mutation($id: ID!, $v: Int!) { changePlan(id: $id, expectedVersion: $v, input: { published: false }) { __typename } }`,
      await planIdentity(page),
    );
    await page.getByRole('button', { name: `Unpublish ${TITLE}` }).click();
    await expect
      .poll(() => page.locator('.govuk-error-summary').textContent())
      .toContain(`Someone changed ${TITLE} since this page loaded`);
    expect((await rows())[0]?.[2]).toBe('Draft');
    await page.getByRole('button', { name: `Publish ${TITLE}` }).click();
    await page.getByText(`${TITLE} is published: anyone can see it`).waitFor();
    await context.close();
  });

  it('loads a revision: previews exactly what changes, refuses a stale version plainly, and applies it', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await signedInContext(browser, app, app.noPlan.admin);
    await page.goto('/admin?tab=plans');
    await page.getByRole('link', { name: `Load a revision of ${TITLE}` }).click();
    await page.getByRole('heading', { name: 'Load a revision' }).waitFor();
    expect(pathOf(page)).toBe(`/admin/plans/${SLUG}/revise`);
    await expectAccessible(page, 'load a revision');
    await screenshot(page, '25-revise-plan');
    const sent = loadInputs(page, 'RevisePlan');

    await page.getByLabel('File of the revised plan').setInputFiles(WESSEX_2027);
    await page.getByLabel('Revision code').fill('2027');
    await fillDate(page, 'revision-published-on', '1', '10', '2026');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('revision-preview');
    await preview.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-heading');
    expect(await page.getByTestId('diff-summary').textContent()).toBe(
      '1 added, 1 withdrawn, 1 reworded, 0 renumbered; 12 unchanged.',
    );
    expect(await summaryValue(page, 'Changes hold from')).toBe('1 October 2026');
    expect(await tableRows(page, 'diff-added')).toEqual([
      ['1.2.3', 'Fund a safety campaign for rural roads each winter'],
    ]);
    expect(await tableRows(page, 'diff-withdrawn')).toEqual([
      ['1.1.3', 'Work with councils on lighting and CCTV where crime is highest'],
    ]);
    expect(await tableRows(page, 'diff-reworded')).toEqual([
      [
        '2.1.1',
        "Commission a victims' hub open seven days a week",
        "Commission a victims' hub open every day of the year, with evening hours",
      ],
    ]);
    expect(await page.getByTestId('diff-renumbered').textContent()).toBe(
      'No commitments are renumbered.',
    );
    expect(await page.getByTestId('diff-unchanged').textContent()).toBe(
      '12 commitments keep their code and wording.',
    );
    await expectAccessible(page, 'load a revision: preview');
    await screenshot(page, '26-revise-plan-preview');

    // Someone changes the plan before the revision is confirmed: nothing is loaded.
    await graphqlIn(
      page,
      `mutation($id: ID!, $v: Int!) { changePlan(id: $id, expectedVersion: $v, input: { title: "${TITLE}" }) { __typename } }`,
      await planIdentity(page),
    );
    await page.getByRole('button', { name: 'Confirm and load the revision' }).click();
    const conflict = page.getByTestId('revision-conflict');
    await conflict.waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'This plan has changed since you opened this page',
    );
    expect(await conflict.textContent()).toContain('Nothing has been loaded.');
    expect(await preview.count()).toBe(0);
    await expectAccessible(page, 'load a revision: the plan changed');
    await screenshot(page, '27-revise-plan-conflict');

    // Read it again and preview again: the file and what was typed are still there.
    await conflict.getByRole('button', { name: 'Read the plan again' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    expect(await page.getByLabel('Revision code').inputValue()).toBe('2027');
    await page.getByRole('button', { name: 'Preview' }).click();
    await preview.waitFor();
    await page.getByRole('button', { name: 'Confirm and load the revision' }).click();
    await page.getByText('Revision 2027 is loaded').waitFor();
    expect(sent.map((input) => input.preview)).toEqual([true, false, true, false]);
    const [, stale, , applied] = sent as [
      unknown,
      { expectedVersion: number },
      unknown,
      { expectedVersion: number },
    ];
    expect(applied.expectedVersion).toBe(stale.expectedVersion + 1);
    expect(await tableRows(page, 'diff-added')).toEqual([
      ['1.2.3', 'Fund a safety campaign for rural roads each winter'],
    ]);
    await expectAccessible(page, 'load a revision: loaded');
    await screenshot(page, '28-revise-plan-loaded');

    // The plan now reads the new wording, and the withdrawn commitment is marked so.
    await page.getByRole('link', { name: 'See the plan’s commitments' }).click();
    await page.getByTestId('commitments-table').waitFor();
    await page.goto(`/plans/${SLUG}/commitments/2.1.1`);
    await page.getByRole('heading', { name: 'Commitment 2.1.1' }).waitFor();
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toContain("Commission a victims' hub open every day of the year, with evening hours");
    await page.goto(`/plans/${SLUG}/commitments/1.2.3`);
    await page.getByRole('heading', { name: 'Commitment 1.2.3' }).waitFor();
    await page.goto(`/plans/${SLUG}/commitments/1.1.3`);
    await page.getByRole('heading', { name: 'Commitment 1.1.3' }).waitFor();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Withdrawn');
    await page.goto('/admin?tab=plans');
    await page.getByTestId('admin-plans').waitFor();
    expect((await tableRows(page, 'admin-plans'))[0]?.[3]).toBe('2025, 2027');
    await context.close();
  });

  it('offers staff who are not administrators nothing to import or revise with, and refuses the screens', async () => {
    for (const user of [app.users.editor, app.users.viewer, app.noPlan.viewer]) {
      const { context, page } = await signedInContext(browser, app, user);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /Import a plan|Load a revision/ }).count()).toBe(
        0,
      );
      expect(await page.getByRole('button', { name: /Publish/ }).count()).toBe(0);
      const slug = user === app.noPlan.viewer ? SLUG : app.plan.slug;
      for (const path of ['/admin/plans/import', `/admin/plans/${slug}/revise`]) {
        await page.goto(path);
        await page
          .getByRole('heading', { name: 'You do not have permission to see this page' })
          .waitFor();
        expect(await page.getByLabel('Plan file').count()).toBe(0);
      }
      await context.close();
    }

    // An administrator of another office: that plan is not theirs to revise.
    const { context, page } = await signedInContext(browser, app, app.users.admin);
    await page.goto(`/admin/plans/${SLUG}/revise`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await context.close();
  });
});

/** The Wessex plan's id and version now, as the page's person reads them. */
async function planIdentity(page: Page): Promise<{ id: string; v: number }> {
  const { data } = await graphqlIn(page, `{ plan(slug: "${SLUG}") { id version } }`);
  const plan = data.plan as { id: string; version: number };
  return { id: plan.id, v: plan.version };
}
