/**
 * `pnpm cli export --format json|csv [--out FILE]`: open data for the OPCC's website, the plan
 * and the current status of every commitment, public fields only (no owners, authors, internal
 * notes or versions; see the domain's open-data module). The same document the running server
 * publishes at `/open-data/<plan>.json|csv`.
 */
import {
  buildOpenData,
  dorsetPlan,
  isDomainError,
  isOpenDataFormat,
  renderOpenData,
} from '@plan-tracker/domain';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { output } from '../output.js';
import { progressOn } from '../progress.js';

interface ExportOptions {
  readonly format: string;
  readonly out?: string;
  readonly plan: string;
}

export function registerExport(program: Command, deps: CliDependencies): void {
  program
    .command('export')
    .description(
      'Publish the plan and the current status of every commitment as open data (public fields only).',
    )
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--plan <slug>', 'the plan', dorsetPlan.slug)
    .action(async (options: ExportOptions) => {
      const { format } = options;
      if (!isOpenDataFormat(format)) {
        throw new CliError(`unknown format "${format}": use json or csv`);
      }
      const data = await withDatabase(deps, async ({ prisma }) => {
        const { loadOpenDataInput, ReportRequestError, seedDorset } = await import(
          '@plan-tracker/db'
        );
        if (options.plan === dorsetPlan.slug) await seedDorset(prisma);
        const done = progressOn(deps.stderr).step(`Reading the current status of ${options.plan}`);
        try {
          const built = buildOpenData(await loadOpenDataInput(prisma, { planSlug: options.plan }));
          done(`${built.commitments.length} commitments as at ${built.asAt}`);
          return built;
        } catch (error) {
          if (error instanceof ReportRequestError || isDomainError(error)) {
            throw new CliError(error.message);
          }
          throw error;
        }
      });
      await output(deps, renderOpenData(data, format), options.out);
    });
}
