import { spawn } from 'node:child_process';
import { repoRoot } from './in-process.js';

export interface SpawnedCli {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Milliseconds from the last output to the process's exit. */
  readonly lingeredMs: number;
}

/** Runs `pnpm cli <args>` as a user does, from the repository root, as a separate process. */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<SpawnedCli> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', 'cli', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DEBUG: '', ...env },
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    let lastOutput = performance.now();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      lastOutput = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      lastOutput = performance.now();
    });
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({ status, signal, stdout, stderr, lingeredMs: performance.now() - lastOutput }),
    );
  });
}
