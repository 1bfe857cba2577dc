// `pnpm cli user:create`, in process on one new database (migrated, not seeded: a new
// installation whose first administrator is made before anything else).
import { PassThrough } from 'node:stream';
import type { Database } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, shared } from './in-process.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
const admin = ['user:create', '--email', 'Ada@Dorset-OPCC.example', '--name', 'Ada Lovelace'];
const cli = (args: string[], env: Record<string, string> = {}) =>
  runInProcess(args, { openDatabase: shared(database), env });

/**
 * A terminal at which someone types the next of `answers`, a key at a time, each time a prompt
 * turns echo off (raw mode) to ask.
 */
class TypingTerminal extends PassThrough {
  readonly isTTY = true;
  rawMode = false;
  constructor(private readonly answers: string[]) {
    super();
  }
  setRawMode(raw: boolean): this {
    this.rawMode = raw;
    if (raw) {
      const keys = [...(this.answers.shift() ?? '')];
      const type = () => {
        const key = keys.shift();
        if (key === undefined) return;
        this.write(key);
        setImmediate(type);
      };
      setImmediate(type);
    }
    return this;
  }
}

describe('pnpm cli user:create', () => {
  it('explains itself with --help, password never an option', async () => {
    const { status, stdout } = await runInProcess(['user:create', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/--email <email>/);
    expect(stdout).toMatch(/--role <role>.*ADMIN/s);
    expect(stdout).toMatch(/--owner <label>/);
    expect(stdout).toMatch(/PLAN_TRACKER_PASSWORD/);
    expect(stdout).not.toMatch(/--password/);
  });

  it('refuses a weak password with a clear message, and no password off a terminal', async () => {
    const weak = await cli([...admin, '--role', 'ADMIN'], { PLAN_TRACKER_PASSWORD: 'short' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/^error: The password must be at least 12 characters long/m);
    const none = await cli([...admin, '--role', 'ADMIN'], { PLAN_TRACKER_PASSWORD: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/set PLAN_TRACKER_PASSWORD/);
    expect(await database.prisma.user.count()).toBe(0);
  });

  it('makes the first administrator, who then keeps the demo users out', async () => {
    const env = { PLAN_TRACKER_PASSWORD: 'a long first admin passphrase' };
    const created = await cli([...admin, '--role', 'admin'], env);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(
      /^Created ADMIN ada@dorset-opcc\.example \(Ada Lovelace\) in Office of the Dorset Police and Crime Commissioner\./,
    );
    const contributor = await cli(
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
      env,
    );
    expect(contributor.status, contributor.stderr).toBe(0);
    const again = await cli([...admin, '--role', 'VIEWER'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already a user with this email address/);

    // The organisation now has staff of its own: seeding adds the plan but no demo users.
    const seeded = await cli(['seed']);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stderr).toMatch(/demo users: skipped: the organisation has staff accounts/);
  });

  it('refuses an unknown role and an unknown organisation', async () => {
    const role = await cli([...admin, '--role', 'OWNER'], {
      PLAN_TRACKER_PASSWORD: 'x'.repeat(20),
    });
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/OWNER/);
    const organisation = await cli([...admin, '--role', 'ADMIN', '--organisation', 'nowhere'], {
      PLAN_TRACKER_PASSWORD: 'four unrelated words here',
    });
    expect(organisation.status).toBe(1);
    expect(organisation.stderr).toMatch(/no organisation with the slug "nowhere"/);
  });

  it('asks twice without echo on a terminal, and creates nothing when they differ or on Ctrl-C', async () => {
    const typed = ['user:create', '--email', 'typed@dorset-opcc.example', '--name', 'Typed'];
    const run = (terminal: TypingTerminal) =>
      runInProcess([...typed, '--role', 'VIEWER'], {
        openDatabase: shared(database),
        stdin: terminal,
      });

    const differ = await run(new TypingTerminal(['a long passphrase one\r', 'another one\r']));
    expect(differ.status).toBe(1);
    expect(differ.stderr).toMatch(
      /^error: the two passwords are not the same; nothing was created$/m,
    );
    const cancelled = await run(new TypingTerminal(['a long pass\u0003']));
    expect(cancelled.status).toBe(130);
    expect(cancelled.stderr).toMatch(/^error: cancelled; nothing was created$/m);
    expect(await database.prisma.user.count({ where: { email: typed[2] } })).toBe(0);

    // Typed a character at a time, with a mistake put right by backspace.
    const answer = 'a long passphrasx\u007fe of mine\r';
    const terminal = new TypingTerminal([answer, answer]);
    const created = await run(terminal);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created VIEWER typed@dorset-opcc\.example \(Typed\)/);
    expect(created.stderr).toContain('Password (at least 12 characters): \n');
    expect(created.stderr).toContain('The same password again: \n');
    expect(created.stderr).not.toContain('passphrase');
    expect(terminal.rawMode).toBe(false);
  });
});
