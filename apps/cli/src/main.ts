/** Entry point of `pnpm cli`: runs the command and turns any failure into one line on stderr. */
import { CliError } from './cli-error.js';
import { buildProgram } from './program.js';

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  // commander has already printed its own message (unknown option, --help, --version).
  if (isCommanderExit(error)) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${firstLine(message)}\n`);
  if (!(error instanceof CliError) && process.env.DEBUG) console.error(error);
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

const code = await main(process.argv.slice(2));
// Exit as soon as output has drained: the migration engine (WebAssembly) leaves a timer of about
// ten seconds behind, and a command that is done should not wait for it.
process.stdout.write('', () => process.exit(code));
