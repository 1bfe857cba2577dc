// The one test that runs the real `pnpm cli` as a separate process, end to end: the root script,
// tsx, main.ts, the process's exit code and its exit once done. Everything else about the
// commands is tested in process (see in-process.ts).
import { OPEN_DATA_CSV_COLUMNS } from '@plan-tracker/domain';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './spawn-cli.js';

describe('pnpm cli, as a process', () => {
  it('lists its commands, runs one on memory:// and exits with its code when done', async () => {
    const help = await spawnCli(['--help']);
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
      'user:create',
      'dev:postgres',
    ]) {
      expect(help.stdout).toContain(`  ${command} `);
    }

    const csv = await spawnCli(['export', '--format', 'csv'], { DATABASE_URL: 'memory://' });
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.signal).toBeNull();
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_CSV_COLUMNS.join(','));
    expect(lines.filter(Boolean)).toHaveLength(168);
    // The migration engine (WebAssembly) leaves a timer of about ten seconds behind; main.ts
    // exits once output has drained instead of waiting for it.
    expect(csv.lingeredMs).toBeLessThan(3_000);

    const failure = await spawnCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(failure.status).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(/^error: .*DATABASE_URL/);
    // Three processes, each loading TypeScript through tsx: slow on a busy machine.
  }, 180_000);
});
