// `pnpm cli migrate`, `seed` and `migration:new`, in process on one new in-memory database.
import { type Database, openDatabase } from '@plan-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../src/dependencies.js';
import { runInProcess, shared } from './in-process.js';

let database: Database;
// Not migrated: the first `migrate` applies everything.
beforeAll(async () => {
  database = await openDatabase({ url: 'memory://' });
});
afterAll(() => database.close());
const cli = (...args: string[]) => runInProcess(args, { openDatabase: shared(database) });

describe('pnpm cli migrate and seed', () => {
  it('migrates a new database, then finds nothing to apply', async () => {
    const first = await cli('migrate');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/applied \d+: \d+_init/);
    const second = await cli('migrate');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/up to date/);
  });

  it('seeds the Dorset plan once; a second run changes nothing', async () => {
    const first = await cli('seed');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/6 priorities, 29 themes, 167 commitments/);
    expect(first.stderr).toMatch(
      /demo users: created 4: admin@dorset-opcc\.example \(ADMIN\), .*apps\/api\/README\.md/,
    );
    const second = await cli('seed');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already seeded, nothing changed/);
    expect(second.stderr).toMatch(/demo users: present: /);
  });

  it('explains a DATABASE_URL it cannot use in one line', async () => {
    const env = { DATABASE_URL: 'mysql://nope' };
    const { status, stderr } = await runInProcess(['migrate'], { openDatabase: databaseOf(env) });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*DATABASE_URL/);
  });

  it('refuses a migration name that is not snake_case', async () => {
    const { status, stderr } = await cli('migration:new', 'Add Stuff');
    expect(status).toBe(1);
    expect(stderr).toMatch(/snake_case/);
  });
});
