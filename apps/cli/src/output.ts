/** Where a command's document goes: standard output, or a file with a note on standard error. */
import { writeFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';
import type { CliDependencies } from './dependencies.js';

/** Writes `text` to `out`, or to standard output when no file is given. */
export async function output(
  deps: CliDependencies,
  text: string,
  out: string | undefined,
): Promise<void> {
  if (!out) {
    deps.stdout.write(text);
    return;
  }
  await writeFile(out, text).catch((error: unknown) => {
    throw new CliError(
      `cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  deps.stderr.write(`wrote ${out}\n`);
}
