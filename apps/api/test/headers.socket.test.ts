// Security headers on every response of the real server (audit, issue 15): a Content-Security-
// Policy fit for the admin app (scripts, styles, fonts and images from this origin only, no
// inline script), framing refused, no referrer across origins, no MIME sniffing; HSTS in
// production only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '@plan-tracker/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { type RunningServer, startServer } from '../src/server.js';
import { loadFixture } from './support/fixtures.js';

const staticDir = mkdtempSync(join(tmpdir(), 'plan-tracker-static-'));
let dev: RunningServer;
let production: RunningServer;

beforeAll(async () => {
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Admin</title><script type="module" src="/assets/index.js"></script>',
  );
  const start = async (nodeEnv: 'test' | 'production') => {
    const database = await openTestDatabase();
    await loadFixture(database.prisma);
    return startServer({
      port: 0,
      database,
      staticDir,
      env: parseApiEnv({ NODE_ENV: nodeEnv }),
      logger: pino({ level: 'silent' }),
      handleSignals: false,
    });
  };
  [dev, production] = await Promise.all([start('test'), start('production')]);
});
afterAll(async () => {
  await dev?.close();
  await production?.close();
});

const graphql = (server: RunningServer) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { kind } }' }),
  });

function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

function expectBaseHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(directives(response.headers.get('content-security-policy'))['frame-ancestors']).toBe(
    "'none'",
  );
}

describe('security headers', () => {
  it('are on /graphql, with a policy that allows nothing to load', async () => {
    const response = await graphql(dev);
    expectBaseHeaders(response);
    expect(directives(response.headers.get('content-security-policy'))['default-src']).toBe(
      "'none'",
    );
  });

  it("are on the admin app, whose policy allows this origin's scripts, styles, fonts and images only", async () => {
    const response = await fetch(`${dev.url}/commitments`);
    expect(await response.text()).toContain('<title>Admin</title>');
    expectBaseHeaders(response);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['style-src']).toBe("'self'");
    expect(csp['font-src']).toBe("'self'");
    expect(csp['img-src']).toBe("'self'");
    expect(csp['connect-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['base-uri']).toBe("'none'");
    expect(JSON.stringify(csp)).not.toContain('unsafe');
  });

  it('are on health checks, downloads and not-found answers', async () => {
    for (const path of ['/healthz', '/readyz', '/open-data/test-2021-29.json', '/nowhere']) {
      const response = await fetch(`${dev.url}${path}`, {
        headers: { accept: 'application/json' },
      });
      expectBaseHeaders(response);
    }
    const html = await fetch(`${dev.url}/reports/test-2021-29/2021-22-Q2.html`);
    expect(html.status).toBe(200);
    expectBaseHeaders(html);
  });

  it('add HSTS in production only', async () => {
    expect((await graphql(dev)).headers.get('strict-transport-security')).toBeNull();
    const response = await graphql(production);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expectBaseHeaders(response);
    const page = await fetch(`${production.url}/`);
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
