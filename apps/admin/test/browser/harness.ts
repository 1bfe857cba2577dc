/**
 * What the browser suite runs against: the admin app built for production by Vite, served by
 * the API's real `startServer` in this process on a fresh in-memory database (migrated and
 * seeded with the Dorset plan, as `pnpm start` does), and Debian's Chromium driven by
 * playwright-core. Nothing here is mocked.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword, parseApiEnv, type RunningServer, startServer } from '@plan-tracker/api';
import { openDatabase, type Role, seedDorset } from '@plan-tracker/db';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const appRoot = resolve(here, '../..');
export const screenshotsDir = join(appRoot, 'screenshots');

/** Where Debian puts Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly role: Role;
}

export interface RunningApp {
  readonly url: string;
  readonly users: {
    readonly admin: TestUser;
    readonly editor: TestUser;
    readonly contributor: TestUser;
    readonly viewer: TestUser;
  };
  /** A commitment the contributor owns, and one they do not. */
  readonly owned: { readonly code: string };
  readonly notOwned: { readonly code: string };
  readonly server: RunningServer;
  /** Direct access for arranging data a test needs (never for asserting what the user sees). */
  readonly prisma: import('@plan-tracker/db').PrismaClient;
  close(): Promise<void>;
}

/** Builds the app into a temporary folder, exactly as `pnpm build` does into dist/. */
async function buildApp(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-tracker-admin-'));
  await build({
    root: appRoot,
    configFile: join(appRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, sourcemap: false },
  });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function startApp(): Promise<RunningApp> {
  const built = await buildApp();
  const database = await openDatabase({ url: 'memory://', migrate: true });
  await seedDorset(database.prisma);
  const { prisma } = database;
  const organisation = await prisma.organisation.findFirstOrThrow({
    orderBy: { createdAt: 'asc' },
  });

  // The contributor is named after what they own, as contributor accounts are (see the API's
  // access rules): the owner of the first delivery action, who is here also made the owner of
  // that action's commitment.
  const action = await prisma.deliveryAction.findFirstOrThrow({
    where: { owner: { not: null }, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    include: { commitment: true },
  });
  const ownerName = action.owner as string;
  const owned = await prisma.commitment.update({
    where: { id: action.commitmentId },
    data: { owner: ownerName },
  });
  const notOwned = await prisma.commitment.findFirstOrThrow({
    where: {
      withdrawnInRevisionId: null,
      themeId: { not: null },
      OR: [{ owner: null }, { owner: { not: ownerName } }],
    },
    orderBy: { code: 'asc' },
  });
  const password = 'correct horse battery staple';
  const make = async (role: Role, name: string, email: string): Promise<TestUser> => {
    await prisma.user.create({
      data: {
        organisationId: organisation.id,
        email,
        name,
        role,
        passwordHash: await hashPassword(password),
      },
    });
    return { email, password, name, role };
  };
  const users = {
    admin: await make('ADMIN', 'Alex Admin', 'admin.test@dorset-opcc.example'),
    editor: await make('EDITOR', 'Eden Editor', 'editor.test@dorset-opcc.example'),
    contributor: await make('CONTRIBUTOR', ownerName, 'contributor.test@dorset-opcc.example'),
    viewer: await make('VIEWER', 'Vic Viewer', 'viewer.test@dorset-opcc.example'),
  };

  // The production defaults (Secure cookies included), as `pnpm start` runs them.
  const env = parseApiEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.API_LOG_LEVEL ?? 'silent',
  });
  const server = await startServer({
    port: 0,
    database,
    staticDir: built.dir,
    env,
    handleSignals: false,
  });
  return {
    url: server.url,
    users,
    owned: { code: owned.code },
    notOwned: { code: notOwned.code },
    server,
    prisma,
    close: async () => {
      await server.close();
      await built.cleanup();
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

export async function signIn(page: Page, user: TestUser, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
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
    await page.addScriptTag({ content: await axeSource });
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
