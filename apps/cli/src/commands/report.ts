/**
 * `pnpm cli report --period "2021/22 Q2" --format html|md|csv|json|pdf [--out FILE]`: the
 * quarterly monitoring report for the Police and Crime Panel, built as at the end of the quarter
 * from history, on the embedded database (created, migrated and seeded when absent) or on
 * DATABASE_URL. `pnpm cli export` publishes the plan and the current status of every commitment.
 */
import { writeFile } from 'node:fs/promises';
import {
  buildMonitoringReport,
  dorsetPlan,
  isDomainError,
  isReportFormat,
  type ReportFormat,
  renderReport,
} from '@plan-tracker/domain';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { output } from '../output.js';
import { progressOn } from '../progress.js';

interface ReportOptions {
  readonly period: string;
  readonly format: string;
  readonly out?: string;
  readonly plan: string;
}

export function registerReport(program: Command, deps: CliDependencies): void {
  program
    .command('report')
    .description(
      'Build the quarterly monitoring report for the Police and Crime Panel, as at the end of a quarter.',
    )
    .requiredOption('--period <quarter>', 'the quarter, e.g. "2021/22 Q2"')
    .option('--format <format>', 'html, md, csv, json or pdf (pdf needs Chromium)', 'html')
    .option('--out <file>', 'write to this file instead of standard output (required for pdf)')
    .option('--plan <slug>', 'the plan', dorsetPlan.slug)
    .action(async (options: ReportOptions) => {
      const format = options.format;
      if (format !== 'pdf' && !isReportFormat(format)) {
        throw new CliError(`unknown format "${format}": use html, md, csv, json or pdf`);
      }
      if (format === 'pdf' && !options.out) {
        throw new CliError('a PDF cannot go to the terminal: add --out report.pdf');
      }
      const progress = progressOn(deps.stderr);
      const report = await withDatabase(deps, async ({ prisma }) => {
        const { loadReportInput, ReportRequestError, seedDorset } = await import(
          '@plan-tracker/db'
        );
        if (options.plan === dorsetPlan.slug) await seedDorset(prisma);
        const done = progress.step(
          `Rebuilding the plan quarter by quarter up to ${options.period}`,
        );
        try {
          const input = await loadReportInput(prisma, {
            planSlug: options.plan,
            period: options.period,
            onProgress: (n, total) => progress.counter('quarters', n, total),
          });
          done(`${input.states.length} quarters`);
          return buildMonitoringReport(input);
        } catch (error) {
          if (error instanceof ReportRequestError) throw new CliError(error.message);
          if (isDomainError(error)) throw new CliError(`${error.message}`);
          throw error;
        }
      });
      if (format === 'pdf') {
        const done = progress.step('Printing the report to PDF with Chromium');
        const { ChromiumMissingError, htmlToPdf } = await import('@plan-tracker/api/report/pdf');
        const pdf = await htmlToPdf(renderReport(report, 'html')).catch((error: unknown) => {
          throw error instanceof ChromiumMissingError ? new CliError(error.message) : error;
        });
        await writeFile(options.out as string, pdf);
        done(options.out);
        return;
      }
      await output(deps, renderReport(report, format as ReportFormat), options.out);
    });
}
