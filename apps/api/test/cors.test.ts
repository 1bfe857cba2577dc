// Cross-origin requests to /graphql (audit, issue 15): the admin app is same-origin, so a page on
// any other origin, another port of the same host included, gets no credentialed CORS unless the
// origin is listed in API_CORS_ORIGINS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { startTestApi, type TestApi } from './support/api.js';
import { PASSWORD } from './support/fixtures.js';

const FOREIGN = 'http://localhost:5173';
const TRUSTED = 'https://intranet.dorset-opcc.example';

let t: TestApi;
let trusting: TestApi;
let cookie: string;
beforeAll(async () => {
  t = await startTestApi();
  trusting = await startTestApi({ env: { API_CORS_ORIGINS: `${TRUSTED}, https://other.example` } });
  cookie = await t.signIn('editor@test.example', PASSWORD);
});
afterAll(async () => {
  await t.close();
  await trusting.close();
});

function preflight(api: TestApi, origin: string) {
  return api.fetch('/graphql', {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-graphql-csrf',
    },
  });
}

function post(api: TestApi, origin: string, body: string, contentType = 'application/json') {
  return api.fetch('/graphql', {
    method: 'POST',
    headers: {
      origin,
      cookie,
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });
}

const VIEWER = JSON.stringify({ query: '{ viewer { kind name } }' });

describe('CORS on /graphql', () => {
  it('answers a preflight from another origin of the same host without allowing it', async () => {
    const response = await preflight(t, FOREIGN);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('lets a foreign origin read nothing: no CORS headers on the actual response', async () => {
    const response = await post(t, FOREIGN, VIEWER);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a simple (preflight-free) cross-site write with the session', async () => {
    const body = JSON.stringify({ query: 'mutation { signOut }' });
    const response = await post(t, FOREIGN, body, 'text/plain');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows credentialed CORS for a listed origin only, varying by Origin', async () => {
    const allowed = await preflight(trusting, TRUSTED);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(TRUSTED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toContain('Origin');
    const other = await preflight(trusting, FOREIGN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('checks API_CORS_ORIGINS at start', () => {
    expect(
      parseApiEnv({ API_CORS_ORIGINS: `${TRUSTED}/,http://a.example:8080` }).corsOrigins,
    ).toEqual([TRUSTED, 'http://a.example:8080']);
    expect(parseApiEnv({}).corsOrigins).toEqual([]);
    expect(() => parseApiEnv({ API_CORS_ORIGINS: 'https://a.example/admin' })).toThrow(
      /API_CORS_ORIGINS.*without a path/s,
    );
    expect(() => parseApiEnv({ API_CORS_ORIGINS: 'ftp://a.example' })).toThrow(/API_CORS_ORIGINS/);
    expect(() => parseApiEnv({ API_CORS_ORIGINS: '*' })).toThrow(/API_CORS_ORIGINS/);
  });
});
