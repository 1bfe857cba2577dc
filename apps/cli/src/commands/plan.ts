/**
 * `pnpm cli plan:publish`, `plan:unpublish`, `plan:archive` and `plan:list`: who may see a plan,
 * and which plans each organisation has. The writes go through `changePlan` as the system for
 * the plan's organisation, with history.
 */
import type { PlanChangeInput, PrismaClient } from '@plan-tracker/db';
import type { Command } from 'commander';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { type FoundPlan, findOrganisation, findPlan } from '../organisation.js';
import { serviceFailure } from '../service-failure.js';

interface PlanOptions {
  organisation: string;
  plan: string;
}

/** A change of who sees a plan: what to ask `changePlan`, and what to say about it. */
interface StateChange {
  readonly command: string;
  readonly description: string;
  readonly change: PlanChangeInput;
  /** The plan is already so: nothing to write. */
  readonly already: (plan: FoundPlan) => string | null;
  readonly done: string;
  /** Who sees it afterwards. */
  readonly now: string;
}

const STATE_CHANGES: readonly StateChange[] = [
  {
    command: 'plan:publish',
    description: 'Publish a plan: anonymous readers and open data see it.',
    change: { published: true },
    already: (plan) => (plan.published ? 'already published' : null),
    done: 'Published',
    now: 'anonymous readers and open data see it now',
  },
  {
    command: 'plan:unpublish',
    description: 'Unpublish a plan: only its organisation’s staff see it.',
    change: { published: false },
    already: (plan) =>
      plan.archivedAt ? 'archived, so not published' : plan.published ? null : 'a draft already',
    done: 'Unpublished',
    now: 'only its organisation’s staff see it now',
  },
  {
    command: 'plan:archive',
    description:
      'Archive a plan: its staff can still read it; it leaves pickers and published lists and is no longer published.',
    change: { archived: true },
    already: (plan) => (plan.archivedAt ? 'already archived' : null),
    done: 'Archived',
    now: 'its staff can still read it; it is out of pickers and published lists, and not published',
  },
];

export function registerPlanCommands(program: Command, deps: CliDependencies): void {
  for (const state of STATE_CHANGES) {
    program
      .command(state.command)
      .description(state.description)
      .requiredOption('--organisation <slug>', 'the organisation whose plan it is')
      .requiredOption('--plan <plan-slug>', 'the plan')
      .action(async (options: PlanOptions) => {
        const { changePlan, systemActor } = await import('@plan-tracker/db');
        await withDatabase(deps, async ({ prisma }) => {
          const organisation = await findOrganisation(prisma, options.organisation);
          const plan = await findPlan(prisma, organisation, options.plan);
          const already = state.already(plan);
          if (already) {
            deps.stdout.write(`${plan.slug} (${plan.title}) is ${already}: nothing changed.\n`);
            return;
          }
          const result = await changePlan(
            prisma,
            systemActor(organisation.id, `pnpm cli ${state.command}`),
            { id: plan.id, expectedVersion: plan.version, input: state.change },
          );
          if (!result.ok) {
            throw serviceFailure(`change ${plan.slug}`, result.error, { published: null });
          }
          deps.stdout.write(
            `${state.done} ${result.value.slug} (${result.value.title}) of ${organisation.name}: ${state.now}.\n`,
          );
        });
      });
  }

  program
    .command('plan:list')
    .description(
      'List the organisations and their plans: slug, title, period, whether published, and commitments.',
    )
    .option('--organisation <slug>', 'only this organisation')
    .action(async (options: { organisation?: string }) => {
      await withDatabase(deps, async ({ prisma }) => {
        const only = options.organisation
          ? await findOrganisation(prisma, options.organisation)
          : undefined;
        deps.stdout.write(await listing(prisma, only?.id));
      });
    });
}

/** Published, draft or archived, as the plan's tag reads. */
function statusOf(plan: { published: boolean; archivedAt: Date | string | null }): string {
  return plan.archivedAt ? 'archived' : plan.published ? 'published' : 'draft';
}

/** The organisations (or one) with a row per plan, its columns lined up. */
async function listing(prisma: PrismaClient, organisationId: string | undefined): Promise<string> {
  const { fromDbDate } = await import('@plan-tracker/db');
  const organisations = await prisma.organisation.findMany({
    where: organisationId ? { id: organisationId } : {},
    orderBy: { slug: 'asc' },
    select: {
      slug: true,
      name: true,
      plans: {
        orderBy: { slug: 'asc' },
        select: {
          id: true,
          slug: true,
          title: true,
          periodStart: true,
          periodEnd: true,
          published: true,
          archivedAt: true,
          // The commitments in force: a withdrawn one gives up its live code.
          _count: { select: { commitments: { where: { liveCode: { not: null } } } } },
        },
      },
    },
  });
  if (organisations.length === 0) {
    return 'No organisations yet: `pnpm cli org:create --slug … --name …` makes one (`pnpm cli seed` makes the Dorset office).\n';
  }
  const withdrawn = await prisma.commitment.groupBy({
    by: ['planId'],
    where: {
      withdrawnInRevisionId: { not: null },
      planId: { in: organisations.flatMap((o) => o.plans.map((p) => p.id)) },
    },
    _count: true,
  });
  const withdrawnByPlan = new Map(withdrawn.map((w) => [w.planId, w._count]));
  const lines: string[] = [];
  for (const organisation of organisations) {
    lines.push(`${organisation.slug}: ${organisation.name}`);
    if (organisation.plans.length === 0) {
      lines.push(
        `  no plans yet (pnpm cli plan:import <file> --organisation ${organisation.slug} …)`,
      );
      continue;
    }
    const rows = organisation.plans.map((plan) => {
      const gone = withdrawnByPlan.get(plan.id) ?? 0;
      return [
        plan.slug,
        plan.title,
        `${fromDbDate(plan.periodStart)} to ${fromDbDate(plan.periodEnd)}`,
        statusOf(plan),
        `${plan._count.commitments} commitments${gone > 0 ? ` (${gone} withdrawn)` : ''}`,
      ];
    });
    const widths = rows[0]?.map((_, column) =>
      Math.max(...rows.map((r) => r[column]?.length ?? 0)),
    );
    for (const row of rows) {
      lines.push(
        `  ${row
          .map((cell, column) =>
            column < row.length - 1 ? cell.padEnd(widths?.[column] ?? 0) : cell,
          )
          .join('  ')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
