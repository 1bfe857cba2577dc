// Small fixtures for the service tests: an organisation with a plan, one priority, one theme,
// a user acting, and fresh commitments on demand (each test takes its own, so tests sharing a
// database do not see each other's changes).
import type { Actor, PrismaClient } from '../../src/index.js';
import { seedPlan } from '../support.js';

export type Fixture = Awaited<ReturnType<typeof planFixture>>;

/** `positionsFrom`: the position after which `commitment()` numbers new commitments. */
export async function planFixture(prisma: PrismaClient, slug = 'dorset', positionsFrom = 0) {
  const base = await seedPlan(prisma, slug);
  const user = await prisma.user.create({
    data: {
      organisationId: base.organisation.id,
      email: `jo.bloggs@${slug}.example`,
      name: 'Jo Bloggs',
      passwordHash: 'x',
      role: 'EDITOR',
    },
  });
  const actor: Actor = {
    organisationId: base.organisation.id,
    userId: user.id,
    apiKeyId: null,
    label: 'Jo Bloggs (EDITOR)',
    caller: {
      kind: 'user',
      userId: user.id,
      organisationId: base.organisation.id,
      role: 'EDITOR',
      name: 'Jo Bloggs',
      ownerLabels: [],
      sessionId: 'test-session',
    },
  };
  /** The same person as an administrator (periods, users). */
  const admin: Actor = {
    ...actor,
    label: 'Jo Bloggs (ADMIN)',
    caller: { ...(actor.caller as Extract<Actor['caller'], { kind: 'user' }>), role: 'ADMIN' },
  };
  /** A contributor who answers for the work owned by `ownerLabels`. */
  const contributor = (ownerLabels: readonly string[]): Actor => ({
    ...actor,
    label: 'Jo Bloggs (CONTRIBUTOR)',
    caller: {
      ...(actor.caller as Extract<Actor['caller'], { kind: 'user' }>),
      role: 'CONTRIBUTOR',
      ownerLabels,
    },
  });
  let position = positionsFrom;
  /** A new commitment `1.2.<n>` in the fixture's theme. */
  const commitment = (
    data: { status?: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED'; owner?: string } = {},
  ) => {
    position += 1;
    return prisma.commitment.create({
      data: {
        organisationId: base.organisation.id,
        planId: base.plan.id,
        themeId: base.theme.id,
        code: `1.2.${position}`,
        position,
        text: `Commitment number ${position}`,
        introducedInRevisionId: base.revision.id,
        ...(data.status && { status: data.status }),
        ...(data.status === 'COMPLETED' && { progressPercent: 100 }),
        ...(data.owner && { owner: data.owner }),
      },
    });
  };
  /** A delivery action written straight to the table (no history), as older data would be. */
  const rawAction = (commitmentId: string, title = 'Action') =>
    prisma.deliveryAction.create({
      data: { organisationId: base.organisation.id, commitmentId, title },
    });
  return { ...base, user, actor, admin, contributor, commitment, rawAction };
}

/** Rows in the tables a write may touch, to prove a failed write left nothing behind. */
export async function rowCounts(prisma: PrismaClient) {
  const [history, updates, actions, milestones, values, periods] = await Promise.all([
    prisma.auditLog.count(),
    prisma.progressUpdate.count(),
    prisma.deliveryAction.count(),
    prisma.milestone.count(),
    prisma.measureValue.count(),
    prisma.reportingPeriod.count(),
  ]);
  return { history, updates, actions, milestones, values, periods };
}

/** Closes (creating if needed) a reporting period directly in the table. */
export async function closedPeriod(prisma: PrismaClient, organisationId: string, label: string) {
  const [years, q] = label.split(' Q') as [string, string];
  const start = Number(years.slice(0, 4));
  const quarter = Number(q);
  const startMonth = [4, 7, 10, 1][quarter - 1] as number;
  const year = quarter === 4 ? start + 1 : start;
  const startDate = new Date(Date.UTC(year, startMonth - 1, 1));
  const endDate = new Date(Date.UTC(year, startMonth + 2, 0));
  return prisma.reportingPeriod.upsert({
    where: { organisationId_label: { organisationId, label } },
    create: {
      organisationId,
      label,
      financialYear: years,
      quarter,
      startDate,
      endDate,
      closedAt: new Date(),
    },
    update: { closedAt: new Date() },
  });
}
