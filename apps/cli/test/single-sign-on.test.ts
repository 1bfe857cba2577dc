// `pnpm cli sso:configure`, in process on one new database.
import { randomBytes } from 'node:crypto';
import { secretBox } from '@plan-tracker/accounts';
import type { Database } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, shared } from './in-process.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.prisma.organisation.create({ data: { slug: 'wessex', name: 'Wessex OPCC' } });
});
afterAll(() => database.close());
const key = randomBytes(32).toString('base64');
const cli = (args: string[], env: Record<string, string> = {}) =>
  runInProcess(args, { openDatabase: shared(database), env });
const args = [
  'sso:configure',
  '--organisation',
  'wessex',
  '--issuer',
  'https://login.example.org/wessex',
  '--client-id',
  'tracker',
  '--domains',
  'wessex.example, Wessex-Police.example',
  '--group-role',
  'tracker-admins=admin',
  '--group-role',
  'staff=VIEWER',
];

describe('pnpm cli sso:configure', () => {
  it('needs the secret key and the client secret, never as an argument', async () => {
    expect((await cli(args)).stderr).toMatch(/PLAN_TRACKER_SECRET_KEY/);
    expect((await cli(args, { PLAN_TRACKER_SECRET_KEY: key })).stderr).toMatch(
      /PLAN_TRACKER_OIDC_CLIENT_SECRET/,
    );
  });

  it('stores the settings with the secret sealed', async () => {
    const run = await cli([...args, '--no-passwords'], {
      PLAN_TRACKER_SECRET_KEY: key,
      PLAN_TRACKER_OIDC_CLIENT_SECRET: 's3cret-from-the-provider',
    });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/auth\/oidc\/wessex\/start/);
    const row = await database.prisma.oidcConnection.findFirstOrThrow();
    expect(row).toMatchObject({
      issuer: 'https://login.example.org/wessex',
      clientId: 'tracker',
      allowedDomains: ['wessex.example', 'wessex-police.example'],
      groupRoles: [
        { group: 'tracker-admins', role: 'ADMIN' },
        { group: 'staff', role: 'VIEWER' },
      ],
      passwordSignInAllowed: false,
    });
    expect(row.clientSecretSealed).not.toContain('s3cret');
    expect(secretBox(key).open(row.clientSecretSealed)).toBe('s3cret-from-the-provider');
  });
});
