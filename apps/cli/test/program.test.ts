// How `pnpm cli` fails, in process: commander's own errors and unexpected ones are one line on
// stderr with a non-zero exit code, never a stack trace (unless DEBUG is set).
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process.js';

describe('pnpm cli errors', () => {
  it('names an unknown command or a missing option, and exits 1', async () => {
    const unknown = await runInProcess(['nonsense']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^error: unknown command 'nonsense'/);
    const missing = await runInProcess(['report', '--format', 'md']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: required option '--period <quarter>' not specified/);
  });

  it('turns a database that will not open into one line that says what to check', async () => {
    const openDatabase = () => Promise.reject(new Error('connection refused\n    at somewhere'));
    const { status, stdout, stderr } = await runInProcess(['migrate'], { openDatabase });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: cannot open the database: connection refused — check DATABASE_URL, or unset it to use the embedded database\n',
    );
  });
});
