// Identity and access: sign-in and sign-out, anonymous against signed-in visibility, IDOR
// through node(id:) across organisations, API keys (shown once, scoped, revocable, rate-limited).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { createDownloadHandler } from '../src/http/reports.js';
import { createApi } from '../src/yoga.js';
import { startTestApi, type TestApi } from './support/api.js';
import { PASSWORD } from './support/fixtures.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const INTERNAL = /* GraphQL */ `
  query Internal($code: String!) {
    plan(slug: "test-2021-29") {
      commitment(code: $code) {
        code statusOverrideReason version
        updates { author narrative }
      }
    }
  }
`;

describe('signing in and out', () => {
  it('sets an HttpOnly, SameSite, Secure cookie holding a token whose hash only is stored', async () => {
    const result = await t.gql(
      'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInPayload { viewer { kind name role } } } }',
      {
        variables: {
          input: { email: 'Editor@Test.example', password: 'correct horse battery staple' },
        },
      },
    );
    expect(result.body.data?.signIn).toEqual({
      __typename: 'SignInPayload',
      viewer: { kind: 'USER', name: 'Eddie Editor', role: 'EDITOR' },
    });
    const cookie = result.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^__Host-plan-tracker-session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const sessions = await t.database.prisma.session.findMany({
      where: { userId: t.fixture.users.editor.id },
    });
    expect(sessions.some((s) => s.tokenHash.includes(token))).toBe(false);
    expect(sessions).toHaveLength(1);
  });

  it('refuses a wrong password and an unknown address alike', async () => {
    for (const email of ['editor@test.example', 'nobody@test.example']) {
      const { body, headers } = await t.gql(
        'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationError { code message } } }',
        { variables: { input: { email, password: 'wrong' } } },
      );
      expect(body.data?.signIn).toEqual({
        __typename: 'ForbiddenError',
        code: 'FORBIDDEN',
        message: 'You cannot do this: The email address or password is not right.',
      });
      expect(headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers a malformed address with a ValidationError on the field', async () => {
    const { body } = await t.gql(
      'mutation { signIn(input: { email: "not-an-address", password: "x" }) { __typename ... on ValidationError { code issues { path message } } } }',
    );
    expect(body.data?.signIn.code).toBe('VALIDATION');
    expect(body.data?.signIn.issues[0].path).toEqual(['input', 'email']);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const cookie = await t.signIn('viewer@test.example');
    const me = await t.gql('{ viewer { kind email } }', { cookie });
    expect(me.body.data?.viewer).toEqual({ kind: 'USER', email: 'viewer@test.example' });
    const out = await t.gql('mutation { signOut }', { cookie });
    expect(out.body.data?.signOut).toBe(true);
    expect(out.headers.get('set-cookie')).toBe(
      '__Host-plan-tracker-session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
    const after = await t.gql('{ viewer { kind } }', { cookie });
    expect(after.body.data?.viewer.kind).toBe('ANONYMOUS');
  });

  it('names the cookie plan-tracker-session, without Secure, when API_COOKIE_SECURE=false', async () => {
    const api = createApi({
      prisma: t.database.prisma,
      env: parseApiEnv({ NODE_ENV: 'test', API_COOKIE_SECURE: 'false' }),
      logger: pino({ level: 'silent' }),
    });
    const post = async (query: string, headers: Record<string, string> = {}) => {
      const body = JSON.stringify({
        query,
        variables: { input: { email: 'viewer@test.example', password: PASSWORD } },
      });
      return api.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          ...headers,
        },
        body,
      });
    };
    const signedIn = await post(
      'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
    );
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^plan-tracker-session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const me = await post('{ viewer { kind } }', { cookie: cookie.split(';')[0] ?? '' });
    expect((await me.json()).data.viewer.kind).toBe('USER');
    const out = await post('mutation { signOut }', { cookie: cookie.split(';')[0] ?? '' });
    expect(out.headers.get('set-cookie')).toBe(
      'plan-tracker-session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    );
  });
});

describe('what each caller sees', () => {
  it('hides internal notes and people from anonymous callers', async () => {
    const { body } = await t.gql(INTERNAL, { variables: { code: '1.1.2' } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.plan.commitment).toMatchObject({
      code: '1.1.2',
      statusOverrideReason: null,
      version: null,
    });
    expect(body.data?.plan.commitment.updates[0]).toMatchObject({ author: null });
  });

  it('shows them to staff of the organisation', async () => {
    const cookie = await t.signIn('viewer@test.example');
    const { body } = await t.gql(INTERNAL, { variables: { code: '1.1.2' }, cookie });
    expect(body.data?.plan.commitment.statusOverrideReason).toBe(
      'Internal: set by hand after the Q2 review',
    );
    expect(body.data?.plan.commitment.version).toBe(3);
    expect(body.data?.plan.commitment.updates[0].author).toBe('Jane Officer');
  });

  it('shows staff of another organisation only the public fields of a published plan', async () => {
    const cookie = await t.signIn('admin@other.example');
    const { body } = await t.gql(INTERNAL, { variables: { code: '1.1.2' }, cookie });
    expect(body.data?.plan.commitment).toMatchObject({ statusOverrideReason: null, version: null });
    expect(body.data?.plan.commitment.updates[0].author).toBeNull();
    const own = await t.gql('{ plan(slug: "secret-plan") { title } }', { cookie });
    expect(own.body.data?.plan).toEqual({ title: 'Unpublished Plan' });
  });

  it('refuses objects of an unpublished plan through node(id:) across organisations (IDOR)', async () => {
    const secret = t.id('Commitment', t.fixture.secretCommitment);
    const plan = t.id('Plan', t.fixture.planB);
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const anonymous = await t.gql(query, { variables: { ids: [secret, plan] } });
    expect(anonymous.body.data?.nodes).toEqual([null, null]);
    const otherOrg = await t.gql(query, {
      variables: { ids: [secret, plan] },
      cookie: await t.signIn('admin@test.example'),
    });
    expect(otherOrg.body.data?.nodes).toEqual([null, null]);
    const owner = await t.gql(query, {
      variables: { ids: [secret, plan] },
      cookie: await t.signIn('admin@other.example'),
    });
    expect(owner.body.data?.nodes).toEqual([{ id: secret }, { id: plan }]);
  });

  it('does not reveal API keys through node(id:) to anyone but their administrators', async () => {
    const admin = await t.signIn('admin@test.example');
    const created = await t.gql(
      'mutation { createApiKey(input: { name: "Probe", scopes: [READ] }) { ... on CreatedApiKey { apiKey { id } } } }',
      { cookie: admin },
    );
    const id = created.body.data?.createApiKey.apiKey.id;
    const viaOther = await t.gql('query($id: ID!) { node(id: $id) { id } }', {
      variables: { id },
      cookie: await t.signIn('admin@other.example'),
    });
    expect(viaOther.body.data?.node).toBeNull();
    const viaViewer = await t.gql('query($id: ID!) { node(id: $id) { id } }', {
      variables: { id },
      cookie: await t.signIn('viewer@test.example'),
    });
    expect(viaViewer.body.data?.node).toBeNull();
  });
});

describe('API keys', () => {
  const CREATE =
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreatedApiKey { secret apiKey { id prefix scopes } } ... on MutationError { code } } }';

  it('are created by administrators only, shown once and stored hashed', async () => {
    const editor = await t.signIn('editor@test.example');
    const refused = await t.gql(CREATE, {
      variables: { input: { name: 'Force', scopes: ['READ'] } },
      cookie: editor,
    });
    expect(refused.body.data?.createApiKey).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    const anonymous = await t.gql(CREATE, {
      variables: { input: { name: 'Force', scopes: ['READ'] } },
    });
    expect(anonymous.body.data?.createApiKey.code).toBe('FORBIDDEN');

    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Force', scopes: ['READ'] } },
      cookie: admin,
    });
    const { secret, apiKey } = body.data?.createApiKey ?? {};
    expect(secret).toMatch(/^ptk_/);
    expect(apiKey.scopes).toEqual(['READ']);
    const row = await t.database.prisma.apiKey.findUniqueOrThrow({
      where: { prefix: apiKey.prefix },
    });
    expect(JSON.stringify(row)).not.toContain(secret.slice(20));
    const listed = await t.gql('{ apiKeys { prefix } }', { cookie: admin });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // Recorded in history like any write: who and what, never the key or its hash.
    const history = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'ApiKey', entityId: row.id },
    });
    expect(history).toMatchObject([
      {
        action: 'create',
        actor: expect.stringContaining('ADMIN'),
        after: { name: 'Force', prefix: apiKey.prefix, scopes: ['read'] },
      },
    ]);
    expect(JSON.stringify(history)).not.toContain(row.hash);
    expect(JSON.stringify(history)).not.toContain(secret);
  });

  it('read the organisation, without people, until revoked', async () => {
    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Council', scopes: ['READ'] } },
      cookie: admin,
    });
    const { secret, apiKey } = body.data?.createApiKey ?? {};
    const me = await t.gql('{ viewer { kind scopes } }', { apiKey: secret });
    expect(me.body.data?.viewer).toEqual({ kind: 'API_KEY', scopes: ['read'] });
    const read = await t.gql(INTERNAL, { variables: { code: '1.1.2' }, apiKey: secret });
    expect(read.body.data?.plan.commitment.updates[0].author).toBeNull();

    const revoked = await t.gql(
      'mutation($id: ID!) { revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } } }',
      {
        variables: { id: apiKey.id },
        cookie: admin,
      },
    );
    expect(revoked.body.data?.revokeApiKey.revokedAt).toBeTruthy();
    const after = await t.gql('{ viewer { kind } }', { apiKey: secret });
    expect(after.body.data?.viewer.kind).toBe('ANONYMOUS');
  });

  it('are rate-limited per key: 429 with Retry-After', async () => {
    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Busy', scopes: ['READ'] } },
      cookie: admin,
    });
    const secret = body.data?.createApiKey.secret;
    // The test API allows 5 requests a minute per key.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await t.gql('{ viewer { kind } }', { apiKey: secret })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await t.gql('{ viewer { kind } }', { apiKey: secret });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The window is a minute from the key's first request; the store reads the clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect((await t.gql('{ viewer { kind } }', { apiKey: secret })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('are counted only once the secret is verified: a known prefix cannot spend the budget', async () => {
    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Partner', scopes: ['READ'] } },
      cookie: admin,
    });
    const secret: string = body.data?.createApiKey.secret;
    const prefix: string = body.data?.createApiKey.apiKey.prefix;
    // Someone who knows the public prefix but not the secret: anonymous, and refused nothing.
    const forged = `${secret.slice(0, secret.indexOf(prefix) + prefix.length)}${'x'.repeat(32)}`;
    expect(forged).not.toBe(secret);
    for (let i = 0; i < 10; i += 1) {
      const response = await t.gql('{ viewer { kind } }', { apiKey: forged });
      expect(response.status).toBe(200);
      expect(response.body.data?.viewer.kind).toBe('ANONYMOUS');
    }
    const real = await t.gql('{ viewer { kind } }', { apiKey: secret });
    expect(real.status).toBe(200);
    expect(real.body.data?.viewer.kind).toBe('API_KEY');
  });

  it('share one budget between API instances on one database, and keep it across a restart', async () => {
    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Shared', scopes: ['READ'] } },
      cookie: admin,
    });
    const secret: string = body.data?.createApiKey.secret;
    const instance = () =>
      createApi({
        prisma: t.database.prisma,
        env: parseApiEnv({ NODE_ENV: 'test', API_KEY_REQUESTS_PER_MINUTE: '5' }),
        logger: pino({ level: 'silent' }),
      });
    const ask = async (api: ReturnType<typeof createApi>) => {
      const query = JSON.stringify({ query: '{ viewer { kind } }' });
      const response = await api.yoga.fetch(
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(query)),
            authorization: `Bearer ${secret}`,
          },
          body: query,
        }),
      );
      return response.status;
    };
    const [a, b] = [instance(), instance()];
    const statuses = [await ask(a), await ask(b), await ask(a), await ask(b), await ask(a)];
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await ask(b)).toBe(429);
    // A new instance (a restarted process) finds the budget spent.
    expect(await ask(instance())).toBe(429);
  });

  it('spend one budget per key on GraphQL and on report downloads', async () => {
    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CREATE, {
      variables: { input: { name: 'Downloads', scopes: ['READ'] } },
      cookie: admin,
    });
    const secret = body.data?.createApiKey.secret;
    const downloads = createDownloadHandler({
      prisma: t.database.prisma,
      logger: t.api.logger,
      limits: t.api.limits,
    });
    const download = async () => {
      const response = await downloads(
        new Request('http://localhost/open-data/test-2021-29.json', {
          headers: { authorization: `Bearer ${secret}` },
        }),
      );
      if (!response) throw new Error('not a download path');
      return response;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await download()).status);
    for (let i = 0; i < 2; i += 1)
      statuses.push((await t.gql('{ viewer { kind } }', { apiKey: secret })).status);
    const limited = await download();
    statuses.push(limited.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(await limited.text()).toMatch(/Too many requests with this API key/);
    expect((await t.gql('{ viewer { kind } }', { apiKey: secret })).status).toBe(429);
  });
});
