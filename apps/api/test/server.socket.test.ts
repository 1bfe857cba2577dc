// Real-socket tests of the HTTP server: health checks, static files, GraphQL over HTTP, and a
// graceful shutdown that lets a request in flight finish before closing the database.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '@plan-tracker/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { type RunningServer, startServer } from '../src/server.js';
import { loadFixture } from './support/fixtures.js';

let server: RunningServer;
let closed = false;
const staticDir = mkdtempSync(join(tmpdir(), 'plan-tracker-static-'));

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Admin</title>');
  const database = await openTestDatabase();
  await loadFixture(database.prisma);
  const realClose = database.close;
  database.close = async () => {
    closed = true;
    await realClose();
  };
  server = await startServer({
    port: 0,
    database,
    staticDir,
    env: parseApiEnv({ NODE_ENV: 'test' }),
    logger: pino({ level: 'silent' }),
    handleSignals: false,
  });
});
afterAll(() => server?.close());

describe('the HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('serves GraphQL with a request id, and the admin app at /', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plan(slug: "test-2021-29") { title } }' }),
    });
    expect(await response.json()).toEqual({ data: { plan: { title: 'Test Plan 2021–29' } } });
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const page = await fetch(`${server.url}/some/admin/route`);
    expect(await page.text()).toContain('<title>Admin</title>');
    const traversal = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('routes single sign-on: an organisation without it is a plain-text 404 saying so', async () => {
    const response = await fetch(`${server.url}/auth/oidc/nowhere/start`, { redirect: 'manual' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-sign-in-refused')).toBe('NOT_CONFIGURED');
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^plan-tracker-oidc-login=; Max-Age=0; Path=\/auth\/oidc\/; HttpOnly/),
    ]);
    expect(await response.text()).toMatch(/does not sign in with single sign-on/);
  });

  it('finishes a request in flight on shutdown, then closes the database', async () => {
    const big =
      '{ plan(slug: "test-2021-29") { timeline { quarters { label dueActions { title } updates { narrative } } } } }';
    const inFlight = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: big }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).data.plan.timeline.quarters).toHaveLength(32);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
