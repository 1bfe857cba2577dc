/**
 * The demo's staff accounts, one per role, for trying the product after `pnpm start` or
 * `pnpm cli seed` (documented in apps/api/README.md and the root README). They share one
 * published password, so they are for demonstrations only: never run this on a database real
 * people use. Lives beside password hashing, which makes their hashes; the CLI seeds them without
 * loading the API.
 */
import { createUserAccount, type PrismaClient, type Role, systemActor } from '@plan-tracker/db';
import { hashPassword } from './password.js';

/** The demo users' password. Published on purpose: the demo is public. */
export const DEMO_PASSWORD = 'demo-password-2021';

/** One demo account. */
export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly ownerLabels: readonly string[];
}

/** The demo accounts: one per role; the contributor owns the OPCC policy team's work. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@dorset-opcc.example',
    name: 'Demo Administrator',
    role: 'ADMIN',
    ownerLabels: [],
  },
  { email: 'editor@dorset-opcc.example', name: 'Demo Editor', role: 'EDITOR', ownerLabels: [] },
  {
    email: 'contributor@dorset-opcc.example',
    name: 'Demo Contributor',
    role: 'CONTRIBUTOR',
    ownerLabels: ['OPCC Policy and Commissioning'],
  },
  { email: 'viewer@dorset-opcc.example', name: 'Demo Viewer', role: 'VIEWER', ownerLabels: [] },
];

/** What {@link seedDemoUsers} did. */
export interface DemoUsersResult {
  /** Emails of the accounts made now. */
  readonly created: readonly string[];
  /** Emails that already had an account, left exactly as they were (password included). */
  readonly existing: readonly string[];
  /**
   * True when nothing was done because the organisation has staff of its own: it is then not a
   * demo, and accounts with a published password would be a way in.
   */
  readonly skippedForRealStaff: boolean;
}

/**
 * Creates the demo accounts in `organisationId` with {@link DEMO_PASSWORD}, only while the
 * organisation is a demo: once it has any other account (e.g. a first administrator made with
 * `pnpm cli user:create`), nothing is created. Idempotent: an address that already has an
 * account is left alone, so a changed password or role survives the next seed. Each creation is
 * audited, with `seed` as the actor.
 */
export async function seedDemoUsers(
  prisma: PrismaClient,
  organisationId: string,
): Promise<DemoUsersResult> {
  const actor = systemActor(organisationId, 'seed');
  const realStaff = await prisma.user.count({
    where: { organisationId, email: { notIn: DEMO_USERS.map((u) => u.email) } },
  });
  if (realStaff > 0) return { created: [], existing: [], skippedForRealStaff: true };
  const present = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    select: { email: true },
  });
  const existing = new Set(present.map((u) => u.email));
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (existing.has(user.email)) continue;
    const result = await createUserAccount(prisma, actor, {
      input: { ...user, ownerLabels: [...user.ownerLabels] },
      passwordHash: await hashPassword(DEMO_PASSWORD),
      note: 'Demo user (documented in apps/api/README.md)',
    });
    if (!result.ok)
      throw new Error(`Could not create the demo user ${user.email}: ${result.error.message}`);
    created.push(user.email);
  }
  return { created, existing: [...existing], skippedForRealStaff: false };
}
