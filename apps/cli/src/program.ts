/**
 * Builds and runs the `pnpm cli` program. Each command lives in its own module under `commands/`
 * and registers itself here, so `--help` lists every command with its own options. Everything a
 * command takes from the world comes in `deps`, so the program runs the same in `main.ts` and in
 * process in the tests.
 */
import { inspect } from 'node:util';
import { Command } from 'commander';
import { CliError } from './cli-error.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerExport } from './commands/export.js';
import { registerImportPlan } from './commands/import-plan.js';
import { registerOrganisationCommands } from './commands/organisation.js';
import { registerPlanCommands } from './commands/plan.js';
import { registerPlanLoadCommands } from './commands/plan-load.js';
import { registerDevPostgres } from './commands/postgres.js';
import { registerReport, registerReportVerify } from './commands/report.js';
import { registerSingleSignOnCommands } from './commands/single-sign-on.js';
import { registerStart } from './commands/start.js';
import { registerUserCommands } from './commands/user.js';
import type { CliDependencies, TextOutput } from './dependencies.js';

export function buildProgram(deps: CliDependencies): Command {
  const program = new Command()
    .name('pnpm cli')
    .description(
      'Plan delivery tracker: load and revise plans, manage organisations, the database and staff accounts, produce reports.',
    )
    .showHelpAfterError('(run with --help for usage)')
    // Before the commands are added: each copies these settings from the program when made.
    // Commander throws instead of exiting, and writes where the dependencies say.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
      outputError: (text, write) => write(text),
      getOutHelpWidth: () => helpWidth(deps.stdout),
      getErrHelpWidth: () => helpWidth(deps.stderr),
    });
  registerImportPlan(program, deps);
  registerDatabaseCommands(program, deps);
  registerReport(program, deps);
  registerReportVerify(program, deps);
  registerExport(program, deps);
  registerStart(program, deps);
  registerOrganisationCommands(program, deps);
  registerUserCommands(program, deps);
  registerPlanLoadCommands(program, deps);
  registerPlanCommands(program, deps);
  registerSingleSignOnCommands(program, deps);
  registerDevPostgres(program, deps);
  return program;
}

/** The terminal's width, or commander's own default of 80 columns off a terminal. */
function helpWidth(stream: TextOutput): number {
  return (stream.isTTY ? stream.columns : undefined) ?? 80;
}

/**
 * Runs one command line (without `node` and the script) and returns the exit code. Any failure
 * becomes one line on stderr: `error: …`, exit code 1 (or the CliError's own).
 */
export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<number> {
  try {
    await buildProgram(deps).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(deps, error);
  }
}

function reportFailure(deps: CliDependencies, error: unknown): number {
  // commander has already printed its own message (unknown option, --help, --version).
  if (isCommanderExit(error)) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  deps.stderr.write(`error: ${firstLine(message)}\n`);
  if (!(error instanceof CliError) && deps.env.DEBUG) deps.stderr.write(`${inspect(error)}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}

function isCommanderExit(error: unknown): error is { exitCode: number; code: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  );
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? text;
}
