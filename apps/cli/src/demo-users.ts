/**
 * The demo's staff accounts, made after the Dorset plan by `seed` and `start`. Says once that
 * they exist and where their emails and password are written down.
 */
import { DEMO_USERS, seedDemoUsers } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import type { CliDependencies } from './dependencies.js';
import { progressOn } from './progress.js';

const DOCUMENTED_IN = 'apps/api/README.md (Demo users)';

/** Creates the missing demo users of the organisation and reports them on stderr. */
export async function ensureDemoUsers(
  deps: CliDependencies,
  prisma: PrismaClient,
  organisationId: string,
): Promise<void> {
  const done = progressOn(deps.stderr).step('Checking the demo users');
  const result = await seedDemoUsers(prisma, organisationId);
  const emails = DEMO_USERS.map((user) => `${user.email} (${user.role})`).join(', ');
  if (result.skippedForRealStaff) {
    done('skipped: the organisation has staff accounts of its own, so it is not a demo');
    return;
  }
  done(
    result.created.length > 0
      ? `created ${result.created.length}: ${emails}; sign-in details in ${DOCUMENTED_IN}`
      : `present: ${emails}; sign-in details in ${DOCUMENTED_IN}`,
  );
}
