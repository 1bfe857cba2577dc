/**
 * Runs the CLI's commands in process, as `pnpm cli` would run them but without a new Node, tsx
 * and migration engine for every command: the output is captured, and the database is the one
 * the test file opened (see `shared`). `smoke.test.ts` runs the real entry point as a process.
 */
import { fileURLToPath } from 'node:url';
import type { Database } from '@plan-tracker/db';
import type { CliDependencies, TextOutput } from '../src/dependencies.js';
import { runCli } from '../src/program.js';

/** The repository root, which `pnpm cli` runs from. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What a user sees of one command: its exit code and its two streams. */
export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Where the command's database comes from; by default a command may not open one. */
  readonly openDatabase?: CliDependencies['openDatabase'];
  /** The whole environment of the command (nothing is taken from the test's own). */
  readonly env?: CliDependencies['env'];
  /** A terminal to type at; by default there is none, as under CI. */
  readonly stdin?: CliDependencies['stdin'];
}

class Captured implements TextOutput {
  text = '';
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

/** Runs `pnpm cli <args>` in process and returns what it printed and its exit code. */
export async function runInProcess(
  args: readonly string[],
  { openDatabase = noDatabase, env = {}, stdin }: RunOptions = {},
): Promise<CliResult> {
  const stdout = new Captured();
  const stderr = new Captured();
  const status = await runCli(args, {
    openDatabase,
    stdout,
    stderr,
    env,
    ...(stdin ? { stdin } : {}),
  });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Hands the commands one database for a whole test file: they migrate and use it as they would
 * their own, and their `close()` leaves it open for the next command. Close it in `afterAll`.
 */
export function shared(database: Database): () => Promise<Database> {
  return async () => ({ ...database, close: async () => {} });
}

async function noDatabase(): Promise<Database> {
  throw new Error('this command was not expected to open a database');
}
