/**
 * What the commands take from the world, handed to them rather than read from `process`: so the
 * same commands run under `pnpm cli` and, in process, under the tests, on a database a test file
 * opened once.
 */
import { type Database, openDatabase } from '@plan-tracker/db';

/** Where a command writes text: the process's stdout or stderr, or a buffer in a test. */
export interface TextOutput {
  write(text: string): unknown;
  /** True on a terminal: progress then updates in place. */
  readonly isTTY?: boolean;
  /** The terminal's width, for `--help`. */
  readonly columns?: number;
}

/** The terminal a password is typed at: what the hidden prompt uses of `process.stdin`. */
export interface TerminalInput {
  readonly isTTY?: boolean;
  setRawMode(raw: boolean): unknown;
  setEncoding(encoding: 'utf8'): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
}

export interface CliDependencies {
  /** Opens the database the commands work on; they migrate it, use it and close it. */
  readonly openDatabase: () => Promise<Database>;
  /** The command's document or answer. */
  readonly stdout: TextOutput;
  /** Progress, notes, warnings and errors, so that stdout stays clean for data. */
  readonly stderr: TextOutput;
  /** The environment: `PLAN_TRACKER_PASSWORD`, `PORT`, `HOST`, `DEBUG`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The terminal to ask for a password at; absent (or not a TTY) means nobody can be asked. */
  readonly stdin?: TerminalInput;
}

/**
 * Opens DATABASE_URL of `env`, or the embedded database in data/pglite when it is unset or empty
 * (never falling back to `process.env`: `env` is the whole environment).
 */
export function databaseOf(env: CliDependencies['env']): () => Promise<Database> {
  return () => openDatabase({ url: env.DATABASE_URL ?? '' });
}

/** The real process: its streams, its environment, its terminal. */
export function processDependencies(): CliDependencies {
  return {
    openDatabase: databaseOf(process.env),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
  };
}
