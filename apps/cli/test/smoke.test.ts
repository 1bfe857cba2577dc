// The one test that runs the real `pnpm cli` as a separate process, end to end: the root script,
// tsx, main.ts, the process's exit code and its exit once done. Everything else about the
// commands is tested in process (see in-process.ts).
import { OPEN_DATA_CSV_COLUMNS } from '@plan-tracker/domain';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './spawn-cli.js';

describe('pnpm cli, as a process', () => {
  it('lists its commands, runs one on memory:// and exits with its code when done', async () => {
    // Three processes at once: each spends a second or so loading TypeScript through tsx.
    const [help, csv, failure] = await Promise.all([
      spawnCli(['--help']),
      spawnCli(['export', '--format', 'csv'], { DATABASE_URL: 'memory://' }),
      spawnCli(['migrate'], { DATABASE_URL: 'mysql://nope' }),
    ]);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pnpm cli \[options\] \[command\]/);
    for (const command of [
      'import-plan',
      'migrate',
      'migration:new',
      'seed',
      'report',
      'export',
      'start',
      'org:create',
      'user:create',
      'plan:import',
      'plan:revise',
      'plan:publish',
      'plan:unpublish',
      'plan:archive',
      'plan:list',
      'dev:postgres',
    ]) {
      expect(help.stdout).toContain(`  ${command} `);
    }

    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.signal).toBeNull();
    const lines = csv.stdout.split('\r\n');
    // All of it: the process exits only once its output has drained into the pipe.
    expect(lines[0]).toBe(OPEN_DATA_CSV_COLUMNS.join(','));
    expect(lines.filter(Boolean)).toHaveLength(168);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    // The migration engine (WebAssembly) leaves a timer of about ten seconds behind; main.ts
    // exits once output has drained instead of waiting for it.
    expect(csv.lingeredMs).toBeLessThan(3_000);

    expect(failure.status).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(/^error: .*DATABASE_URL/);
  }, 180_000);
});
