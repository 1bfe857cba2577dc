/**
 * `pnpm cli import-plan <file>`: reads a plan published as text and prints it as a
 * PlanDocument (JSON), or writes it to a file, or prints its counts.
 */
import { writeFile } from 'node:fs/promises';
import { isPlanImportError, type PlanDocument, parsePlanText } from '@plan-tracker/domain';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliDependencies } from '../dependencies.js';
import { fileErrorReason, readTextFile } from '../files.js';

interface ImportPlanOptions {
  readonly out?: string;
  readonly summary?: boolean;
}

export function registerImportPlan(program: Command, deps: CliDependencies): void {
  program
    .command('import-plan')
    .description('Read a plan published as text and print it as JSON (a PlanDocument).')
    .argument(
      '<file>',
      'the plan as plain text, e.g. packages/domain/src/dorset/source/plan-2021-29.txt',
    )
    .option('--out <file>', 'write the JSON to this file instead of standard output')
    .option('--summary', 'print the numbers of priorities, themes and commitments instead of JSON')
    .action(async (file: string, options: ImportPlanOptions) => {
      const document = parse(file, await readTextFile(file));
      if (options.summary) {
        deps.stdout.write(`${summarise(document)}\n`);
        return;
      }
      // Two-space JSON with a final newline: the form of the checked-in plan data.
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (options.out) {
        await writeFile(options.out, json).catch((error: unknown) => {
          throw new CliError(`cannot write ${options.out}: ${fileErrorReason(error)}`);
        });
        deps.stderr.write(`wrote ${options.out}: ${summarise(document)}\n`);
      } else {
        deps.stdout.write(json);
      }
    });
}

function parse(file: string, text: string): PlanDocument {
  try {
    return parsePlanText(text, { sourceName: file });
  } catch (error) {
    if (isPlanImportError(error)) throw new CliError(error.message);
    throw error;
  }
}

function summarise(document: PlanDocument): string {
  const themes = document.priorities.flatMap((priority) => priority.themes);
  const commitments = themes.reduce((sum, theme) => sum + theme.commitments.length, 0);
  const crossCutting = document.crossCutting.reduce(
    (sum, section) => sum + section.commitments.length,
    0,
  );
  return [
    `${document.priorities.length} priorities`,
    `${themes.length} themes`,
    `${commitments} commitments`,
    `${crossCutting} cross-cutting commitments`,
    `${document.measures.length} measures rows`,
  ].join(', ');
}
