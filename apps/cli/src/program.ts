/**
 * Builds the `pnpm cli` program. Each command lives in its own module under `commands/` and
 * registers itself here, so `--help` lists every command with its own options.
 */
import { Command } from 'commander';
import { registerDatabaseCommands } from './commands/database.js';
import { registerExport } from './commands/export.js';
import { registerImportPlan } from './commands/import-plan.js';
import { registerDevPostgres } from './commands/postgres.js';
import { registerReport } from './commands/report.js';
import { registerStart } from './commands/start.js';
import { registerUserCommands } from './commands/user.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('pnpm cli')
    .description(
      'Plan delivery tracker: import plans, manage the database and staff accounts, produce reports.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  registerImportPlan(program);
  registerDatabaseCommands(program);
  registerReport(program);
  registerExport(program);
  registerStart(program);
  registerUserCommands(program);
  registerDevPostgres(program);
  return program;
}
