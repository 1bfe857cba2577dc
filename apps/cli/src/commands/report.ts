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
  tryPeriodFromLabel,
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
      const built = await withDatabase(deps, async ({ prisma }) => {
        const { loadReportInput, ReportRequestError, seedDorset, storedReportFile } = await import(
          '@plan-tracker/db'
        );
        if (options.plan === dorsetPlan.slug) await seedDorset(prisma);
        // A closed quarter's report is the one stored at its close, byte for byte.
        const plan = await prisma.plan.findFirst({
          where: { slug: options.plan },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true },
        });
        const label = tryPeriodFromLabel(options.period)?.label;
        if (plan && label) {
          const stored = await storedReportFile(
            prisma,
            plan.id,
            label,
            'INTERNAL',
            format === 'pdf' ? 'html' : format,
          );
          if (stored) {
            progress.step(`${label} is closed: the report stored on ${stored.closedOn}`)();
            return { stored: Buffer.from(stored.bytes), report: null };
          }
        }
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
          return { stored: null, report: buildMonitoringReport(input) };
        } catch (error) {
          if (error instanceof ReportRequestError) throw new CliError(error.message);
          if (isDomainError(error)) throw new CliError(`${error.message}`);
          throw error;
        }
      });
      const text = (as: ReportFormat): string =>
        built.stored ? built.stored.toString('utf8') : renderReport(built.report, as);
      if (format === 'pdf') {
        const done = progress.step('Printing the report to PDF with Chromium');
        const { ChromiumMissingError, htmlToPdf } = await import('@plan-tracker/api/report/pdf');
        const pdf = await htmlToPdf(text('html')).catch((error: unknown) => {
          throw error instanceof ChromiumMissingError ? new CliError(error.message) : error;
        });
        await writeFile(options.out as string, pdf);
        done(options.out);
        return;
      }
      await output(deps, text(format as ReportFormat), options.out);
    });
}

interface VerifyOptions {
  readonly plan: string;
  readonly organisation?: string;
}

export function registerReportVerify(program: Command, deps: CliDependencies): void {
  program
    .command('report:verify')
    .description(
      "Check that no closed quarter's stored report was rewritten: recompute the plan's chain of SHA-256 digests from the stored bytes. Exits 1, naming the quarter, when it breaks.",
    )
    .option('--plan <slug>', 'the plan', dorsetPlan.slug)
    .option('--organisation <slug>', 'the organisation, when several have a plan with that slug')
    .action(async (options: VerifyOptions) => {
      const progress = progressOn(deps.stderr);
      const check = await withDatabase(deps, async ({ prisma }) => {
        const { verifyReportChain } = await import('@plan-tracker/db');
        const plans = await prisma.plan.findMany({
          where: {
            slug: options.plan,
            ...(options.organisation && { organisation: { slug: options.organisation } }),
          },
          select: { id: true },
        });
        const [plan, other] = plans;
        if (!plan)
          throw new CliError(
            `There is no plan "${options.plan}". List them with pnpm cli plan:list.`,
          );
        if (other) {
          throw new CliError(
            `Several organisations have a plan "${options.plan}": add --organisation <slug>.`,
          );
        }
        const done = progress.step("Checking the plan's stored reports");
        const result = await verifyReportChain(prisma, plan.id);
        done(`${result.reports} stored report${result.reports === 1 ? '' : 's'}`);
        return result;
      });
      if (check.broken) {
        throw new CliError(
          `the chain of stored reports breaks at ${check.broken.period} (report ${check.broken.sequence} of ${check.reports}): ${check.broken.problem} Compare with the copy the Panel received, and see the audit log for who closed and reopened the quarter.`,
        );
      }
      deps.stdout.write(
        check.reports === 0
          ? 'No quarter of this plan is closed yet: there are no stored reports to check.\n'
          : `The ${check.reports} stored reports are intact. Latest digest: ${check.latestDigest}\n`,
      );
    });
}
