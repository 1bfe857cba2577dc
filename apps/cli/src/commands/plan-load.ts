/**
 * `pnpm cli plan:import` and `plan:revise`: a plan loaded into an organisation from its text (or
 * the JSON `import-plan` prints), and a newer text of it applied as a revision. Both act as the
 * system for the organisation, in one transaction with history; `--dry-run` makes the same
 * checks and writes, rolls them back, and prints exactly what applying would do.
 */
import type { PlanLoadSummary, RevisionDiff } from '@plan-tracker/domain';
import type { Command } from 'commander';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { readTextFile } from '../files.js';
import { findOrganisation, findPlan } from '../organisation.js';
import { progressOn } from '../progress.js';
import { type OptionNames, serviceFailure } from '../service-failure.js';

interface PlanImportOptions {
  organisation: string;
  slug: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  vision?: string;
  revision?: string;
  publishedOn?: string;
  publish?: boolean;
  dryRun?: boolean;
}

interface PlanReviseOptions {
  organisation: string;
  plan: string;
  revision: string;
  publishedOn: string;
  title?: string;
  dryRun?: boolean;
}

/** The options the plan's identity and text come from; the file's faults name their line. */
const IMPORT_OPTIONS: OptionNames = {
  organisation: '--organisation',
  slug: '--slug',
  title: '--title',
  vision: '--vision',
  periodStart: '--period-start',
  periodEnd: '--period-end',
  revisionCode: '--revision',
  publishedOn: '--published-on',
  text: null,
};

const REVISE_OPTIONS: OptionNames = {
  'revision.code': '--revision',
  'revision.title': '--title',
  'revision.publishedOn': '--published-on',
  text: null,
};

const FILE_HELP =
  'the plan as published text, or the JSON `pnpm cli import-plan` prints (a PlanDocument)';

export function registerPlanLoadCommands(program: Command, deps: CliDependencies): void {
  program
    .command('plan:import')
    .description(
      'Load a plan into an organisation: its priorities, themes, commitments, measures and reporting periods, as a draft. --dry-run shows what it would create and writes nothing.',
    )
    .argument('<file>', FILE_HELP)
    .requiredOption('--organisation <slug>', 'the organisation whose plan it is')
    .requiredOption('--slug <plan-slug>', 'the plan’s short name, e.g. wessex-2025-29')
    .requiredOption('--title <title>', 'the plan’s title')
    .requiredOption('--period-start <date>', 'the first day it covers, e.g. 2025-04-01')
    .requiredOption('--period-end <date>', 'the last day it covers, e.g. 2029-03-31')
    .option('--vision <text>', 'its one-line vision')
    .option(
      '--revision <code>',
      'the code of this text’s revision (default: the year it was published)',
    )
    .option('--published-on <date>', 'when this text was published (default: --period-start)')
    .option('--publish', 'publish it at once, for anonymous readers and open data')
    .option('--dry-run', 'show what it would create, and write nothing')
    .addHelpText(
      'after',
      '\nExample:\n  pnpm cli plan:import plan.txt --organisation wessex-opcc --slug wessex-2025-29 --title "Wessex Police and Crime Plan 2025–29" --period-start 2025-04-01 --period-end 2029-03-31 --dry-run\n',
    )
    .action(async (file: string, options: PlanImportOptions) => {
      const content = await readTextFile(file);
      const { importPlan, systemActor } = await import('@plan-tracker/db');
      await withDatabase(deps, async ({ prisma }) => {
        const organisation = await findOrganisation(prisma, options.organisation);
        const dryRun = options.dryRun === true;
        const done = progressOn(deps.stderr).step(`Loading ${file} into ${organisation.slug}`);
        const result = await importPlan(
          prisma,
          systemActor(organisation.id, 'pnpm cli plan:import'),
          {
            identity: {
              slug: options.slug,
              title: options.title,
              vision: options.vision,
              periodStart: options.periodStart,
              periodEnd: options.periodEnd,
              revisionCode: options.revision,
              publishedOn: options.publishedOn,
            },
            source: { content, name: file },
            published: options.publish === true,
            dryRun,
          },
        );
        if (!result.ok) {
          done('refused', { failed: true });
          throw serviceFailure('load the plan (nothing was written)', result.error, IMPORT_OPTIONS);
        }
        done(dryRun ? 'rolled back (dry run)' : 'done');
        const { summary } = result.value;
        const published = options.publish === true;
        const lines = [
          `${dryRun ? 'Would load' : 'Loaded'} the plan ${summary.slug} into ${organisation.name} (${organisation.slug}), from ${file}:`,
          ...summaryLines(summary, published).map((line) => `  ${line}`),
        ];
        if (dryRun) {
          lines.push('Dry run: nothing was written. Run it again without --dry-run to load it.');
        } else {
          const plan = `--organisation ${organisation.slug} --plan ${summary.slug}`;
          lines.push(
            'Next:',
            ...(published ? [] : [`  publish it when it is ready: pnpm cli plan:publish ${plan}`]),
            `  load a later revision of it: pnpm cli plan:revise <file> ${plan} --revision <code> --published-on <date> --dry-run`,
          );
        }
        deps.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  program
    .command('plan:revise')
    .description(
      'Apply a newer text of a plan as a revision: commitments added, withdrawn (kept, with their work), reworded and renumbered, from its publication date. --dry-run shows the difference and changes nothing.',
    )
    .argument('<file>', FILE_HELP)
    .requiredOption('--organisation <slug>', 'the organisation whose plan it is')
    .requiredOption('--plan <plan-slug>', 'the plan to revise')
    .requiredOption('--revision <code>', 'the new revision’s code, e.g. 2027')
    .requiredOption('--published-on <date>', 'when it was published; its changes hold from then')
    .option('--title <title>', 'the revision’s title (default: the plan’s)')
    .option('--dry-run', 'show what it would change, and change nothing')
    .addHelpText(
      'after',
      '\nExample:\n  pnpm cli plan:revise plan-2027.txt --organisation wessex-opcc --plan wessex-2025-29 --revision 2027 --published-on 2027-04-01 --dry-run\n',
    )
    .action(async (file: string, options: PlanReviseOptions) => {
      const content = await readTextFile(file);
      const { revisePlan, revisionSummary, systemActor } = await import('@plan-tracker/db');
      await withDatabase(deps, async ({ prisma }) => {
        const organisation = await findOrganisation(prisma, options.organisation);
        const plan = await findPlan(prisma, organisation, options.plan);
        const dryRun = options.dryRun === true;
        const done = progressOn(deps.stderr).step(`Applying ${file} to ${plan.slug}`);
        const result = await revisePlan(
          prisma,
          systemActor(organisation.id, 'pnpm cli plan:revise'),
          {
            planId: plan.id,
            expectedVersion: plan.version,
            revision: {
              code: options.revision,
              publishedOn: options.publishedOn,
              title: options.title,
            },
            source: { content, name: file },
            dryRun,
          },
        );
        if (!result.ok) {
          done('refused', { failed: true });
          throw serviceFailure(
            'revise the plan (nothing was changed)',
            result.error,
            REVISE_OPTIONS,
          );
        }
        done(dryRun ? 'rolled back (dry run)' : 'done');
        const { diff, effectiveOn } = result.value;
        const changes = diffLines(diff);
        const lines = [
          `${dryRun ? 'Revision' : 'Applied revision'} ${options.revision} of ${plan.slug} (${plan.title}), published ${effectiveOn}, from ${file}:`,
          ...(changes.length > 0 ? changes : ['nothing: this text is the plan as it stands']).map(
            (line) => `  ${line}`,
          ),
          revisionSummary(diff),
        ];
        lines.push(
          dryRun
            ? 'Dry run: nothing was changed. Run it again without --dry-run to apply it.'
            : `Its changes hold from ${effectiveOn}: the plan as at an earlier date reads as it was, and withdrawn commitments keep their actions and updates.`,
        );
        deps.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

/** What loading creates, one line a kind. */
function summaryLines(summary: PlanLoadSummary, published: boolean): string[] {
  const periods = summary.reportingPeriods;
  return [
    `plan ${summary.slug}: ${summary.title}, ${summary.periodStart} to ${summary.periodEnd}, ${published ? 'published' : 'a draft'}`,
    `revision ${summary.revisionCode}`,
    count(summary.priorities, 'priority', 'priorities'),
    count(summary.themes, 'theme', 'themes'),
    `${count(summary.commitments, 'commitment', 'commitments')} under the themes`,
    count(summary.crossCuttingCommitments, 'cross-cutting commitment', 'cross-cutting commitments'),
    count(summary.measures, 'measure', 'measures'),
    `${count(periods.length, 'reporting period', 'reporting periods')}${periods.length > 0 ? `: ${periods[0]} … ${periods.at(-1)}` : ''}`,
  ];
}

/** Every change of a revision, one line each: priorities and themes, then commitments. */
function diffLines(diff: RevisionDiff): string[] {
  return [
    ...diff.prioritiesAdded.map((p) => `new priority ${p.number}: ${p.title}`),
    ...diff.prioritiesRetitled.map(
      ({ before, after }) => `retitled priority ${after.number}: ${before.title} → ${after.title}`,
    ),
    ...diff.themesAdded.map((t) => `new theme ${t.priorityNumber}.${t.position}: ${t.title}`),
    ...diff.themesRetitled.map(
      ({ before, after }) =>
        `retitled theme ${after.priorityNumber}.${after.position}: ${before.title} → ${after.title}`,
    ),
    ...diff.added.map((c) => `added ${c.code}: ${c.text}`),
    ...diff.withdrawn.map((c) => `withdrawn ${c.code}: ${c.text}`),
    ...diff.reworded.map((c) => `reworded ${c.code}: ${c.before} → ${c.after.text}`),
    ...diff.renumbered.map((c) => `renumbered ${c.fromCode} → ${c.after.code}: ${c.after.text}`),
  ];
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
