/**
 * Single sign-on with OpenID Connect, one identity provider per organisation (its settings:
 * `configureSingleSignOn` in @plan-tracker/db). The authorization code flow with PKCE, state and
 * nonce, through openid-client:
 *
 * - `GET /auth/oidc/<organisation slug>/start`: remembers the state, nonce and PKCE verifier in
 *   the database (so any server process can finish the sign-in) and, as a short-lived cookie,
 *   the state (so only the browser that started can finish), then redirects to the provider;
 * - `GET /auth/oidc/callback`: takes the remembered login once (a replayed state finds nothing),
 *   has openid-client exchange the code and check the ID token (issuer, audience, signature,
 *   nonce, expiry), then finds the member of staff by email, or on a first sign-in creates them
 *   with the role their groups map to, sets the same session cookie as `signIn` and redirects to
 *   the admin app.
 *
 * A refusal is a plain-text 403 (400 for a malformed request) saying why, with a stable code in
 * `X-Sign-In-Refused` for the admin app. The handler speaks fetch; server.ts puts it behind
 * node:http and the tests call it in process.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashPassword, type SecretBox, secretBox, sha256 } from '@plan-tracker/accounts';
import {
  createUserAccount,
  type PrismaClient,
  singleSignOnRecord,
  systemActor,
} from '@plan-tracker/db';
import { emailDomainAllowed, groupsOf, roleFromGroups } from '@plan-tracker/domain';
import { parseCookie, stringifySetCookie } from 'cookie';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { sessionSetCookie } from '../auth/session-cookie.js';
import { openSession } from '../auth/sessions.js';
import type { ApiEnv } from '../env.js';

/** The paths this handler answers. */
export const OIDC_PREFIX = '/auth/oidc/';
const CALLBACK_PATH = '/auth/oidc/callback';
const START = /^\/auth\/oidc\/([a-z0-9][a-z0-9-]{0,99})\/start$/;
/** The browser's half of a login in progress: its state. */
const LOGIN_COOKIE = 'plan-tracker-oidc-login';
/** How long someone has at the provider before the login is forgotten. */
const LOGIN_MINUTES = 10;

/** Why a sign-in was refused: stable codes for the admin app. */
export type SignInRefusal =
  | 'NOT_CONFIGURED'
  | 'STATE_MISMATCH'
  | 'STATE_UNKNOWN'
  | 'PROVIDER_RESPONSE_REJECTED'
  | 'EMAIL_MISSING'
  | 'DOMAIN_NOT_ALLOWED'
  | 'NO_ROLE'
  | 'OTHER_ORGANISATION'
  | 'ACCOUNT_DISABLED';

export interface OidcOptions {
  readonly prisma: PrismaClient;
  readonly logger: Logger;
  readonly env: ApiEnv;
  /**
   * Tests only: the one issuer (a loopback provider) that may be reached over plain HTTP
   * (openid-client's `allowInsecureRequests`). Refused in production.
   */
  readonly insecureIssuer?: string;
  /** Tests only: the fetch openid-client uses to reach the provider. */
  readonly fetch?: oidc.CustomFetch;
}

export type OidcHandler = (request: Request) => Promise<Response | null>;

export function createOidcHandler(options: OidcOptions): OidcHandler {
  const { prisma, logger, env } = options;
  if (options.insecureIssuer && env.nodeEnv === 'production') {
    throw new Error('Plain-HTTP identity providers are for tests only, never in production.');
  }
  const box: SecretBox | null = env.secretKey ? secretBox(env.secretKey) : null;
  const redirectUri = new URL(CALLBACK_PATH, env.publicUrl).href;
  const cookieAttributes = {
    path: OIDC_PREFIX,
    httpOnly: true,
    // The provider sends the browser back with a top-level GET: Lax cookies come with it.
    sameSite: 'lax' as const,
    secure: env.cookieSecure,
  };

  async function configurationFor(connection: {
    issuer: string;
    clientId: string;
    clientSecretSealed: string;
  }): Promise<oidc.Configuration> {
    if (!box) throw new Error('No secret key.');
    const insecure = options.insecureIssuer === connection.issuer;
    return oidc.discovery(
      new URL(connection.issuer),
      connection.clientId,
      undefined,
      oidc.ClientSecretBasic(box.open(connection.clientSecretSealed)),
      {
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        ...(options.fetch ? { [oidc.customFetch]: options.fetch } : {}),
      },
    );
  }

  function refuse(code: SignInRefusal, message: string, status = 403): Response {
    logger.warn({ refusal: code }, 'single sign-on refused');
    const headers = new Headers({
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-sign-in-refused': code,
    });
    headers.append(
      'set-cookie',
      stringifySetCookie({ name: LOGIN_COOKIE, value: '', maxAge: 0, ...cookieAttributes }),
    );
    return new Response(`${message}\n`, { status, headers });
  }

  async function start(slug: string): Promise<Response> {
    const organisation = await prisma.organisation.findUnique({
      where: { slug },
      select: { id: true, oidcConnection: true },
    });
    const connection = organisation?.oidcConnection;
    if (!organisation || !connection || !box) {
      return refuse(
        'NOT_CONFIGURED',
        'This organisation does not sign in with single sign-on.',
        404,
      );
    }
    const config = await configurationFor(connection);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const now = new Date();
    await prisma.oidcLogin.deleteMany({ where: { expiresAt: { lte: now } } });
    await prisma.oidcLogin.create({
      data: {
        stateHash: sha256(state),
        organisationId: organisation.id,
        nonce,
        codeVerifier,
        expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000),
      },
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const headers = new Headers({ location: url.href, 'cache-control': 'no-store' });
    headers.append(
      'set-cookie',
      stringifySetCookie({
        name: LOGIN_COOKIE,
        value: state,
        maxAge: LOGIN_MINUTES * 60,
        ...cookieAttributes,
      }),
    );
    return new Response(null, { status: 303, headers });
  }

  async function callback(request: Request, url: URL): Promise<Response> {
    const state = url.searchParams.get('state');
    if (!state) return refuse('STATE_MISMATCH', 'The sign-in came back without its state.', 400);
    const remembered = parseCookie(request.headers.get('cookie') ?? '')[LOGIN_COOKIE];
    if (remembered !== state) {
      return refuse('STATE_MISMATCH', 'This sign-in was not started in this browser. Start again.');
    }
    // Taken once, in one statement: deleting it is what makes a replayed state fail, on any
    // server process, even when two arrive at once.
    const [login] = await prisma.$queryRaw<
      { organisationId: string; nonce: string; codeVerifier: string }[]
    >`DELETE FROM "OidcLogin" WHERE "stateHash" = ${sha256(state)} AND "expiresAt" > ${new Date()}
      RETURNING "organisationId", "nonce", "codeVerifier"`;
    if (!login) {
      return refuse(
        'STATE_UNKNOWN',
        'This sign-in has already been used or has expired. Start again.',
      );
    }
    const connection = await prisma.oidcConnection.findUnique({
      where: { organisationId: login.organisationId },
    });
    if (!connection || !box)
      return refuse('NOT_CONFIGURED', 'Single sign-on is no longer configured.');
    const settings = singleSignOnRecord(connection);
    let claims: Record<string, unknown>;
    try {
      const config = await configurationFor(connection);
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${CALLBACK_PATH}${url.search}`, env.publicUrl),
        {
          pkceCodeVerifier: login.codeVerifier,
          expectedState: state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        },
      );
      claims = { ...(tokens.claims() ?? {}) };
    } catch (error) {
      logger.warn({ err: error, organisationId: login.organisationId }, 'ID token or code refused');
      return refuse(
        'PROVIDER_RESPONSE_REJECTED',
        'The identity provider’s answer could not be trusted. Start again.',
      );
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims.email_verified === false) {
      return refuse(
        'EMAIL_MISSING',
        'The identity provider did not give a verified email address.',
      );
    }
    if (!emailDomainAllowed(email, settings.allowedDomains)) {
      return refuse(
        'DOMAIN_NOT_ALLOWED',
        `Addresses at ${email.split('@')[1]} cannot sign in here.`,
      );
    }
    let user = await prisma.user.findUnique({ where: { email } });
    if (user && user.organisationId !== login.organisationId) {
      return refuse('OTHER_ORGANISATION', 'This address belongs to another organisation.');
    }
    if (user?.disabledAt) return refuse('ACCOUNT_DISABLED', 'This account has been disabled.');
    if (!user) {
      const role = roleFromGroups(groupsOf(claims, settings.groupsClaim), settings.groupRoles);
      if (!role) {
        return refuse(
          'NO_ROLE',
          'None of your groups at the identity provider has a role here. Ask an administrator.',
        );
      }
      const created = await createUserAccount(
        prisma,
        systemActor(login.organisationId, 'single sign-on'),
        {
          input: {
            email,
            name: typeof claims.name === 'string' && claims.name.trim() ? claims.name : email,
            role,
          },
          // They sign in through the provider: a password nobody knows.
          passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
          note: `First sign-in through ${settings.issuer}`,
        },
      );
      if (!created.ok)
        throw new Error(`single sign-on could not create ${email}: ${created.error.message}`);
      user = await prisma.user.findUniqueOrThrow({ where: { id: created.value.record.id } });
    }
    const session = await openSession(prisma, user, env.sessionHours);
    logger.info(
      { userId: user.id, organisationId: user.organisationId },
      'signed in with single sign-on',
    );
    const headers = new Headers({ location: env.adminUrl, 'cache-control': 'no-store' });
    headers.append(
      'set-cookie',
      sessionSetCookie(session.token, env.sessionHours * 3600, env.cookieSecure),
    );
    headers.append(
      'set-cookie',
      stringifySetCookie({ name: LOGIN_COOKIE, value: '', maxAge: 0, ...cookieAttributes }),
    );
    return new Response(null, { status: 303, headers });
  }

  return async (request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(OIDC_PREFIX)) return null;
    if (request.method !== 'GET')
      return new Response('Use GET.\n', { status: 405, headers: { allow: 'GET' } });
    if (url.pathname === CALLBACK_PATH) return callback(request, url);
    const match = START.exec(url.pathname);
    if (match?.[1]) return start(match[1]);
    return new Response('Not found.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
}

/** Answers a node:http request with `handler`; false when it is not the handler's path. */
export async function serveOidc(
  handler: OidcHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const response = await handler(
    new Request(new URL(req.url ?? '/', 'http://localhost'), {
      method: req.method ?? 'GET',
      headers,
    }),
  );
  if (!response) return false;
  for (const [name, value] of response.headers)
    if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.writeHead(response.status);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  return true;
}
