// Reads against the known fixture: the plan tree, connections with filters and ordering, the
// timeline, roll-ups, "as at" and revision comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const TREE = /* GraphQL */ `
  query Tree($slug: String!) {
    plan(slug: $slug) {
      id title slug published periodStart periodEnd asAt
      organisation { slug name }
      revisions { code publishedOn }
      rollUp { count progressPercent status rag overdue byStatus { status count } }
      priorities {
        number title aims
        rollUp { count }
        measures { name unit direction baseline target values { period value } }
        themes {
          position title
          rollUp { count progressPercent }
          commitments {
            id code text status rag progressPercent owner dueDate overdue
            rollUp { basis count progressPercent }
            actions { title status progressPercent milestones { title dueDate } updates { narrative } }
            updates { period narrative evidence { title url } }
          }
        }
      }
    }
  }
`;

describe('the plan tree', () => {
  it('answers anonymously for a published plan with the known data', async () => {
    const { body } = await t.gql(TREE, { variables: { slug: 'test-2021-29' } });
    expect(body.errors).toBeUndefined();
    const plan = body.data?.plan;
    expect(plan.title).toBe('Test Plan 2021–29');
    expect(plan.periodStart).toBe('2021-05-13');
    expect(plan.organisation).toEqual({ slug: 'test-opcc', name: 'Test OPCC' });
    expect(plan.revisions.map((r: { code: string }) => r.code)).toEqual(['2021', '2024']);
    expect(plan.priorities).toHaveLength(2);
    const theme = plan.priorities[0].themes[0];
    expect(theme.title).toBe('Theme 1.1');
    expect(theme.commitments.map((c: { code: string }) => c.code)).toEqual(['1.1.1', '1.1.2']);
    const commitment = theme.commitments[0];
    expect(commitment.text).toBe('I will deliver commitment 1.1.1');
    expect(commitment.actions.map((a: { title: string }) => a.title)).toEqual([
      'Action 1.1.1.1',
      'Action 1.1.1.2',
    ]);
    // Roll-up from actions: one completed (100) and one at 50.
    expect(commitment.rollUp).toEqual({ basis: 'ACTIONS', count: 2, progressPercent: 75 });
    expect(commitment.updates.map((u: { period: string }) => u.period)).toEqual([
      '2022/23 Q2',
      '2021/22 Q2',
    ]);
    expect(commitment.updates[1].evidence).toEqual([
      { title: 'Panel paper', url: 'https://example.org/paper.pdf' },
    ]);
    expect(plan.rollUp.count).toBe(8);
    expect(plan.priorities[0].measures[0].values).toEqual([
      { period: '2021/22 Q1', value: 51 },
      { period: '2023/24 Q1', value: 55 },
    ]);
  });

  it('returns null for a plan nobody outside its organisation may see', async () => {
    const { body } = await t.gql('{ plan(slug: "secret-plan") { id } }');
    expect(body.data?.plan).toBeNull();
  });
});

const PAGE = /* GraphQL */ `
  query Page($filter: CommitmentFilter, $orderBy: CommitmentOrder, $first: Int, $after: String) {
    plan(slug: "test-2021-29") {
      commitments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { code rag status dueDate } }
      }
    }
  }
`;

describe('the commitments connection', () => {
  const codes = (body: { data?: Json | null }) =>
    body.data?.plan.commitments.edges.map((e: { node: { code: string } }) => e.node.code);

  it('pages in plan order with totalCount', async () => {
    const first = await t.gql(PAGE, { variables: { first: 3 } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.plan.commitments.totalCount).toBe(8);
    expect(codes(first.body)).toEqual(['1.1.1', '1.1.2', '1.2.1']);
    const next = await t.gql(PAGE, {
      variables: { first: 3, after: first.body.data?.plan.commitments.pageInfo.endCursor },
    });
    expect(codes(next.body)).toEqual(['1.2.2', '2.1.1', '2.1.2']);
  });

  it('filters by priority, owner, due dates, overdue, text and revision', async () => {
    const byPriority = await t.gql(PAGE, { variables: { filter: { priorityNumber: 2 } } });
    expect(codes(byPriority.body)).toEqual(['2.1.1', '2.1.2', '2.2.1', '2.2.2']);
    const byOwner = await t.gql(PAGE, { variables: { filter: { work: { owner: 'burglary' } } } });
    expect(codes(byOwner.body)).toEqual(['1.1.1', '1.1.2']);
    const due = await t.gql(PAGE, {
      variables: { filter: { work: { dueFrom: '2022-01-01', dueTo: '2022-12-31' } } },
    });
    expect(codes(due.body)).toEqual(['1.1.2', '1.2.2', '2.1.2', '2.2.2']);
    const overdue = await t.gql(PAGE, {
      variables: { filter: { work: { overdueAt: '2022-04-01' } } },
    });
    expect(codes(overdue.body)).toEqual(['1.1.2', '1.2.2', '2.1.2', '2.2.2']);
    const search = await t.gql(PAGE, {
      variables: { filter: { work: { search: 'COMMITMENT 2.2' } } },
    });
    expect(codes(search.body)).toEqual(['2.2.1', '2.2.2']);
    const in2021 = await t.gql(PAGE, { variables: { filter: { revision: '2021' } } });
    expect(codes(in2021.body)).toEqual(['1.1.2', '1.2.2', '2.1.2', '2.2.2']);
    const green = await t.gql(PAGE, {
      variables: { filter: { work: { rag: ['GREEN'], status: ['IN_PROGRESS'] } } },
    });
    expect(green.body.data?.plan.commitments.totalCount).toBe(8);
  });

  it('orders by due date descending', async () => {
    const { body } = await t.gql(PAGE, {
      variables: { orderBy: { field: 'DUE_DATE', direction: 'DESC' }, first: 4 },
    });
    expect(codes(body)).toEqual(['1.1.1', '1.2.1', '2.1.1', '2.2.1']);
  });
});

describe('actions, timeline, as at, revisions', () => {
  it('lists actions with a filter', async () => {
    const { body } = await t.gql(`{
      plan(slug: "test-2021-29") {
        actions(filter: { work: { status: [COMPLETED] } }, first: 100) { totalCount edges { node { title completedOn } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.plan.actions.totalCount).toBe(8);
    expect(body.data?.plan.actions.edges[0].node.completedOn).toBe('2021-12-01');
  });

  it('shows the 32 quarters of 2021–29 with what was due and updated', async () => {
    const { body } = await t.gql(`{
      plan(slug: "test-2021-29") {
        timeline {
          quarters { label startDate endDate updateCount dueCommitments { code } reportingPeriod { closed } }
          financialYears { label quarters { label } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const { quarters, financialYears } = body.data?.plan.timeline ?? {};
    expect(quarters).toHaveLength(32);
    expect(quarters[0].label).toBe('2021/22 Q1');
    expect(quarters[31].label).toBe('2028/29 Q4');
    expect(quarters[0].reportingPeriod).toEqual({ closed: true });
    expect(financialYears).toHaveLength(8);
    const q2 = quarters.find((q: { label: string }) => q.label === '2021/22 Q2');
    expect(q2.updateCount).toBe(8);
    const q4 = quarters.find((q: { label: string }) => q.label === '2021/22 Q4');
    expect(q4.dueCommitments.map((c: { code: string }) => c.code)).toEqual([
      '1.1.2',
      '1.2.2',
      '2.1.2',
      '2.2.2',
    ]);
  });

  it('answers as at a past date from the history', async () => {
    const { body } = await t.gql(`{
      plan(slug: "test-2021-29", asAt: "2021-11-30") {
        asAt
        rollUp { count }
        priorities { themes { commitments { code status rag progressPercent updates { period } } } }
        commitments(first: 10) { totalCount }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const plan = body.data?.plan;
    expect(plan.asAt).toBe('2021-11-30');
    // Only the 2021 commitments were in the plan then.
    expect(plan.rollUp.count).toBe(4);
    expect(plan.commitments.totalCount).toBe(4);
    const c = plan.priorities[0].themes[0].commitments[0];
    expect(c).toMatchObject({
      code: '1.1.2',
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      progressPercent: 10,
    });
    // Later updates are not shown as at that date.
    expect(c.updates).toEqual([{ period: '2021/22 Q2' }]);
  });

  it('serves each API from its own database when two run in one process', async () => {
    const other = await startTestApi();
    try {
      await other.database.prisma.plan.updateMany({ data: { title: 'The other plan' } });
      const title = async (api: TestApi) => {
        const { body } = await api.gql('{ plan(slug: "test-2021-29") { title } }');
        return body.data?.plan.title;
      };
      // Made second, the other API must not have replaced this one's database.
      expect(await title(t)).not.toBe('The other plan');
      expect(await title(other)).toBe('The other plan');
    } finally {
      await other.close();
    }
  });

  it('answers two plans at two dates in one request, each at its own date', async () => {
    const { body } = await t.gql(`{
      then: plan(slug: "test-2021-29", asAt: "2021-11-30") {
        asAt rollUp { count } commitments(first: 10) { totalCount }
        priorities { themes { commitments { code status progressPercent updates { period } } } }
      }
      now: plan(slug: "test-2021-29") {
        asAt rollUp { count } commitments(first: 10) { totalCount }
        priorities { themes { commitments { code status progressPercent updates { period } } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const { then, now } = body.data ?? {};
    expect(then.asAt).toBe('2021-11-30');
    expect(now.asAt).not.toBe('2021-11-30');
    expect([then.rollUp.count, then.commitments.totalCount]).toEqual([4, 4]);
    expect([now.rollUp.count, now.commitments.totalCount]).toEqual([8, 8]);
    const first = (plan: typeof then) =>
      plan.priorities[0].themes[0].commitments.find((c: { code: string }) => c.code === '1.1.2');
    expect(first(then)).toMatchObject({ progressPercent: 10, updates: [{ period: '2021/22 Q2' }] });
    expect(first(now).updates.length).toBeGreaterThan(1);
  });

  it('counts the first revision from the start of the plan, a later one from its publication', async () => {
    // 30 Sept 2021 is before the first revision was published (29 Oct 2021) but inside the plan
    // period (from 13 May 2021): its commitments were already being delivered and reported on.
    const counts = async (asAt: string) => {
      const { body } = await t.gql(
        `query($asAt: Date!) { plan(slug: "test-2021-29", asAt: $asAt) { rollUp { count } commitments(first: 10) { totalCount } } }`,
        { variables: { asAt } },
      );
      expect(body.errors).toBeUndefined();
      return [body.data?.plan.rollUp.count, body.data?.plan.commitments.totalCount];
    };
    expect(await counts('2021-05-12')).toEqual([0, 0]);
    expect(await counts('2021-09-30')).toEqual([4, 4]);
    expect(await counts('2024-06-30')).toEqual([4, 4]);
    expect(await counts('2024-07-01')).toEqual([8, 8]);
  });

  it('compares revisions', async () => {
    const { body } = await t.gql(`{
      plan(slug: "test-2021-29") {
        revisionComparison(from: "2021", to: "2024") {
          from { code } to { code }
          added { code } withdrawn { code } changed { code }
          priorityStatements { priorityNumber before { statement } after { statement } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const cmp = body.data?.plan.revisionComparison;
    expect(cmp.added.map((c: { code: string }) => c.code)).toEqual([
      '1.1.1',
      '1.2.1',
      '2.1.1',
      '2.2.1',
    ]);
    expect(cmp.withdrawn).toEqual([]);
    expect(cmp.priorityStatements).toEqual([
      {
        priorityNumber: 1,
        before: { statement: 'We will cut crime.' },
        after: { statement: 'We will cut crime further.' },
      },
    ]);
  });

  it('fetches any object again by node(id:)', async () => {
    const id = t.id('Commitment', t.fixture.commitmentIds[0] ?? '');
    const { body } = await t.gql(
      'query($id: ID!) { node(id: $id) { id ... on Commitment { code } } }',
      {
        variables: { id },
      },
    );
    expect(body.data?.node).toEqual({ id, code: '1.1.1' });
  });
});
