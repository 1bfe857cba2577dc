// The whole plan as a tree: priorities → themes → commitments → actions → milestones, plus the
// cross-cutting commitments, in six queries whatever the size of the plan.
import type { CrossCuttingSection, IsoDate } from '@plan-tracker/domain';
import type { PrismaClient } from '../generated/prisma/client.js';
import { ACTION_CODE_ORDER, COMMITMENT_CODE_ORDER } from './as-at.js';
import { fromDbDate } from './dates.js';
import {
  type ActionRecord,
  actionRecord,
  type CommitmentRecord,
  commitmentRecord,
  type MilestoneRecord,
  milestoneRecord,
} from './records.js';

export interface ActionNode extends ActionRecord {
  readonly milestones: MilestoneRecord[];
}

export interface CommitmentNode extends CommitmentRecord {
  readonly actions: ActionNode[];
}

export interface ThemeNode {
  readonly id: string;
  readonly position: number;
  readonly title: string;
  readonly commitments: CommitmentNode[];
}

export interface PriorityNode {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly aims: string[];
  readonly outcome: string | null;
  readonly themes: ThemeNode[];
}

export interface CrossCuttingNode {
  readonly section: CrossCuttingSection;
  readonly commitments: CommitmentNode[];
}

export interface PlanTree {
  readonly plan: {
    readonly id: string;
    readonly organisationId: string;
    readonly slug: string;
    readonly title: string;
    readonly vision: string;
    readonly periodStart: IsoDate;
    readonly periodEnd: IsoDate;
    readonly published: boolean;
    readonly version: number;
  };
  readonly priorities: PriorityNode[];
  /** The sections after the six priorities, in section order, each only when it has commitments. */
  readonly crossCutting: CrossCuttingNode[];
}

export interface PlanTreeArgs {
  /** The plan's organisation; needed when two organisations use the same slug. */
  readonly organisationId?: string | undefined;
  /** e.g. `dorset-2021-29` */
  readonly slug: string;
  /** Include archived actions and milestones (left out by default). */
  readonly includeArchived?: boolean | undefined;
}

/** The plan with everything under it, or `null` when there is no such plan. */
export async function getPlanTree(
  prisma: PrismaClient,
  args: PlanTreeArgs,
): Promise<PlanTree | null> {
  const plan = await prisma.plan.findFirst({
    where: { slug: args.slug, ...(args.organisationId && { organisationId: args.organisationId }) },
    orderBy: { createdAt: 'asc' },
  });
  if (!plan) return null;
  const live = args.includeArchived ? {} : { archivedAt: null };
  const [priorities, themes, commitments, actions, milestones] = await Promise.all([
    prisma.priority.findMany({ where: { planId: plan.id }, orderBy: { number: 'asc' } }),
    prisma.theme.findMany({
      where: { priority: { planId: plan.id } },
      orderBy: [{ priorityId: 'asc' }, { position: 'asc' }],
    }),
    prisma.commitment.findMany({ where: { planId: plan.id }, orderBy: COMMITMENT_CODE_ORDER }),
    prisma.deliveryAction.findMany({
      where: { commitment: { planId: plan.id }, ...live },
      orderBy: ACTION_CODE_ORDER,
    }),
    prisma.milestone.findMany({
      where: { action: { commitment: { planId: plan.id } }, ...live },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);

  const milestonesByAction = groupBy(milestones.map(milestoneRecord), (m) => m.actionId);
  const actionsByCommitment = groupBy(
    actions.map((row): ActionNode => {
      const record = actionRecord(row);
      return { ...record, milestones: milestonesByAction.get(record.id) ?? [] };
    }),
    (a) => a.commitmentId,
  );
  const nodes = commitments.map(
    (row): CommitmentNode => ({
      ...commitmentRecord(row),
      actions: actionsByCommitment.get(row.id) ?? [],
    }),
  );
  const commitmentsByTheme = groupBy(
    nodes.filter((c) => c.themeId !== null),
    (c) => c.themeId as string,
  );
  const themesByPriority = groupBy(themes, (t) => t.priorityId);
  const sections = groupBy(
    nodes.filter((c) => c.crossCuttingSection !== null),
    (c) => c.crossCuttingSection as CrossCuttingSection,
  );

  return {
    plan: {
      id: plan.id,
      organisationId: plan.organisationId,
      slug: plan.slug,
      title: plan.title,
      vision: plan.vision,
      periodStart: fromDbDate(plan.periodStart),
      periodEnd: fromDbDate(plan.periodEnd),
      published: plan.published,
      version: plan.version,
    },
    priorities: priorities.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      aims: p.aims,
      outcome: p.outcome,
      themes: (themesByPriority.get(p.id) ?? []).map((t) => ({
        id: t.id,
        position: t.position,
        title: t.title,
        commitments: commitmentsByTheme.get(t.id) ?? [],
      })),
    })),
    crossCutting: [...sections].map(([section, list]) => ({ section, commitments: list })),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
