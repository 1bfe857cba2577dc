// The audit log query: administrators of the organisation only, newest first, filtered, paged
// with the same page-size rule as every connection, never showing another organisation's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let admin: string;
let otherAdmin: string;

const LOG = /* GraphQL */ `
  query Log($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        id at effectiveOn period actor entityType entityId entityGlobalId action before after note
        plan { slug }
      } }
    }
  }
`;

const d = (instant: string) => new Date(instant);

beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('admin@test.example');
  otherAdmin = await t.signIn('admin@other.example');
  const { orgA, orgB, secretCommitment, users } = t.fixture;
  // Entries on either side of midnight in London on 30 June 2024 (BST: UTC+1), and the other
  // organisation's entries, which no one in the first may see.
  await t.database.prisma.auditLog.createMany({
    data: [
      {
        organisationId: orgA,
        actor: 'Ada Admin',
        actorUserId: users.admin.id,
        at: d('2024-06-30T12:00:00Z'),
        entityType: 'User',
        entityId: users.viewer.id,
        action: 'update',
        before: { role: 'EDITOR' },
        after: { role: 'VIEWER' },
        note: 'Moved to read-only',
      },
      {
        organisationId: orgA,
        actor: 'Ada Admin',
        actorUserId: users.admin.id,
        at: d('2024-06-30T23:30:00Z'),
        entityType: 'ReportingPeriod',
        entityId: 'period-1',
        action: 'close',
        period: '2024/25 Q1',
      },
      ...[1, 2].map((n) => ({
        organisationId: orgB,
        planId: t.fixture.planB,
        actor: 'Bea Admin',
        at: d(`2026-01-0${n}T09:00:00Z`),
        entityType: 'Commitment',
        entityId: secretCommitment,
        action: 'status',
        before: { rag: null },
        after: { rag: 'RED' },
        note: `Secret change ${n}`,
      })),
    ],
  });
});
afterAll(() => t?.close());

async function log(variables: Record<string, unknown>, cookie = admin) {
  const { body } = await t.gql(LOG, { variables, cookie });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data?.auditLog as Json;
}
const nodes = (connection: Json): Json[] => connection.edges.map((e: Json) => e.node);

describe('auditLog', () => {
  it('shows an administrator a write just made, newest first, with who, what, before and after', async () => {
    const editor = await t.signIn('editor@test.example');
    const action = t.id('DeliveryAction', t.fixture.actionIds[1] ?? '');
    const changed = await t.gql(
      `mutation($id: ID!) { changeActionStatus(id: $id, expectedVersion: 1, effectiveOn: "2026-11-02",
        input: { rag: AMBER, note: "Funding delayed" }) { __typename } }`,
      { variables: { id: action }, cookie: editor },
    );
    expect(changed.body.data?.changeActionStatus.__typename).toBe('DeliveryAction');

    const page = await log({ first: 5 });
    // The change moved the commitment's figures, which roll up from its actions: that is the
    // newest entry, written in the same transaction, by the same person, dated the same.
    const [rolledUp, newest] = nodes(page);
    expect(rolledUp).toMatchObject({
      actor: expect.stringContaining('Eddie Editor'),
      entityType: 'Commitment',
      action: 'roll-up',
      effectiveOn: '2026-11-02',
      after: { rag: 'AMBER' },
      note: 'Worked out from its delivery actions: “Action 1.1.1.2” changed.',
    });
    expect(newest).toMatchObject({
      actor: expect.stringContaining('Eddie Editor'),
      entityType: 'DeliveryAction',
      entityId: t.fixture.actionIds[1],
      entityGlobalId: action,
      action: 'status',
      effectiveOn: '2026-11-02',
      period: '2026/27 Q3',
      before: { rag: 'GREEN' },
      after: { rag: 'AMBER' },
      note: 'Funding delayed',
    });
    const times = nodes(page).map((n) => n.at);
    expect([...times].sort().reverse()).toEqual(times);
    // The global ID leads back to the record.
    const node = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on DeliveryAction { title } } }',
      {
        variables: { id: newest?.entityGlobalId },
        cookie: admin,
      },
    );
    expect(node.body.data?.node).toEqual({ title: 'Action 1.1.1.2' });
  });

  it("counts and lists only the caller's organisation's entries", async () => {
    const own = await t.database.prisma.auditLog.count({
      where: { organisationId: t.fixture.orgA },
    });
    const page = await log({ first: 100 });
    expect(page.totalCount).toBe(own);
    expect(nodes(page)).toHaveLength(own);
    expect(nodes(page).some((n) => n.actor === 'Bea Admin')).toBe(false);
    expect(nodes(page).some((n) => n.entityId === t.fixture.secretCommitment)).toBe(false);

    const other = await log({ first: 100 }, otherAdmin);
    expect(other.totalCount).toBe(2);
    expect(nodes(other).map((n) => n.note)).toEqual(['Secret change 2', 'Secret change 1']);
    // Nor can one organisation's administrator fetch the other's entry by its global ID.
    const probe = await t.gql('query($id: ID!) { node(id: $id) { id } }', {
      variables: { id: nodes(other)[0]?.id },
      cookie: admin,
    });
    expect(probe.body.data?.node).toBeNull();
  });

  it('refuses editors, contributors, viewers, API keys and anonymous callers with FORBIDDEN', async () => {
    const created = await t.gql(
      'mutation { createApiKey(input: { name: "Audit probe", scopes: [READ, WRITE_UPDATES] }) { ... on CreatedApiKey { secret } } }',
      { cookie: admin },
    );
    const secret = created.body.data?.createApiKey.secret as string;
    const callers = [
      { cookie: await t.signIn('editor@test.example') },
      { cookie: await t.signIn('burglary@test.example') },
      { cookie: await t.signIn('viewer@test.example') },
      { apiKey: secret },
      {},
    ];
    for (const caller of callers) {
      const { body } = await t.gql(LOG, { variables: { first: 5 }, ...caller });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0]?.message).toMatch(/^You cannot do this: /);
    }
  });

  it('filters by kind of record, record, action, actor (ignoring case) and plan', async () => {
    const users = await log({ first: 100, filter: { entityType: 'User' } });
    expect(nodes(users).map((n) => n.note)).toEqual(['Moved to read-only']);
    expect(nodes(users)[0]?.entityGlobalId).toBe(t.id('User', t.fixture.users.viewer.id));

    const progress = await log({ first: 100, filter: { action: 'progress-update' } });
    expect(progress.totalCount).toBe(2 * t.fixture.counts.commitments);
    expect(nodes(progress).every((n) => n.action === 'progress-update')).toBe(true);

    const one = t.fixture.commitmentIds[1] ?? '';
    const record = await log({ first: 100, filter: { entityId: one } });
    expect(record.totalCount).toBe(2);
    // The 2021/22 Q2 update was written on 15 October 2021: it holds from the quarter's end.
    expect(nodes(record).map((n) => n.effectiveOn)).toEqual(['2022-08-15', '2021-09-30']);
    expect(nodes(record).map((n) => n.entityGlobalId)).toEqual([
      t.id('Commitment', one),
      t.id('Commitment', one),
    ]);
    expect(nodes(record)[0]?.plan).toEqual({ slug: 'test-2021-29' });

    const byActor = await log({ first: 100, filter: { actor: 'ada ADM' } });
    // The API key made above, the period closed, the user changed.
    expect(nodes(byActor).map((n) => n.action)).toEqual(['create', 'close', 'update']);

    const byPlan = await log({ first: 100, filter: { planSlug: 'test-2021-29' } });
    expect(byPlan.totalCount).toBeGreaterThan(0);
    expect(nodes(byPlan).every((n) => n.plan?.slug === 'test-2021-29')).toBe(true);
    expect(nodes(byPlan).some((n) => n.entityType === 'User')).toBe(false);
    // Another organisation's plan slug finds nothing.
    expect((await log({ first: 100, filter: { planSlug: 'secret-plan' } })).totalCount).toBe(0);

    const all = await log({
      first: 100,
      filter: { entityType: 'Commitment', action: 'progress-update', actor: 'jane' },
    });
    expect(all.totalCount).toBe(2 * t.fixture.counts.commitments);
  });

  it('filters by the day recorded, in UK time', async () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    const july = await log({ first: 100, filter: { from: '2024-07-01', to: '2024-07-01' } });
    expect(nodes(july).map((n) => n.action)).toEqual(['close']);
    const june = await log({ first: 100, filter: { from: '2024-06-30', to: '2024-06-30' } });
    expect(nodes(june).map((n) => n.action)).toEqual(['update']);
    const upTo = await log({ first: 100, filter: { to: '2024-12-31' } });
    expect(upTo.totalCount).toBe(2);
    const since = await log({ first: 100, filter: { from: '2024-07-01' } });
    expect(since.totalCount).toBe((await log({ first: 100 })).totalCount - 1);

    const { body } = await t.gql(LOG, {
      variables: { filter: { from: '2024-07-02', to: '2024-07-01' } },
      cookie: admin,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages with after and rejects pages over 100 with PAGE_SIZE_TOO_LARGE', async () => {
    const whole = nodes(await log({ first: 100 })).map((n) => n.id);
    const first = await log({ first: 7 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await log({ first: 7, after: first.pageInfo.endCursor });
    expect([...nodes(first), ...nodes(second)].map((n) => n.id)).toEqual(whole.slice(0, 14));

    const defaulted = await log({});
    expect(nodes(defaulted)).toHaveLength(Math.min(20, whole.length));

    const { body } = await t.gql(LOG, { variables: { first: 101 }, cookie: admin });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'PAGE_SIZE_TOO_LARGE', max: 100 });
  });
});
