import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'cli-user-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { DATABASE_URL: `file:${join(scratch, 'pglite')}` };
const admin = ['user:create', '--email', 'Ada@Dorset-OPCC.example', '--name', 'Ada Lovelace'];

describe('pnpm cli user:create', () => {
  it('explains itself with --help, password never an option', () => {
    const { status, stdout } = runCli(['user:create', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/--email <email>/);
    expect(stdout).toMatch(/--role <role>.*ADMIN/s);
    expect(stdout).toMatch(/--owner <label>/);
    expect(stdout).toMatch(/PLAN_TRACKER_PASSWORD/);
    expect(stdout).not.toMatch(/--password/);
  });

  it('refuses a weak password with a clear message, and no password off a terminal', () => {
    const weak = runCli([...admin, '--role', 'ADMIN'], { ...env, PLAN_TRACKER_PASSWORD: 'short' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/^error: The password must be at least 12 characters long/m);
    const none = runCli([...admin, '--role', 'ADMIN'], { ...env, PLAN_TRACKER_PASSWORD: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/set PLAN_TRACKER_PASSWORD/);
  });

  it('makes the first administrator, who then keeps the demo users out', () => {
    const password = 'a long first admin passphrase';
    const created = runCli([...admin, '--role', 'admin'], {
      ...env,
      PLAN_TRACKER_PASSWORD: password,
    });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(
      /^Created ADMIN ada@dorset-opcc\.example \(Ada Lovelace\) in Office of the Dorset Police and Crime Commissioner\./,
    );
    const contributor = runCli(
      [
        'user:create',
        '--email',
        'policy@dorset-opcc.example',
        '--name',
        'Policy Lead',
        '--role',
        'CONTRIBUTOR',
        '--owner',
        'OPCC Policy and Commissioning',
        '--owner',
        'OPCC Chief Finance Officer',
      ],
      { ...env, PLAN_TRACKER_PASSWORD: password },
    );
    expect(contributor.status, contributor.stderr).toBe(0);
    const again = runCli([...admin, '--role', 'VIEWER'], {
      ...env,
      PLAN_TRACKER_PASSWORD: password,
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already a user with this email address/);

    // The organisation now has staff of its own: seeding adds the plan but no demo users.
    const seeded = runCli(['seed'], env);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stderr).toMatch(/demo users: skipped: the organisation has staff accounts/);
  });

  it('refuses an unknown role and an unknown organisation', () => {
    const role = runCli([...admin, '--role', 'OWNER'], {
      ...env,
      PLAN_TRACKER_PASSWORD: 'x'.repeat(20),
    });
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/OWNER/);
    const organisation = runCli([...admin, '--role', 'ADMIN', '--organisation', 'nowhere'], {
      ...env,
      PLAN_TRACKER_PASSWORD: 'four unrelated words here',
    });
    expect(organisation.status).toBe(1);
    expect(organisation.stderr).toMatch(/no organisation with the slug "nowhere"/);
  });
});
