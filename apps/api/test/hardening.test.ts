// Inputs that used to become internal errors with a stack in the log (audit, issue 15).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { createApi } from '../src/yoga.js';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const NODE = 'query($id: ID!) { node(id: $id) { id __typename } }';

function internalErrorsLogged() {
  return t.logLines.filter((line) => line.level === 50 || JSON.stringify(line).includes('"stack"'));
}

describe('hardening', () => {
  it.each(['User', 'ApiKey', 'AuditEntry'])(
    'answers node(id:) with a %s global ID as null for a non-administrator, without an internal error',
    async (typename) => {
      const before = internalErrorsLogged().length;
      const row =
        typename === 'User'
          ? await t.database.prisma.user.findFirstOrThrow()
          : typename === 'AuditEntry'
            ? await t.database.prisma.auditLog.findFirst()
            : await t.database.prisma.apiKey.findFirst();
      const id = t.id(typename, row?.id ?? 'c000000000000000000000000');
      for (const cookie of [undefined, await t.signIn('viewer@test.example')]) {
        const result = await t.gql(NODE, { variables: { id }, ...(cookie ? { cookie } : {}) });
        expect(result.body.errors ?? []).toEqual([]);
        expect(result.body.data?.node).toBeNull();
      }
      expect(internalErrorsLogged().length).toBe(before);
    },
  );

  it('answers a plan slug with a NUL byte as no plan, without an internal error', async () => {
    const before = internalErrorsLogged().length;
    const result = await t.gql('query($slug: String!) { plan(slug: $slug) { title } }', {
      variables: { slug: 'test\u00002021-29' },
    });
    expect(JSON.stringify(result.body.errors ?? [])).not.toContain('INTERNAL_SERVER_ERROR');
    expect(result.body.data?.plan ?? null).toBeNull();
    expect(internalErrorsLogged().length).toBe(before);
  });

  it('takes the session in production only from the __Host- cookie', async () => {
    const production = createApi({
      prisma: t.database.prisma,
      env: parseApiEnv({ NODE_ENV: 'production' }),
      logger: pino({ level: 'silent' }),
    });
    const token = (await t.signIn('editor@test.example')).split('=')[1] ?? '';
    const viewer = async (cookie: string) => {
      const body = JSON.stringify({ query: '{ viewer { kind } }' });
      const response = await production.yoga.fetch(
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(body.length),
            cookie,
          },
          body,
        }),
      );
      return (await response.json()).data.viewer.kind;
    };
    expect(await viewer(`__Host-plan-tracker-session=${token}`)).toBe('USER');
    expect(await viewer(`plan-tracker-session=${token}`)).toBe('ANONYMOUS');
    expect(() => parseApiEnv({ NODE_ENV: 'production', API_COOKIE_SECURE: 'false' })).toThrow(
      /API_COOKIE_SECURE/,
    );
  });
});

describe('refusal before validation', () => {
  const CREATE_ACTION =
    'mutation($input: CreateActionInput!) { createAction(input: $input) { __typename ... on MutationError { code } } }';
  const invalid = (commitmentId: string) => ({
    input: { commitmentId, title: '', owner: '' },
  });

  it('answers an anonymous or viewer write with invalid input FORBIDDEN, not VALIDATION', async () => {
    const commitment = await t.database.prisma.commitment.findFirstOrThrow();
    const anonymous = await t.gql(CREATE_ACTION, {
      variables: invalid(t.id('Commitment', commitment.id)),
    });
    expect(anonymous.body.data?.createAction).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    // So is a viewer's, who may change nothing anywhere.
    const viewer = await t.gql(CREATE_ACTION, {
      variables: invalid(t.id('Commitment', commitment.id)),
      cookie: await t.signIn('viewer@test.example'),
    });
    expect(viewer.body.data?.createAction.code).toBe('FORBIDDEN');
    // Staff who may write still learn what is wrong with the input.
    const editor = await t.gql(CREATE_ACTION, {
      variables: invalid(t.id('Commitment', commitment.id)),
      cookie: await t.signIn('editor@test.example'),
    });
    expect(editor.body.data?.createAction.code).toBe('VALIDATION');
  });
});
