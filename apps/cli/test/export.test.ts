// `pnpm cli export` (open data) and `pnpm cli report` on a fresh embedded database, run as a
// user runs them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_DATA_CSV_COLUMNS } from '@plan-tracker/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'cli-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { DATABASE_URL: `file:${join(scratch, 'pglite')}` };

describe('pnpm cli export', () => {
  it('writes the open data as JSON on a new database, seeding it first', () => {
    const out = join(scratch, 'open-data.json');
    const { status, stderr } = runCli(['export', '--format', 'json', '--out', out], env);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/167 commitments as at \d{4}-\d{2}-\d{2}/);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.plan.slug).toBe('dorset-2021-29');
    expect(data.commitments).toHaveLength(167);
    const relentless = data.commitments.find((c: { code: string }) => c.code === '1.1.8');
    expect(relentless).toMatchObject({ priorityNumber: 1, status: 'ONGOING' });
    expect(relentless.lastUpdate.note).toMatch(/Operation Relentless/);
    expect(JSON.stringify(data)).not.toMatch(/"owner"|"author"|"version"/);
  });

  it('prints CSV to standard output', () => {
    const { status, stdout, stderr } = runCli(['export', '--format', 'csv'], env);
    expect(status, stderr).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_CSV_COLUMNS.join(','));
    expect(lines.filter(Boolean)).toHaveLength(168);
  });

  it('refuses an unknown format or plan with a clear error', () => {
    const format = runCli(['export', '--format', 'xml'], env);
    expect(format.status).toBe(1);
    expect(format.stderr).toMatch(/unknown format "xml": use json or csv/);
    const plan = runCli(['export', '--plan', 'no-such-plan'], env);
    expect(plan.status).toBe(1);
    expect(plan.stderr).toMatch(/There is no plan "no-such-plan"/);
  });
});

describe('pnpm cli report', () => {
  it('refuses a period outside the plan with a clear error', () => {
    const { status, stderr } = runCli(['report', '--period', '2030/31 Q1'], env);
    expect(status).toBe(1);
    expect(stderr).toMatch(/2030\/31 Q1 is outside the plan \(2021\/22 Q1 to 2028\/29 Q4\)/);
  });

  it('writes the Markdown report of a quarter', () => {
    const out = join(scratch, 'q2.md');
    const { status, stderr } = runCli(
      ['report', '--period', '2021/22 Q2', '--format', 'md', '--out', out],
      env,
    );
    expect(status, stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Single Online Home');
  });
});
