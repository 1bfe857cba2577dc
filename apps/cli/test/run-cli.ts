import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: `pnpm cli` runs from there, so relative paths resolve from it. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the real CLI as `pnpm cli` does (tsx on main.ts), from the repository root. */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
