// Reads: the plan tree in a constant number of queries, filtered and paginated lists, roll-ups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  archiveAction,
  changeCommitmentStatus,
  createAction,
  createMilestone,
  type Database,
  getPlanTree,
  ListArgumentError,
  listActions,
  listCommitments,
  type PrismaClient,
  planRollUp,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture } from './fixtures.js';

let db: Database;
let f: Fixture;
const ids: Record<string, string> = {};

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  db = await openTestDatabase();
  // Fixture commitments are numbered from 1.2.101 so they cannot clash with those made here.
  f = await planFixture(db.prisma, 'dorset', 100);
  const p = db.prisma;
  const org = f.organisation.id;
  const theme10 = await p.theme.create({
    data: { organisationId: org, priorityId: f.priority.id, position: 10, title: 'Rural crime' },
  });
  const priority2 = await p.priority.create({
    data: {
      organisationId: org,
      planId: f.plan.id,
      number: 2,
      title: 'Make policing more visible',
    },
  });
  const theme21 = await p.theme.create({
    data: { organisationId: org, priorityId: priority2.id, position: 1, title: 'Visibility' },
  });
  const revision2024 = await p.planRevision.create({
    data: {
      organisationId: org,
      planId: f.plan.id,
      code: '2024',
      title: 'Police & Crime Plan 2021–29',
      publishedOn: new Date('2024-10-01'),
      periodStart: new Date('2021-05-13'),
      periodEnd: new Date('2029-03-31'),
    },
  });
  ids.revision2021 = f.revision.id;
  ids.revision2024 = revision2024.id;
  const make = (code: string, themeId: string | null, data: object = {}) => {
    const parts = code.split('.');
    return p.commitment.create({
      data: {
        organisationId: org,
        planId: f.plan.id,
        themeId,
        crossCuttingSection: themeId ? null : 'PARTNERS',
        code,
        position: Number(parts[2]),
        text: `I will deliver ${code}`,
        introducedInRevisionId: f.revision.id,
        ...data,
      },
    });
  };
  // Created out of order on purpose: lists must sort by code numerically.
  const c1101 = await make('1.10.1', theme10.id, {
    owner: 'Rural Crime Team',
    dueDate: new Date('2022-03-31'),
    text: 'I will tackle RURAL crime and wildlife crime',
  });
  const c121 = await make('1.2.1', f.theme.id, {
    owner: 'Head of Policy',
    dueDate: new Date('2021-12-31'),
    status: 'IN_PROGRESS',
    rag: 'AMBER',
  });
  const c122 = await make('1.2.2', f.theme.id, {
    status: 'COMPLETED',
    progressPercent: 100,
    rag: 'GREEN',
    dueDate: new Date('2021-06-30'),
  });
  const c211 = await make('2.1.1', theme21.id, {
    introducedInRevisionId: revision2024.id,
    owner: 'Chief Constable',
  });
  const x31 = await make('X.3.1', null, { withdrawnInRevisionId: revision2024.id });
  Object.assign(ids, { c1101: c1101.id, c121: c121.id, c122: c122.id, c211: c211.id, x31: x31.id });

  const a1 = value(
    await createAction(p, f.actor, {
      effectiveOn: '2021-06-01',
      input: {
        commitmentId: c121.id,
        title: 'Burglary hot-spot patrols',
        owner: 'Neighbourhood Policing',
        dueDate: '2021-09-30',
        status: 'IN_PROGRESS',
        rag: 'RED',
        progressPercent: 30,
      },
    }),
  ).record;
  const a2 = value(
    await createAction(p, f.actor, {
      effectiveOn: '2021-06-01',
      input: { commitmentId: c121.id, title: 'Target hardening kits', description: 'Locks' },
    }),
  ).record;
  const a3 = value(
    await createAction(p, f.actor, {
      effectiveOn: '2021-06-01',
      input: { commitmentId: c1101.id, title: 'Old idea' },
    }),
  ).record;
  value(await archiveAction(p, f.actor, { id: a3.id, expectedVersion: 1 }));
  value(
    await createMilestone(p, f.actor, {
      input: { actionId: a1.id, title: 'Patrol plan agreed', dueDate: '2021-07-31' },
    }),
  );
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id });
});

afterAll(async () => {
  await db?.close();
});

/** A client that counts the Prisma operations run through it. */
function counting(prisma: PrismaClient) {
  const counter = { calls: 0 };
  const client = prisma.$extends({
    query: {
      $allOperations({ args, query }) {
        counter.calls += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { client, counter };
}

describe('getPlanTree', () => {
  it('nests priorities, themes, commitments, actions and milestones in code order', async () => {
    const tree = await getPlanTree(db.prisma, { slug: 'dorset-2021-29' });
    expect(tree?.plan).toMatchObject({ slug: 'dorset-2021-29', periodStart: '2021-05-13' });
    expect(tree?.priorities.map((p) => p.number)).toEqual([1, 2]);
    const [p1] = tree?.priorities ?? [];
    expect(p1?.themes.map((t) => t.position)).toEqual([2, 10]);
    expect(p1?.themes[0]?.commitments.map((c) => c.code)).toEqual(['1.2.1', '1.2.2']);
    const c121 = p1?.themes[0]?.commitments[0];
    expect(c121?.actions.map((a) => a.title)).toEqual([
      'Burglary hot-spot patrols',
      'Target hardening kits',
    ]);
    expect(c121?.actions[0]?.milestones.map((m) => m.title)).toEqual(['Patrol plan agreed']);
    // Archived actions are left out unless asked for.
    expect(p1?.themes[1]?.commitments[0]?.actions).toEqual([]);
    const all = await getPlanTree(db.prisma, { slug: 'dorset-2021-29', includeArchived: true });
    expect(all?.priorities[0]?.themes[1]?.commitments[0]?.actions).toHaveLength(1);
    expect(tree?.crossCutting).toEqual([
      { section: 'PARTNERS', commitments: [expect.objectContaining({ code: 'X.3.1' })] },
    ]);
    expect(
      await getPlanTree(db.prisma, { slug: 'dorset-2021-29', organisationId: 'x' }),
    ).toBeNull();
  });

  it('runs the same number of queries however big the plan is', async () => {
    const small = counting(db.prisma);
    await getPlanTree(small.client, { slug: 'dorset-2021-29' });
    for (let i = 0; i < 5; i += 1) {
      const c = await f.commitment();
      const a = value(
        await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: `A${i}` } }),
      ).record;
      value(
        await createMilestone(db.prisma, f.actor, {
          input: { actionId: a.id, title: `M${i}`, dueDate: '2025-01-01' },
        }),
      );
    }
    const big = counting(db.prisma);
    const tree = await getPlanTree(big.client, { slug: 'dorset-2021-29' });
    expect(tree?.priorities[0]?.themes[0]?.commitments.length).toBeGreaterThan(5);
    expect(big.counter.calls).toBe(small.counter.calls);
    expect(big.counter.calls).toBe(6);
  });
});

describe('listCommitments', () => {
  const list = (args: Omit<Parameters<typeof listCommitments>[1], 'organisationId'>) =>
    listCommitments(db.prisma, { organisationId: f.organisation.id, ...args });
  const codes = async (args: Parameters<typeof list>[0]) =>
    (await list(args)).nodes.map((c) => c.code).filter((code) => !/^1\.2\.1\d\d$/.test(code));

  it('orders by code numerically, cross-cutting last, and by other fields', async () => {
    expect(await codes({ filter: { planId: f.plan.id } })).toEqual([
      '1.2.1',
      '1.2.2',
      '1.10.1',
      '2.1.1',
      'X.3.1',
    ]);
    expect(await codes({ orderBy: { field: 'code', direction: 'desc' } })).toEqual([
      'X.3.1',
      '2.1.1',
      '1.10.1',
      '1.2.2',
      '1.2.1',
    ]);
    expect((await codes({ orderBy: { field: 'dueDate' } })).slice(0, 3)).toEqual([
      '1.2.2',
      '1.2.1',
      '1.10.1',
    ]);
    expect((await codes({ orderBy: { field: 'rag' } })).slice(0, 2)).toEqual(['1.2.2', '1.2.1']);
  });

  it('filters by priority, theme, status, RAG (with none), owner, dates, text and revision', async () => {
    expect(await codes({ filter: { priorityNumber: 2 } })).toEqual(['2.1.1']);
    expect(await codes({ filter: { themeId: f.theme.id } })).toEqual(['1.2.1', '1.2.2']);
    expect(await codes({ filter: { status: ['COMPLETED', 'IN_PROGRESS'] } })).toEqual([
      '1.2.1',
      '1.2.2',
    ]);
    // 1.2.1 was made AMBER, but its figures roll up from its actions, one of them RED.
    expect(await codes({ filter: { rag: ['AMBER', 'NONE'] } })).toEqual([
      '1.10.1',
      '2.1.1',
      'X.3.1',
    ]);
    expect(await codes({ filter: { rag: ['RED'] } })).toEqual(['1.2.1']);
    expect(await codes({ filter: { owner: 'cRiMe' } })).toEqual(['1.10.1']);
    // Overdue at 2022-01-01: 1.2.1 (due 2021-12-31, in progress); 1.2.2 is completed.
    expect(await codes({ filter: { overdueAt: '2022-01-01' } })).toEqual(['1.2.1']);
    expect(
      await codes({ filter: { dueBetween: { from: '2021-07-01', to: '2022-03-31' } } }),
    ).toEqual(['1.2.1', '1.10.1']);
    expect(await codes({ filter: { search: 'rural' } })).toEqual(['1.10.1']);
    expect(await codes({ filter: { search: '2.1.' } })).toEqual(['2.1.1']);
    // In force in 2021: not the 2024 addition. In 2024: not the one it withdrew.
    expect(await codes({ filter: { revisionId: ids.revision2021 } })).toEqual([
      '1.2.1',
      '1.2.2',
      '1.10.1',
      'X.3.1',
    ]);
    expect(await codes({ filter: { revisionId: ids.revision2024 } })).toEqual([
      '1.2.1',
      '1.2.2',
      '1.10.1',
      '2.1.1',
    ]);
  });

  it('pages with cursors and counts every match', async () => {
    const filter = { themeId: undefined, priorityNumber: 1 };
    const first = await list({ filter, first: 2 });
    expect(first.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.nodes.map((c) => c.code)).toEqual(['1.2.1', '1.2.2']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const seen = [...first.nodes];
    let after = first.pageInfo.endCursor;
    for (;;) {
      const next = await list({ filter, first: 2, after });
      seen.push(...next.nodes);
      expect(next.pageInfo.hasPreviousPage).toBe(true);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(first.totalCount);
    expect(new Set(seen.map((c) => c.id)).size).toBe(first.totalCount);
    await expect(list({ first: 101 })).rejects.toBeInstanceOf(ListArgumentError);
    await expect(list({ after: 'bogus' })).rejects.toThrow(/cursor/);
  });

  it('lists only the organisation’s rows', async () => {
    const other = await planFixture(db.prisma, 'elsewhere');
    await other.commitment();
    const page = await listCommitments(db.prisma, { organisationId: other.organisation.id });
    expect(page.totalCount).toBe(1);
  });
});

describe('listActions', () => {
  it('filters actions and leaves archived ones out unless asked', async () => {
    const list = (filter: Parameters<typeof listActions>[1]['filter']) =>
      listActions(db.prisma, { organisationId: f.organisation.id, filter });
    expect((await list({ commitmentId: ids.c121 })).nodes.map((a) => a.title)).toEqual([
      'Burglary hot-spot patrols',
      'Target hardening kits',
    ]);
    expect((await list({ rag: ['RED'] })).nodes.map((a) => a.id)).toEqual([ids.a1]);
    expect((await list({ search: 'LOCKS' })).nodes.map((a) => a.id)).toEqual([ids.a2]);
    expect((await list({ overdueAt: '2021-10-01' })).nodes.map((a) => a.id)).toEqual([ids.a1]);
    expect((await list({ owner: 'neighbourhood' })).nodes.map((a) => a.id)).toEqual([ids.a1]);
    expect((await list({ priorityNumber: 1, themeId: f.theme.id, rag: ['RED'] })).totalCount).toBe(
      1,
    );
    expect((await list({ priorityNumber: 2 })).totalCount).toBe(0);
    expect((await list({ commitmentId: ids.c1101 })).totalCount).toBe(0);
    expect((await list({ commitmentId: ids.c1101, includeArchived: true })).totalCount).toBe(1);
  });
});

describe('planRollUp', () => {
  it('rolls the plan up from live figures, and from history as at a date', async () => {
    const live = await planRollUp(db.prisma, f.plan.id, '2021-10-01');
    // 1.2.1 rolls up from its two live actions: one in progress and RED, one not started.
    expect(live?.commitments.get(ids.c121 as string)).toMatchObject({
      basis: 'ACTIONS',
      count: 2,
      rag: 'RED',
      progressPercent: 15,
      overdue: 1,
    });
    expect(live?.plan.count).toBeGreaterThanOrEqual(5);

    value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'DeliveryAction', id: ids.a1 as string },
        expectedVersion: 1,
        input: {
          period: '2021/22 Q3',
          recordedOn: '2021-11-15',
          narrative: 'Patrols complete',
          statusAfter: 'COMPLETED',
          progressAfter: 100,
          ragAfter: 'GREEN',
        },
      }),
    );
    const before = await planRollUp(db.prisma, f.plan.id, '2021-10-01', { fromHistory: true });
    const after = await planRollUp(db.prisma, f.plan.id, '2021-11-15', { fromHistory: true });
    expect(before?.commitments.get(ids.c121 as string)).toMatchObject({
      rag: 'RED',
      progressPercent: 15,
    });
    expect(after?.commitments.get(ids.c121 as string)).toMatchObject({
      progressPercent: 50,
      byStatus: expect.objectContaining({ COMPLETED: 1 }),
    });
    // Before the actions existed the commitment had only its own figures.
    const june = await planRollUp(db.prisma, f.plan.id, '2021-05-31', { fromHistory: true });
    expect(june?.commitments.get(ids.c121 as string)).toMatchObject({ basis: 'OWN_FIGURES' });
    expect(await planRollUp(db.prisma, 'nope', '2021-10-01')).toBeNull();
  });

  it('uses a commitment’s own figures when staff set them with a reason', async () => {
    const c = await db.prisma.commitment.findUniqueOrThrow({ where: { id: ids.c121 as string } });
    value(
      await changeCommitmentStatus(db.prisma, f.actor, {
        id: c.id,
        expectedVersion: c.version,
        input: { rag: 'GREEN', reason: 'Burglary down 20% on last year' },
      }),
    );
    const rollUp = await planRollUp(db.prisma, f.plan.id, '2021-10-01');
    expect(rollUp?.commitments.get(c.id)).toMatchObject({ basis: 'OVERRIDE', rag: 'GREEN' });
  });
});
