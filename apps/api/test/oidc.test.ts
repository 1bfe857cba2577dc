// Single sign-on against a real OpenID provider: `oidc-provider` on a loopback port, driven with
// plain fetch through its development login and consent forms, back to our callback in process.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { secretBox } from '@plan-tracker/accounts';
import { configureSingleSignOn, systemActor } from '@plan-tracker/db';
import Provider from 'oidc-provider';
import * as oidc from 'openid-client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcHandler, type OidcHandler } from '../src/http/oidc.js';
import { startTestApi, type TestApi } from './support/api.js';
import { PASSWORD } from './support/fixtures.js';

const PUBLIC_URL = 'http://tracker.test';
const CALLBACK = `${PUBLIC_URL}/auth/oidc/callback`;
const OTHER_CALLBACK = 'http://127.0.0.1/other-app/callback';
const SECRET_KEY = randomBytes(32).toString('base64');

/** The provider's people: account id → claims. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  alice: {
    email: 'Alice@dorset.example',
    email_verified: true,
    name: 'Alice Analyst',
    groups: ['tracker-editors', 'everyone'],
  },
  bob: {
    email: 'bob@dorset.example',
    email_verified: true,
    name: 'Bob Barred',
    groups: ['tracker-editors'],
  },
  mallory: {
    email: 'mallory@elsewhere.example',
    email_verified: true,
    name: 'Mallory',
    groups: ['tracker-admins'],
  },
};

let t: TestApi;
let server: Server;
let issuer: string;
let handler: OidcHandler;
let slug: string;
const logLines: Record<string, unknown>[] = [];
/** When set, the ID token our callback receives is swapped for this one (a token substitution). */
let substituteIdToken: string | null = null;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: 'tracker', client_secret: 'tracker-secret', redirect_uris: [CALLBACK] },
      { client_id: 'other-app', client_secret: 'other-secret', redirect_uris: [OTHER_CALLBACK] },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Put the scopes' claims in the ID token, as the identity providers offices use do.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, id: string) =>
      ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id, ...ACCOUNTS[id] }) } : undefined,
    cookies: { keys: ['a test cookie key, long enough'] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());

  t = await startTestApi({
    env: {
      API_COOKIE_SECURE: 'false',
      API_PUBLIC_URL: PUBLIC_URL,
      PLAN_TRACKER_SECRET_KEY: SECRET_KEY,
    },
  });
  slug = (await t.database.prisma.organisation.findUniqueOrThrow({ where: { id: t.fixture.orgA } }))
    .slug;
  const configured = await configureSingleSignOn(t.database.prisma, systemActor(t.fixture.orgA), {
    input: {
      issuer,
      clientId: 'tracker',
      allowedDomains: ['dorset.example'],
      groupRoles: [
        { group: 'tracker-editors', role: 'EDITOR' },
        { group: 'everyone', role: 'VIEWER' },
        { group: 'tracker-admins', role: 'ADMIN' },
      ],
    },
    clientSecretSealed: secretBox(SECRET_KEY).seal('tracker-secret'),
  });
  expect(configured.ok).toBe(true);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  handler = createOidcHandler({
    prisma: t.database.prisma,
    logger: pino({ level: 'info' }, sink),
    env: t.api.env,
    insecureIssuer: issuer,
    fetch: async (url, init) => {
      const response = await fetch(url, init as RequestInit);
      if (!substituteIdToken || !url.endsWith('/token')) return response;
      const body = { ...(await response.json()), id_token: substituteIdToken };
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: response.headers,
      });
    },
  });
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

/** Cookies by name, for one site. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs `account` in at the provider from `authorizationUrl`, through its login and consent
 * forms, and returns where the provider sends the browser back (a URL starting with `backTo`).
 */
async function atProvider(authorizationUrl: string, account: string, backTo: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') ?? '', url);
      if (url.href.startsWith(backTo)) return url;
      continue;
    }
    const html = await response.text();
    expect(response.status, html).toBe(200);
    const form: Record<string, string> = html.includes('name="login"')
      ? { prompt: 'login', login: account, password: 'anything' }
      : { prompt: 'consent' };
    const submitted = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    jar.take(submitted);
    url = new URL(submitted.headers.get('location') ?? '', url);
  }
  throw new Error('the provider did not send the browser back');
}

interface SignInAttempt {
  response: Response;
  /** What the callback was called with, to replay it. */
  callback: Request;
}

/** The whole round trip: our start route, the provider, our callback. */
async function signInWithProvider(
  account: string,
  beforeCallback?: (authorizationUrl: URL) => Promise<void>,
): Promise<SignInAttempt> {
  const started = await handler(new Request(`${PUBLIC_URL}/auth/oidc/${slug}/start`));
  expect(started?.status).toBe(303);
  const jar = new Jar();
  if (started) jar.take(started);
  const back = await atProvider(started?.headers.get('location') ?? '', account, PUBLIC_URL);
  await beforeCallback?.(new URL(started?.headers.get('location') ?? ''));
  const callback = new Request(back, { headers: { cookie: jar.header() } });
  const response = await handler(callback.clone());
  if (!response) throw new Error('the callback was not answered');
  return { response, callback };
}

function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('plan-tracker-session='));
  return cookie?.split(';')[0] ?? '';
}

describe('single sign-on with OpenID Connect', () => {
  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const started = await handler(new Request(`${PUBLIC_URL}/auth/oidc/${slug}/start`));
    const location = new URL(started?.headers.get('location') ?? '');
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    for (const param of ['code_challenge', 'state', 'nonce']) {
      expect(location.searchParams.get(param)).toMatch(/^[\w-]{20,}$/);
    }
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const unknown = await handler(new Request(`${PUBLIC_URL}/auth/oidc/nowhere/start`));
    expect(unknown?.status).toBe(404);
  });

  it('a first sign-in creates the user with the mapped role and sets the session cookie', async () => {
    const { response, callback } = await signInWithProvider('alice');
    expect(response.status, await response.clone().text()).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/^plan-tracker-session=.+/);
    const { body } = await t.gql('{ viewer { kind name role email } }', { cookie });
    // The most powerful role of Alice's groups (editors over everyone).
    expect(body.data?.viewer).toEqual({
      kind: 'USER',
      name: 'Alice Analyst',
      role: 'EDITOR',
      email: 'alice@dorset.example',
    });
    const entry = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityType: 'User', action: 'create', actor: 'single sign-on' },
    });
    expect(entry.after).toMatchObject({ email: 'alice@dorset.example', role: 'EDITOR' });

    // The same answer again (a replayed state) is refused, and signs no one in.
    const replay = await handler(callback.clone());
    expect(replay?.status).toBe(403);
    expect(replay?.headers.get('x-sign-in-refused')).toBe('STATE_UNKNOWN');
    expect(replay?.headers.getSetCookie().some((c) => c.startsWith('plan-tracker-session='))).toBe(
      false,
    );
  });

  it('a second sign-in finds the same user', async () => {
    const { response } = await signInWithProvider('alice');
    expect(response.status).toBe(303);
    expect(await t.database.prisma.user.count({ where: { email: 'alice@dorset.example' } })).toBe(
      1,
    );
  });

  it('refuses a disabled user', async () => {
    await t.database.prisma.user.create({
      data: {
        organisationId: t.fixture.orgA,
        email: 'bob@dorset.example',
        name: 'Bob Barred',
        passwordHash: '$argon2id$unused',
        disabledAt: new Date(),
      },
    });
    const { response } = await signInWithProvider('bob');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-sign-in-refused')).toBe('ACCOUNT_DISABLED');
    expect(sessionCookieOf(response)).toBe('');
  });

  it('refuses an address outside the allowed domains, creating no one', async () => {
    const { response } = await signInWithProvider('mallory');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-sign-in-refused')).toBe('DOMAIN_NOT_ALLOWED');
    expect(
      await t.database.prisma.user.count({ where: { email: 'mallory@elsewhere.example' } }),
    ).toBe(0);
  });

  it('refuses an ID token the provider issued to another client (wrong audience)', async () => {
    // A real token for Alice, signed by the provider (with our sign-in's nonce), but issued to
    // the client `other-app`, put in place of the one our callback receives.
    const substitute = async (ours: URL) => {
      const other = await oidc.discovery(
        new URL(issuer),
        'other-app',
        undefined,
        oidc.ClientSecretBasic('other-secret'),
        {
          execute: [oidc.allowInsecureRequests],
        },
      );
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const authorizationUrl = oidc.buildAuthorizationUrl(other, {
        redirect_uri: OTHER_CALLBACK,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce: ours.searchParams.get('nonce') ?? '',
      });
      const back = await atProvider(authorizationUrl.href, 'alice', OTHER_CALLBACK);
      const tokens = await oidc.authorizationCodeGrant(other, back, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: ours.searchParams.get('nonce') ?? '',
      });
      expect(tokens.claims()?.aud).toBe('other-app');
      substituteIdToken = tokens.id_token ?? null;
    };
    try {
      const { response } = await signInWithProvider('alice', substitute);
      expect(response.status).toBe(403);
      expect(response.headers.get('x-sign-in-refused')).toBe('PROVIDER_RESPONSE_REJECTED');
      expect(sessionCookieOf(response)).toBe('');
    } finally {
      substituteIdToken = null;
    }
    const refused = logLines.findLast((line) => line.msg === 'ID token or code refused');
    expect(JSON.stringify(refused)).toMatch(/aud/);
  });

  it('refuses a callback from a browser that did not start the sign-in', async () => {
    const { callback } = await signInWithProvider('alice');
    const elsewhere = await handler(new Request(callback.url));
    expect(elsewhere?.headers.get('x-sign-in-refused')).toBe('STATE_MISMATCH');
  });

  it('can turn email and password off for the organisation, keeping the stored secret', async () => {
    await t.signIn('editor@test.example');
    const changed = await configureSingleSignOn(t.database.prisma, systemActor(t.fixture.orgA), {
      input: {
        issuer,
        clientId: 'tracker',
        allowedDomains: ['dorset.example'],
        groupRoles: [{ group: 'tracker-editors', role: 'EDITOR' }],
        passwordSignInAllowed: false,
      },
    });
    expect(changed.ok && changed.value.record).toMatchObject({
      clientSecretSet: true,
      passwordSignInAllowed: false,
    });
    const refused = await t.gql(
      'mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on MutationError { code message } } }',
      { variables: { i: { email: 'editor@test.example', password: PASSWORD } } },
    );
    expect(refused.body.data?.signIn).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.body.data?.signIn.message).toMatch(/single sign-on/);
    expect((await signInWithProvider('alice')).response.status).toBe(303);
    const history = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'OidcConnection' },
    });
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(history)).not.toContain('tracker-secret');
  });
});

describe('configureSingleSignOn and singleSignOn (GraphQL)', () => {
  const CONFIGURE = `mutation($input: ConfigureSingleSignOnInput!) {
    configureSingleSignOn(input: $input) {
      __typename
      ... on SingleSignOn { issuer clientId clientSecretSet allowedDomains groupRoles { group role } passwordSignInAllowed }
      ... on MutationError { code message }
      ... on ValidationError { issues { path message } }
    }
  }`;
  const input = {
    issuer: 'https://login.example.org/dorset',
    clientId: 'tracker-2',
    clientSecret: 'a-new-client-secret',
    allowedDomains: ['dorset.example'],
    groupRoles: [{ group: 'tracker-admins', role: 'ADMIN' }],
  };

  it('is for administrators; the secret is sealed and never readable back', async () => {
    // The test before turned email and password off.
    await t.database.prisma.oidcConnection.updateMany({ data: { passwordSignInAllowed: true } });
    const editor = await t.signIn('burglary@test.example');
    const refused = await t.gql(CONFIGURE, { variables: { input }, cookie: editor });
    expect(refused.body.data?.configureSingleSignOn.code).toBe('FORBIDDEN');
    const bad = await t.gql(CONFIGURE, {
      variables: { input: { ...input, allowedDomains: [] } },
      cookie: await t.signIn('admin@test.example'),
    });
    expect(bad.body.data?.configureSingleSignOn.issues[0].path).toEqual([
      'input',
      'allowedDomains',
    ]);

    const admin = await t.signIn('admin@test.example');
    const { body } = await t.gql(CONFIGURE, { variables: { input }, cookie: admin });
    expect(body.data?.configureSingleSignOn).toEqual({
      __typename: 'SingleSignOn',
      issuer: 'https://login.example.org/dorset',
      clientId: 'tracker-2',
      clientSecretSet: true,
      allowedDomains: ['dorset.example'],
      groupRoles: [{ group: 'tracker-admins', role: 'ADMIN' }],
      passwordSignInAllowed: true,
    });
    const read = await t.gql('{ singleSignOn { clientId clientSecretSet } }', { cookie: admin });
    expect(read.body.data?.singleSignOn).toEqual({ clientId: 'tracker-2', clientSecretSet: true });
    const asEditor = await t.gql('{ singleSignOn { clientId } }', { cookie: editor });
    expect(asEditor.body.data?.singleSignOn).toBeNull();
    const row = await t.database.prisma.oidcConnection.findUniqueOrThrow({
      where: { organisationId: t.fixture.orgA },
    });
    expect(row.clientSecretSealed).not.toContain('a-new-client-secret');
    expect(secretBox(SECRET_KEY).open(row.clientSecretSealed)).toBe('a-new-client-secret');
  });
});
