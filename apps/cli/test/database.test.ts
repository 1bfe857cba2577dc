import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'cli-database-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { DATABASE_URL: `file:${join(scratch, 'pglite')}` };

describe('pnpm cli migrate and seed', () => {
  it('migrates a new embedded database, then finds nothing to apply', () => {
    const first = runCli(['migrate'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/applied \d+: \d+_init/);
    const second = runCli(['migrate'], env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/up to date/);
  });

  it('seeds the Dorset plan once; a second run changes nothing', () => {
    const first = runCli(['seed'], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/6 priorities, 29 themes, 167 commitments/);
    expect(first.stderr).toMatch(
      /demo users: created 4: admin@dorset-opcc\.example \(ADMIN\), .*apps\/api\/README\.md/,
    );
    const second = runCli(['seed'], env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already seeded, nothing changed/);
    expect(second.stderr).toMatch(/demo users: present: /);
  });

  it('explains a DATABASE_URL it cannot use in one line', () => {
    const { status, stderr } = runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*DATABASE_URL/);
  });

  it('refuses a migration name that is not snake_case', () => {
    const { status, stderr } = runCli(['migration:new', 'Add Stuff']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/snake_case/);
  });
});
