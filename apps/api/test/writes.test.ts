// Mutations: success and each typed error, with the access rules for each role and API keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let editor: string;
let contributor: string;
let viewer: string;
beforeAll(async () => {
  t = await startTestApi();
  editor = await t.signIn('editor@test.example');
  contributor = await t.signIn('burglary@test.example');
  viewer = await t.signIn('viewer@test.example');
});
afterAll(() => t?.close());

const CHANGE = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $input: StatusChangeInput!) {
    changeActionStatus(id: $id, expectedVersion: $v, input: $input) {
      __typename
      ... on DeliveryAction { status rag progressPercent version }
      ... on MutationError { code message }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { currentVersion }
      ... on TransitionError { transitionCode allowed }
    }
  }
`;

describe('changeActionStatus', () => {
  const action = () => t.id('DeliveryAction', t.fixture.actionIds[1] ?? '');

  it('changes the figures and returns the action', async () => {
    const { body } = await t.gql(CHANGE, {
      variables: { id: action(), v: 1, input: { rag: 'AMBER', progressPercent: 60 } },
      cookie: editor,
    });
    expect(body.data?.changeActionStatus).toEqual({
      __typename: 'DeliveryAction',
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      progressPercent: 60,
      version: 2,
    });
  });

  it('is a ConflictError with the current version when the version is stale', async () => {
    const { body } = await t.gql(CHANGE, {
      variables: { id: action(), v: 1, input: { rag: 'RED' } },
      cookie: editor,
    });
    expect(body.data?.changeActionStatus).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      currentVersion: 2,
    });
  });

  it('is a ValidationError on the field for a bad input', async () => {
    const { body } = await t.gql(CHANGE, {
      variables: { id: action(), v: 2, input: { progressPercent: 150 } },
      cookie: editor,
    });
    expect(body.data?.changeActionStatus.__typename).toBe('ValidationError');
    expect(body.data?.changeActionStatus.code).toBe('VALIDATION');
    expect(body.data?.changeActionStatus.issues[0].path).toContain('progressPercent');
  });

  it('is a TransitionError for a forbidden status change', async () => {
    const completed = t.id('DeliveryAction', t.fixture.actionIds[0] ?? '');
    const { body } = await t.gql(CHANGE, {
      variables: { id: completed, v: 1, input: { status: 'NOT_STARTED' } },
      cookie: editor,
    });
    expect(body.data?.changeActionStatus).toMatchObject({ code: 'TRANSITION' });
  });

  it("is a NotFoundError for another organisation's record, and Forbidden for the wrong caller", async () => {
    const other = await t.signIn('admin@other.example');
    const notFound = await t.gql(CHANGE, {
      variables: { id: action(), v: 2, input: { rag: 'RED' } },
      cookie: other,
    });
    expect(notFound.body.data?.changeActionStatus.code).toBe('NOT_FOUND');
    const anonymous = await t.gql(CHANGE, {
      variables: { id: action(), v: 2, input: { rag: 'RED' } },
    });
    expect(anonymous.body.data?.changeActionStatus.code).toBe('FORBIDDEN');
    const asViewer = await t.gql(CHANGE, {
      variables: { id: action(), v: 2, input: { rag: 'RED' } },
      cookie: viewer,
    });
    expect(asViewer.body.data?.changeActionStatus.code).toBe('FORBIDDEN');
  });

  it('lets a contributor change only the work they own', async () => {
    // Actions 0–3 belong to "Burglary Team" (theme 1.1); the rest to another team.
    const own = await t.gql(CHANGE, {
      variables: {
        id: t.id('DeliveryAction', t.fixture.actionIds[3] ?? ''),
        v: 1,
        input: { rag: 'AMBER' },
      },
      cookie: contributor,
    });
    expect(own.body.data?.changeActionStatus.__typename).toBe('DeliveryAction');
    const notOwn = await t.gql(CHANGE, {
      variables: {
        id: t.id('DeliveryAction', t.fixture.actionIds[5] ?? ''),
        v: 1,
        input: { rag: 'AMBER' },
      },
      cookie: contributor,
    });
    expect(notOwn.body.data?.changeActionStatus.code).toBe('FORBIDDEN');
  });
});

describe('other writes', () => {
  it('adds a progress update with evidence, through an API key with write:updates', async () => {
    const admin = await t.signIn('admin@test.example');
    const key = await t.gql(
      'mutation { createApiKey(input: { name: "Force", scopes: [READ, WRITE_UPDATES] }) { ... on CreatedApiKey { secret } } }',
      { cookie: admin },
    );
    const secret = key.body.data?.createApiKey.secret;
    const commitment = t.id('Commitment', t.fixture.commitmentIds[4] ?? '');
    const { body } = await t.gql(
      `mutation($s: ID!, $input: ProgressUpdateInput!) {
        addProgressUpdate(subject: $s, expectedVersion: 3, reason: "Board decision", input: $input) {
          __typename ... on ProgressUpdate { period narrative evidence { url } progressAfter }
          ... on MutationError { code message }
        }
      }`,
      {
        variables: {
          s: commitment,
          input: {
            period: '2024/25 Q1',
            recordedOn: '2024-06-30',
            narrative: 'Partnership board agreed the plan.',
            progressAfter: 55,
            evidence: [{ title: 'Minutes', url: 'https://example.org/minutes' }],
          },
        },
        apiKey: secret,
      },
    );
    expect(body.data?.addProgressUpdate).toEqual({
      __typename: 'ProgressUpdate',
      period: '2024/25 Q1',
      narrative: 'Partnership board agreed the plan.',
      evidence: [{ url: 'https://example.org/minutes' }],
      progressAfter: 55,
    });
  });

  it("shows a conflict's current record with the caller's field permissions: no staff-only field for an API key", async () => {
    const admin = await t.signIn('admin@test.example');
    const key = await t.gql(
      'mutation { createApiKey(input: { name: "Partner", scopes: [READ, WRITE_UPDATES] }) { ... on CreatedApiKey { secret } } }',
      { cookie: admin },
    );
    const secret = key.body.data?.createApiKey.secret;
    // Commitment 4 has figures set by hand with a reason (the test above): a staff-only field.
    const commitment = t.id('Commitment', t.fixture.commitmentIds[4] ?? '');
    const STALE = `mutation($s: ID!, $input: ProgressUpdateInput!) {
      addProgressUpdate(subject: $s, expectedVersion: 1, input: $input) {
        __typename
        ... on ConflictError {
          code currentVersion
          current { __typename ... on Commitment { code statusOverrideReason version } }
        }
      }
    }`;
    const variables = {
      s: commitment,
      input: { period: '2024/25 Q1', recordedOn: '2024-06-30', narrative: 'Late news.' },
    };
    const asKey = await t.gql(STALE, { variables, apiKey: secret });
    expect(JSON.stringify(asKey.body)).not.toContain('Board decision');
    const conflict = asKey.body.data?.addProgressUpdate;
    expect(conflict).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      current: { __typename: 'Commitment', statusOverrideReason: null, version: null },
    });
    expect(conflict.currentVersion).toBeGreaterThan(1);
    expect(conflict.current.code).toMatch(/^\d+\.\d+\.\d+$/);
    // Staff of the organisation see the same record with its internal fields.
    const asStaff = await t.gql(STALE, { variables, cookie: editor });
    expect(asStaff.body.data?.addProgressUpdate.current).toMatchObject({
      statusOverrideReason: 'Board decision',
      version: conflict.currentVersion,
    });
  });

  it('refuses an update in a closed period with PeriodClosedError', async () => {
    const { body } = await t.gql(
      `mutation($s: ID!) { addProgressUpdate(subject: $s, expectedVersion: 3, input: { period: "2021/22 Q1", recordedOn: "2021-06-30", narrative: "Late" }) {
        __typename ... on MutationError { code } } }`,
      { variables: { s: t.id('Commitment', t.fixture.commitmentIds[6] ?? '') }, cookie: editor },
    );
    expect(body.data?.addProgressUpdate).toEqual({
      __typename: 'PeriodClosedError',
      code: 'PERIOD_CLOSED',
    });
  });

  it('creates an action and a milestone, records a measure value, closes a period', async () => {
    const created = await t.gql(
      `mutation($c: ID!) { createAction(input: { commitmentId: $c, title: "Set up a burglary hub", dueDate: "2026-03-31" }) {
        __typename ... on DeliveryAction { id title status dueDate } ... on MutationError { code message } } }`,
      { variables: { c: t.id('Commitment', t.fixture.commitmentIds[0] ?? '') }, cookie: editor },
    );
    const action = created.body.data?.createAction;
    expect(action).toMatchObject({
      __typename: 'DeliveryAction',
      title: 'Set up a burglary hub',
      status: 'NOT_STARTED',
      dueDate: '2026-03-31',
    });
    const milestone = await t.gql(
      `mutation($a: ID!) { createMilestone(input: { actionId: $a, title: "Hub open", dueDate: "2025-09-30" }) {
        __typename ... on Milestone { title dueDate } ... on MutationError { code message } } }`,
      { variables: { a: action.id }, cookie: editor },
    );
    expect(milestone.body.data?.createMilestone).toEqual({
      __typename: 'Milestone',
      title: 'Hub open',
      dueDate: '2025-09-30',
    });

    const measures = await t.gql(
      '{ plan(slug: "test-2021-29") { priorities { measures { id } } } }',
    );
    const measureId = measures.body.data?.plan.priorities[0].measures[0].id;
    const value = await t.gql(
      `mutation($m: ID!) { recordMeasureValue(input: { measureId: $m, period: "2024/25 Q1", value: 57.5, recordedOn: "2024-07-10" }) {
        __typename ... on MeasureValue { period value } ... on MutationError { code message } } }`,
      { variables: { m: measureId }, cookie: editor },
    );
    expect(value.body.data?.recordMeasureValue).toEqual({
      __typename: 'MeasureValue',
      period: '2024/25 Q1',
      value: 57.5,
    });

    const asEditor = await t.gql(
      'mutation { closeReportingPeriod(label: "2024/25 Q1", expectedVersion: 1) { __typename ... on MutationError { code } } }',
      { cookie: editor },
    );
    expect(asEditor.body.data?.closeReportingPeriod).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    const admin = await t.signIn('admin@test.example');
    const closed = await t.gql(
      'mutation { closeReportingPeriod(label: "2024/25 Q1", expectedVersion: 1, closeEarlier: true) { __typename ... on ReportingPeriod { label closed } ... on MutationError { code message } } }',
      { cookie: admin },
    );
    expect(closed.body.data?.closeReportingPeriod).toEqual({
      __typename: 'ReportingPeriod',
      label: '2024/25 Q1',
      closed: true,
    });
  });
});
