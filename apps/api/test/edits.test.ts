// The editing mutations the admin app's "actions and milestones" and "administration" screens
// use: success, each typed error, and who is refused (a contributor on what they do not own, a
// viewer on everything).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let admin: string;
let editor: string;
let contributor: string;
let viewer: string;
let otherAdmin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('admin@test.example');
  editor = await t.signIn('editor@test.example');
  // Owner label "burglary team": owns commitments 0–1 and actions 0–3 (theme 1.1).
  contributor = await t.signIn('burglary@test.example');
  viewer = await t.signIn('viewer@test.example');
  otherAdmin = await t.signIn('admin@other.example');
});
afterAll(() => t?.close());

const action = (n: number) => t.id('DeliveryAction', t.fixture.actionIds[n] ?? '');
const commitment = (n: number) => t.id('Commitment', t.fixture.commitmentIds[n] ?? '');

/** The result of the one mutation in `query`, as `cookie`. */
async function run(query: string, variables: Record<string, unknown>, cookie?: string) {
  const { body } = await t.gql(query, { variables, ...(cookie ? { cookie } : {}) });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return Object.values(body.data ?? {})[0] as Json;
}

/** The first milestone of action `n`, with its version. */
async function milestoneOf(n: number): Promise<{ id: string; version: number }> {
  const { body } = await t.gql(
    'query($id: ID!) { node(id: $id) { ... on DeliveryAction { milestones { id version } } } }',
    { variables: { id: action(n) }, cookie: editor },
  );
  return body.data?.node.milestones[0];
}

const ERRORS = `... on MutationError { code message }
  ... on ValidationError { issues { path message } }
  ... on ConflictError { currentVersion }`;

describe('updateAction', () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateActionInput!) {
    updateAction(id: $id, expectedVersion: $v, input: $input, note: "Renamed at the board") {
      __typename ... on DeliveryAction { title owner dueDate version } ${ERRORS}
    }
  }`;

  it('changes the details, records history and returns the action', async () => {
    const result = await run(
      UPDATE,
      {
        id: action(5),
        v: 1,
        input: { title: 'Run the policy review', owner: 'Policy Lead', dueDate: '2027-03-31' },
      },
      editor,
    );
    expect(result).toEqual({
      __typename: 'DeliveryAction',
      title: 'Run the policy review',
      owner: 'Policy Lead',
      dueDate: '2027-03-31',
      version: 2,
    });
    const history = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityId: t.fixture.actionIds[5], action: 'update' },
    });
    expect(history).toMatchObject({ actor: 'Eddie Editor (EDITOR)', note: 'Renamed at the board' });
    expect(history.after).toMatchObject({ title: 'Run the policy review', owner: 'Policy Lead' });
  });

  it('is a ValidationError for nothing to change and for a due date before the start', async () => {
    const empty = await run(UPDATE, { id: action(5), v: 2, input: {} }, editor);
    expect(empty).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const backwards = await run(
      UPDATE,
      { id: action(5), v: 2, input: { startDate: '2027-01-01', dueDate: '2026-01-01' } },
      editor,
    );
    expect(backwards.__typename).toBe('ValidationError');
    expect(backwards.issues.flatMap((i: Json) => i.path)).toContain('dueDate');
  });

  it('is a ConflictError with the current version when the version is stale', async () => {
    const result = await run(UPDATE, { id: action(5), v: 1, input: { title: 'Late' } }, editor);
    expect(result).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
  });

  it('is NOT_FOUND for another organisation, FORBIDDEN for contributors and viewers', async () => {
    const input = { title: 'Mine now' };
    expect((await run(UPDATE, { id: action(5), v: 2, input }, otherAdmin)).code).toBe('NOT_FOUND');
    // Not theirs, and renaming is for editors even on their own actions.
    expect((await run(UPDATE, { id: action(5), v: 2, input }, contributor)).code).toBe('FORBIDDEN');
    const own = await run(UPDATE, { id: action(3), v: 1, input }, contributor);
    expect(own).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/contributors/),
    });
    expect((await run(UPDATE, { id: action(5), v: 2, input }, viewer)).code).toBe('FORBIDDEN');
    expect((await run(UPDATE, { id: action(5), v: 2, input })).code).toBe('FORBIDDEN');
  });
});

describe('archiveAction', () => {
  const ARCHIVE = `mutation($id: ID!, $v: Int!) {
    archiveAction(id: $id, expectedVersion: $v, note: "Merged into another action") {
      __typename ... on DeliveryAction { archivedAt version } ${ERRORS}
    }
  }`;

  it('archives the action: it leaves its commitment but keeps its history', async () => {
    const result = await run(ARCHIVE, { id: action(7), v: 1 }, editor);
    expect(result).toMatchObject({ __typename: 'DeliveryAction', version: 2 });
    expect(Date.parse(result.archivedAt)).not.toBeNaN();
    const { body } = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Commitment { actions { id } } } }',
      { variables: { id: commitment(3) }, cookie: editor },
    );
    expect(body.data?.node.actions.map((a: Json) => a.id)).toEqual([action(6)]);
    expect(
      await t.database.prisma.auditLog.count({
        where: { entityId: t.fixture.actionIds[7], action: 'archive' },
      }),
    ).toBe(1);
  });

  it('is a ValidationError when already archived, a ConflictError when stale', async () => {
    expect((await run(ARCHIVE, { id: action(7), v: 2 }, editor)).code).toBe('VALIDATION');
    expect(await run(ARCHIVE, { id: action(7), v: 1 }, editor)).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
    });
  });

  it('refuses contributors and viewers, and finds nothing in another organisation', async () => {
    expect((await run(ARCHIVE, { id: action(9), v: 1 }, contributor)).code).toBe('FORBIDDEN');
    expect((await run(ARCHIVE, { id: action(9), v: 1 }, viewer)).code).toBe('FORBIDDEN');
    expect((await run(ARCHIVE, { id: action(9), v: 1 }, otherAdmin)).code).toBe('NOT_FOUND');
  });
});

describe('updateMilestone and archiveMilestone', () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) {
    updateMilestone(id: $id, expectedVersion: $v, input: $input) {
      __typename ... on Milestone { title dueDate completedOn version } ${ERRORS}
    }
  }`;
  const ARCHIVE = `mutation($id: ID!, $v: Int!) {
    archiveMilestone(id: $id, expectedVersion: $v) {
      __typename ... on Milestone { version } ${ERRORS}
    }
  }`;

  it('lets an editor change a milestone, and reports bad input and stale versions', async () => {
    const m = await milestoneOf(9);
    const changed = await run(
      UPDATE,
      { id: m.id, v: m.version, input: { title: 'Strategy signed off', dueDate: '2026-12-31' } },
      editor,
    );
    expect(changed).toEqual({
      __typename: 'Milestone',
      title: 'Strategy signed off',
      dueDate: '2026-12-31',
      completedOn: null,
      version: 2,
    });
    const empty = await run(UPDATE, { id: m.id, v: 2, input: {} }, editor);
    expect(empty).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(empty.issues[0].path[0]).toBe('input');
    const blank = await run(UPDATE, { id: m.id, v: 2, input: { title: '  ' } }, editor);
    expect(blank.issues.flatMap((i: Json) => i.path)).toContain('title');
    expect(await run(UPDATE, { id: m.id, v: 1, input: { title: 'X' } }, editor)).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
    });
  });

  it('lets a contributor edit and archive the milestones of their own actions only', async () => {
    const own = await milestoneOf(3);
    const edited = await run(
      UPDATE,
      { id: own.id, v: own.version, input: { completedOn: '2026-01-15' } },
      contributor,
    );
    expect(edited).toMatchObject({ __typename: 'Milestone', completedOn: '2026-01-15' });
    expect(await run(ARCHIVE, { id: own.id, v: 2 }, contributor)).toEqual({
      __typename: 'Milestone',
      version: 3,
    });
    expect((await run(ARCHIVE, { id: own.id, v: 3 }, editor)).code).toBe('VALIDATION');

    const notOwn = await milestoneOf(11);
    const input = { title: 'Taken over' };
    expect((await run(UPDATE, { id: notOwn.id, v: 1, input }, contributor)).code).toBe('FORBIDDEN');
    expect((await run(ARCHIVE, { id: notOwn.id, v: 1 }, contributor)).code).toBe('FORBIDDEN');
  });

  it('refuses viewers, and finds nothing in another organisation', async () => {
    const m = await milestoneOf(13);
    expect((await run(UPDATE, { id: m.id, v: 1, input: { title: 'X' } }, viewer)).code).toBe(
      'FORBIDDEN',
    );
    expect((await run(ARCHIVE, { id: m.id, v: 1 }, viewer)).code).toBe('FORBIDDEN');
    expect((await run(ARCHIVE, { id: m.id, v: 1 }, otherAdmin)).code).toBe('NOT_FOUND');
  });
});

describe('reopenReportingPeriod', () => {
  const REOPEN = `mutation($label: String!, $v: Int!, $reason: String!) {
    reopenReportingPeriod(label: $label, expectedVersion: $v, reason: $reason) {
      __typename ... on ReportingPeriod { label closed version } ${ERRORS}
    }
  }`;
  const reason = 'A late return from the force changes the Q1 figures.';

  it('is for administrators only', async () => {
    for (const cookie of [editor, contributor, viewer, undefined]) {
      const result = await run(REOPEN, { label: '2021/22 Q1', v: 1, reason }, cookie);
      expect(result.code).toBe('FORBIDDEN');
    }
  });

  it('is a ValidationError without a reason, for a bad label and for an open period', async () => {
    const blank = await run(REOPEN, { label: '2021/22 Q1', v: 1, reason: '  ' }, admin);
    expect(blank.issues.flatMap((i: Json) => i.path)).toContain('reason');
    const badLabel = await run(REOPEN, { label: 'Q1 2021', v: 1, reason }, admin);
    expect(badLabel).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const open = await run(REOPEN, { label: '2022/23 Q1', v: 1, reason }, admin);
    expect(open).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not closed/),
    });
  });

  it('reopens a closed period with the reason in its history; a stale version conflicts', async () => {
    expect(await run(REOPEN, { label: '2021/22 Q1', v: 1, reason }, admin)).toEqual({
      __typename: 'ReportingPeriod',
      label: '2021/22 Q1',
      closed: false,
      version: 2,
    });
    const history = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityType: 'ReportingPeriod', action: 'reopen' },
    });
    expect(history).toMatchObject({ actor: 'Ada Admin (ADMIN)', note: reason });
    expect(await run(REOPEN, { label: '2021/22 Q1', v: 1, reason }, admin)).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
    });
    // Another organisation has no such period row.
    expect((await run(REOPEN, { label: '2021/22 Q1', v: 2, reason }, otherAdmin)).code).toBe(
      'NOT_FOUND',
    );
  });
});

/** The version of the fixture's commitment `n` now, as staff read it. */
async function commitmentVersion(n: number): Promise<number> {
  const found = await run(
    `query($id: ID!) { node(id: $id) { ... on Commitment { version } } }`,
    { id: commitment(n) },
    editor,
  );
  return found.version;
}

describe('clearCommitmentOverride', () => {
  const CLEAR = `mutation($id: ID!, $v: Int!) {
    clearCommitmentOverride(id: $id, expectedVersion: $v) {
      __typename ... on Commitment { statusOverrideReason version rollUp { basis } } ${ERRORS}
    }
  }`;

  it('hands the figures back to the actions', async () => {
    // Commitment 3 (theme 1.2, "OPCC Policy Team") has figures set by hand.
    const before = await commitmentVersion(3);
    const result = await run(CLEAR, { id: commitment(3), v: before }, editor);
    // Two writes: the override cleared, then the figures worked out from the actions.
    expect(result).toMatchObject({
      __typename: 'Commitment',
      statusOverrideReason: null,
      version: before + 2,
    });
    expect(result.rollUp.basis).not.toBe('OVERRIDE');
  });

  it('is a ValidationError when they already roll up, a ConflictError when stale', async () => {
    expect(
      (await run(CLEAR, { id: commitment(3), v: await commitmentVersion(3) }, editor)).code,
    ).toBe('VALIDATION');
    expect(
      (await run(CLEAR, { id: commitment(0), v: await commitmentVersion(0) }, editor)).code,
    ).toBe('VALIDATION');
    const current = await commitmentVersion(7);
    expect(await run(CLEAR, { id: commitment(7), v: current - 1 }, editor)).toMatchObject({
      code: 'CONFLICT',
      currentVersion: current,
    });
  });

  it('lets a contributor clear their own commitment only; refuses viewers', async () => {
    expect((await run(CLEAR, { id: commitment(5), v: 3 }, contributor)).code).toBe('FORBIDDEN');
    expect((await run(CLEAR, { id: commitment(5), v: 3 }, viewer)).code).toBe('FORBIDDEN');
    expect((await run(CLEAR, { id: commitment(5), v: 3 }, otherAdmin)).code).toBe('NOT_FOUND');
    expect(await run(CLEAR, { id: commitment(1), v: 3 }, contributor)).toMatchObject({
      __typename: 'Commitment',
      statusOverrideReason: null,
    });
  });
});
