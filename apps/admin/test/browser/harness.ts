/**
 * What the browser suite drives: the server in server.ts, started as a child process, and
 * Debian's Chromium through playwright-core; plus axe-core. Nothing here is mocked.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const appRoot = resolve(here, '../..');
export const screenshotsDir = join(appRoot, 'screenshots');

/**
 * A plan file from the db package's fixtures, the same files its importer and the API's tests
 * load (an invented Wessex plan and its 2027 revision), so the three agree on what they hold.
 */
export function planFixture(name: string): string {
  return resolve(appRoot, '../../packages/db/test/fixtures', name);
}

/** Where Debian puts Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR' | 'VIEWER';
}

/** What server.ts prints when it is ready. */
export interface ServerInfo {
  readonly url: string;
  /** The seeded plan, the only one of the organisation of `users`. */
  readonly plan: { readonly slug: string; readonly title: string };
  readonly users: {
    readonly admin: TestUser;
    readonly editor: TestUser;
    readonly contributor: TestUser;
    readonly viewer: TestUser;
  };
  /** A commitment the contributor owns, and one they do not. */
  readonly owned: { readonly code: string };
  readonly notOwned: { readonly code: string };
  /** Commitments with no delivery actions, one per test that writes. */
  readonly plain: readonly string[];
  /** The documented demo editor (README: demo users), as `pnpm start` seeds it. */
  readonly demo: TestUser | null;
  /** An organisation with two plans (newest first, as the API lists them) and an editor. */
  readonly severalPlans: {
    readonly user: TestUser;
    readonly plans: readonly { readonly slug: string; readonly title: string }[];
  };
  /** An organisation with no plan yet, and two of its staff. */
  readonly noPlan: { readonly admin: TestUser; readonly viewer: TestUser };
}

export interface RunningApp extends ServerInfo {
  close(): Promise<void>;
}

/** Starts server.ts under Node with tsx and waits for its JSON line. */
export async function startApp(): Promise<RunningApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'server.ts')],
    {
      cwd: appRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
  const info = await new Promise<ServerInfo>((ready, fail) => {
    lines.once('line', (line) => {
      try {
        ready(JSON.parse(line) as ServerInfo);
      } catch {
        fail(new Error(`The test server said: ${line}`));
      }
    });
    void exited.then((code) =>
      fail(new Error(`The test server stopped before it was ready (exit code ${code}).`)),
    );
  });
  return {
    ...info,
    close: async () => {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Why the browser suite cannot run here, or `null` when it can. In CI a missing browser is a
 * failure, never a silent skip.
 */
export async function chromiumMissing(): Promise<string | null> {
  try {
    await readFile(chromiumPath);
    return null;
  } catch {
    return `Chromium not found at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM_PATH)`;
  }
}

/**
 * Starts Debian's Chromium. playwright-core gives every launch a fresh temporary profile
 * (user-data dir) of its own and removes it on close, so nothing carries over between runs; a
 * plain launch (not a persistent context) lets one browser hold several separate people.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new browser context (a separate person, with their own cookies), signed in as `user`. */
export async function signedInContext(
  browser: Browser,
  app: RunningApp,
  user: TestUser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: app.url,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

/** Signs in on the sign-in page (opening it first unless `alreadyOnSignIn`). */
export async function signIn(
  page: Page,
  user: TestUser,
  options: { alreadyOnSignIn?: boolean } = {},
): Promise<void> {
  if (!options.alreadyOnSignIn) await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

const axeSource = readFile(require_resolve('axe-core/axe.min.js'), 'utf8');

function require_resolve(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page against WCAG 2.0–2.2 A and AA; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Through the DevTools protocol, which the page's Content-Security-Policy does not govern:
    // the server refuses inline scripts (apps/api/src/http/security-headers.ts), as it should.
    await page.evaluate(await axeSource);
  }
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
}

/** One line per violation, for a readable test failure. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    )
    .join('\n');
}

/** Fails the test with every axe-core violation on the page, named by `screen`. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core on ${screen}:\n${describeViolations(violations)}`).toEqual([]);
}

/** A full-page screenshot in apps/admin/screenshots/, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** The path of the page, without the origin. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}
