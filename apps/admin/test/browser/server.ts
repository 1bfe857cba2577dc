/**
 * The server the browser suite runs against, started by the suite as a child process (so the
 * API runs under plain Node, exactly as `pnpm start` runs it, not inside the test runner's module
 * graph): the admin app built for production by Vite, served by the API's real `startServer` on
 * a fresh in-memory database, migrated and seeded with the Dorset plan as `pnpm start` does, with
 * one account per role; beside it two made-up organisations, one keeping two plans and one with
 * none yet, each with an account. It prints one JSON line saying where it is and who can sign in.
 *
 * People can run it to look around: `pnpm --filter @plan-tracker/admin serve:test`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_USERS, hashPassword, seedDemoUsers } from '@plan-tracker/accounts';
import { parseApiEnv, startServer } from '@plan-tracker/api';
import { openDatabase, type Role, seedDorset } from '@plan-tracker/db';
import { build } from 'vite';
import type { ServerInfo, TestUser } from './harness.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the app into a temporary folder, exactly as `pnpm build` does into dist/. */
async function buildApp(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-tracker-admin-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    root: appRoot,
    configFile: join(appRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, sourcemap: false },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function startApp(): Promise<{ info: ServerInfo; close: () => Promise<void> }> {
  const built = await buildApp();
  const database = await openDatabase({ url: 'memory://', migrate: true });
  await seedDorset(database.prisma);
  const { prisma } = database;
  const organisation = await prisma.organisation.findFirstOrThrow({
    orderBy: { createdAt: 'asc' },
  });
  const plan = await prisma.plan.findFirstOrThrow({ where: { organisationId: organisation.id } });

  // The contributor owns the work of the first delivery action's owner (their owner label), and
  // that owner is here also made the owner of the action's commitment.
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
  // Commitments without delivery actions, whose figures are their own: each test that writes
  // takes its own, so the tests do not depend on each other's order.
  const plain = await prisma.commitment.findMany({
    where: {
      withdrawnInRevisionId: null,
      themeId: { not: null },
      actions: { none: {} },
      id: { not: owned.id },
    },
    orderBy: { code: 'asc' },
    take: 4,
  });
  // The documented demo accounts, as `pnpm start` makes them (before any other account exists).
  await seedDemoUsers(prisma, organisation.id);
  const demoEditor = DEMO_USERS.find((u) => u.role === 'EDITOR');
  const password = 'correct horse battery staple';
  const make = async (
    role: Role,
    name: string,
    email: string,
    organisationId = organisation.id,
  ): Promise<TestUser> => {
    await prisma.user.create({
      data: {
        organisationId,
        email,
        name,
        role,
        passwordHash: await hashPassword(password),
        // A contributor edits the work whose owner is one of their owner labels.
        ownerLabels: role === 'CONTRIBUTOR' ? [ownerName] : [],
      },
    });
    return { email, password, name, role };
  };
  const users = {
    admin: await make('ADMIN', 'Alex Admin', 'admin.test@dorset-opcc.example'),
    editor: await make('EDITOR', 'Eden Editor', 'editor.test@dorset-opcc.example'),
    contributor: await make(
      'CONTRIBUTOR',
      'Nina Neighbourhood',
      'contributor.test@dorset-opcc.example',
    ),
    viewer: await make('VIEWER', 'Vic Viewer', 'viewer.test@dorset-opcc.example'),
  };

  // Another office keeping two plans, the newer not yet published (plans of its own; nothing in
  // them), and one that has no plan yet.
  const twoPlans = await prisma.organisation.create({
    data: {
      slug: 'northshire-opcc',
      name: 'Office of the Northshire Police and Crime Commissioner',
    },
  });
  const northshirePlans = [
    {
      slug: 'northshire-2025-29',
      title: 'Northshire Police and Crime Plan 2025 to 2029',
      periodStart: '2025-05-09',
      periodEnd: '2029-03-31',
      published: false,
    },
    {
      slug: 'northshire-2021-25',
      title: 'Northshire Police and Crime Plan 2021 to 2025',
      periodStart: '2021-05-13',
      periodEnd: '2025-03-31',
      published: true,
    },
  ];
  for (const p of northshirePlans) {
    await prisma.plan.create({
      data: {
        organisationId: twoPlans.id,
        slug: p.slug,
        title: p.title,
        vision: 'A safer Northshire',
        periodStart: new Date(`${p.periodStart}T00:00:00Z`),
        periodEnd: new Date(`${p.periodEnd}T00:00:00Z`),
        published: p.published,
      },
    });
  }
  const noPlan = await prisma.organisation.create({
    data: {
      slug: 'southshire-opcc',
      name: 'Office of the Southshire Police and Crime Commissioner',
    },
  });

  // The production defaults (Secure cookies included, CSP, HSTS). The demo users are refused in
  // production unless the operator allows them; this server is a demo, so it does.
  const env = parseApiEnv({
    NODE_ENV: 'production',
    API_ALLOW_DEMO_USERS: 'true',
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
    info: {
      url: server.url,
      plan: { slug: plan.slug, title: plan.title },
      users,
      owned: { code: owned.code },
      notOwned: { code: notOwned.code },
      plain: plain.map((c) => c.code),
      demo: demoEditor
        ? {
            email: demoEditor.email,
            password: DEMO_PASSWORD,
            name: demoEditor.name,
            role: 'EDITOR' as const,
          }
        : null,
      severalPlans: {
        user: await make('EDITOR', 'Nia North', 'editor.test@northshire-opcc.example', twoPlans.id),
        plans: northshirePlans.map((p) => ({ slug: p.slug, title: p.title })),
      },
      noPlan: {
        admin: await make('ADMIN', 'Sol South', 'admin.test@southshire-opcc.example', noPlan.id),
        viewer: await make('VIEWER', 'Sid South', 'viewer.test@southshire-opcc.example', noPlan.id),
      },
    },
    close: async () => {
      await server.close();
      await built.cleanup();
    },
  };
}

const { info, close } = await startApp();
process.stdout.write(`${JSON.stringify(info)}\n`);
if (process.stdout.isTTY) {
  process.stdout.write(`Admin app running at ${info.url}/ (Ctrl-C stops it)\n`);
  for (const user of Object.values(info.users)) {
    process.stdout.write(`  ${user.role.padEnd(11)} ${user.email}  password: ${user.password}\n`);
  }
}
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// The suite ends this process by closing its standard input, so nothing outlives a crashed run.
if (!process.stdin.isTTY) {
  process.stdin.resume();
  process.stdin.once('end', stop);
  process.stdin.once('close', stop);
}
