// `pnpm cli import-plan`, in process: it reads and writes files and never opens a database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runInProcess } from './in-process.js';

const source = join(repoRoot, 'packages/domain/src/dorset/source/plan-2021-29.txt');
const scratch = mkdtempSync(join(tmpdir(), 'import-plan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]) {
  return runInProcess(['import-plan', ...args]);
}

describe('pnpm cli import-plan', () => {
  it('prints the plan as JSON', async () => {
    const { status, stdout, stderr } = await cli(source);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const document = JSON.parse(stdout);
    const themes = document.priorities.flatMap((p: { themes: unknown[] }) => p.themes);
    expect(document.priorities).toHaveLength(6);
    expect(themes).toHaveLength(29);
    expect(themes.flatMap((t: { commitments: unknown[] }) => t.commitments)).toHaveLength(156);
    expect(stdout).toBe(
      readFileSync(join(repoRoot, 'packages/domain/src/dorset/plan-2021-29.json'), 'utf8'),
    );
  });

  it('prints counts with --summary', async () => {
    const { status, stdout } = await cli(source, '--summary');
    expect(status).toBe(0);
    expect(stdout).toBe(
      '6 priorities, 29 themes, 156 commitments, 11 cross-cutting commitments, 6 measures rows\n',
    );
  });

  it('writes the JSON to a file with --out', async () => {
    const out = join(scratch, 'plan.json');
    const { status, stdout, stderr } = await cli(source, '--out', out);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('156 commitments');
    expect(JSON.parse(readFileSync(out, 'utf8')).priorities).toHaveLength(6);
  });

  it('explains a broken file in one line and exits non-zero', async () => {
    const broken = join(scratch, 'plan.txt');
    writeFileSync(broken, 'A PLAN\n\nCUT CRIME\n\nI will:\n\n- Do things\n');
    const { status, stdout, stderr } = await cli(broken);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: ${broken} line 7: bullet outside any theme ("- Do things") — add a theme heading above it\n`,
    );
  });

  it('says when the file is missing', async () => {
    const { status, stderr } = await cli('no/such/plan.txt');
    expect(status).toBe(1);
    expect(stderr).toBe('error: cannot read no/such/plan.txt: no such file\n');
  });

  it('says when the path cannot be read as a file', async () => {
    const { status, stderr } = await cli(scratch);
    expect(status).toBe(1);
    expect(stderr).toBe(`error: cannot read ${scratch}: it is a folder, not a file\n`);
  });

  it('says when the file is empty', async () => {
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const { status, stderr } = await cli(empty);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: .*empty\.txt line 1: the file is empty/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('describes itself with --help', async () => {
    const { status, stdout } = await cli('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('import-plan [options] <file>');
    expect(stdout).toContain('--out <file>');
    expect(stdout).toContain('--summary');
  });
});
