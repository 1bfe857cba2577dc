// The OWASP GraphQL checks: deep, aliased, long and costly queries refused before any resolver
// runs; the page-size rule; CSRF; masked internal errors; body size; batching off; introspection.

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { type Api, createApi } from '../src/yoga.js';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

/** Counts Prisma calls while `run` runs: a refused query must make none. */
async function queriesDuring(run: () => Promise<unknown>): Promise<number> {
  const client = t.database.prisma;
  const spy = vi.spyOn(client.plan, 'findFirst');
  const spyCommitments = vi.spyOn(client.commitment, 'findMany');
  try {
    await run();
    return spy.mock.calls.length + spyCommitments.mock.calls.length;
  } finally {
    spy.mockRestore();
    spyCommitments.mockRestore();
  }
}

const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.[0]?.extensions?.code;

describe('limits, before any resolver runs', () => {
  it('refuses a query deeper than 12', async () => {
    const deep =
      '{ plan(slug: "test-2021-29") { organisation { plans { organisation { plans { organisation { plans { organisation { plans { organisation { plans { organisation { name } } } } } } } } } } } } }';
    let body: Record<string, unknown> = {};
    const calls = await queriesDuring(async () => {
      body = (await t.gql(deep)).body;
    });
    expect(JSON.stringify(body)).toMatch(/depth/i);
    expect(calls).toBe(0);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    const { body } = await t.gql(`{ ${aliases} }`);
    expect(JSON.stringify(body.errors)).toMatch(/aliases/i);
    expect(body.data).toBeUndefined();
  });

  it('refuses a document of more than 3000 tokens', async () => {
    const fields = Array.from({ length: 3100 }, () => '__typename').join(' ');
    const { body } = await t.gql(`{ ${fields} }`);
    expect(JSON.stringify(body.errors)).toMatch(/token/i);
  });

  it('refuses a costly query, counting page sizes and list sizes', async () => {
    const tree =
      'plan(slug: "test-2021-29") { commitments(first: 100) { edges { node { actions { milestones { title } updates { narrative } } updates { narrative } } } } timeline { quarters { dueActions { title } updates { narrative } } } }';
    const aliased = Array.from({ length: 12 }, (_, i) => `p${i}: ${tree}`).join(' ');
    let body: { errors?: { extensions?: Record<string, unknown> }[] } = {};
    const calls = await queriesDuring(async () => {
      body = (await t.gql(`{ ${aliased} }`)).body;
    });
    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
    expect(calls).toBe(0);
    const one = await t.gql(`{ ${tree} }`);
    expect(one.body.errors).toBeUndefined();
  });
});

describe('page size', () => {
  it('rejects first or last above 100 (not clamped), with the limit in the error', async () => {
    for (const args of ['first: 101', 'last: 500']) {
      const { body } = await t.gql(
        `{ plan(slug: "test-2021-29") { commitments(${args}) { totalCount } } }`,
      );
      expect(codeOf(body)).toBe('PAGE_SIZE_TOO_LARGE');
      expect(body.errors?.[0]?.extensions?.max).toBe(100);
      expect(body.data).toBeUndefined();
    }
    const viaVariable = await t.gql(
      'query($n: Int) { plan(slug: "test-2021-29") { actions(first: $n) { totalCount } } }',
      {
        variables: { n: 1000 },
      },
    );
    expect(codeOf(viaVariable.body)).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('accepts 100 and defaults to 20', async () => {
    const hundred = await t.gql(
      '{ plan(slug: "test-2021-29") { actions(first: 100) { edges { cursor } } } }',
    );
    expect(hundred.body.errors).toBeUndefined();
    expect(hundred.body.data?.plan.actions.edges).toHaveLength(16);
    const defaulted = await t.gql(
      '{ plan(slug: "test-2021-29") { actions { edges { cursor } pageInfo { hasNextPage } } } }',
    );
    expect(defaulted.body.data?.plan.actions.pageInfo.hasNextPage).toBe(false);
  });
});

describe('CSRF', () => {
  it('refuses a simple cross-site GET without the custom header', async () => {
    const refused = await t.fetch('/graphql?query=%7Bviewer%7Bkind%7D%7D');
    expect(refused.status).toBe(403);
    const allowed = await t.fetch('/graphql?query=%7Bviewer%7Bkind%7D%7D', {
      headers: { 'x-graphql-csrf': '1' },
    });
    expect(allowed.status).toBe(200);
  });

  it('refuses a form post', async () => {
    const body = 'query=mutation%7BsignOut%7D';
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(body.length),
      },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('"signOut"');
  });
});

describe('errors and requests', () => {
  it('masks an internal error and logs it with the request id', async () => {
    const client = t.database.prisma;
    const spy = vi
      .spyOn(client.plan, 'findFirst')
      .mockRejectedValueOnce(new Error('connection reset by db-host-7'));
    try {
      const { body, headers } = await t.gql('{ plan(slug: "test-2021-29") { title } }');
      const requestId = headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toContain('db-host-7');
      expect(body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(body.errors?.[0]?.path).toEqual(['plan']);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const logged = t.logLines.filter((line) => line.requestId === requestId && line.level === 50);
      expect(logged).toHaveLength(1);
      expect(JSON.stringify(logged[0])).toContain('db-host-7');
    } finally {
      spy.mockRestore();
    }
  });

  it('logs one failure of many fields once, with a short stack', async () => {
    const client = t.database.prisma;
    const failure = new Error('connection reset by db-host-8');
    const spy = vi.spyOn(client.plan, 'findFirst').mockRejectedValue(failure);
    try {
      const { body, headers } = await t.gql(
        '{ a: plan(slug: "test-2021-29") { title } b: plan(slug: "test-2021-29") { title } }',
      );
      const requestId = headers.get('x-request-id');
      expect(body.errors?.map((e) => [e.message, e.extensions?.requestId])).toEqual([
        ['Unexpected error.', requestId],
        ['Unexpected error.', requestId],
      ]);
      const logged = t.logLines.filter((line) => line.requestId === requestId && line.level === 50);
      expect(logged).toHaveLength(1);
      const error = logged[0]?.error as { message: string; stack: string[] };
      expect(error.message).toBe('connection reset by db-host-8');
      expect(error.stack.length).toBeGreaterThan(0);
      expect(error.stack.length).toBeLessThanOrEqual(8);
      expect(JSON.stringify(logged[0]).length).toBeLessThan(3000);
    } finally {
      spy.mockRestore();
    }
  });

  it('masks a failure while identifying the caller: 500, the request id, logged once', async () => {
    const client = t.database.prisma;
    const spy = vi
      .spyOn(client.session, 'findUnique')
      .mockRejectedValueOnce(new Error('connection reset by db-host-9'));
    try {
      const { status, body, headers } = await t.gql('{ viewer { kind } }', {
        cookie: '__Host-plan-tracker-session=some-token',
      });
      const requestId = headers.get('x-request-id');
      expect(status).toBe(500);
      expect(body).toEqual({
        errors: [
          {
            message: 'Unexpected error.',
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
          },
        ],
      });
      const logged = t.logLines.filter((line) => line.requestId === requestId && line.level === 50);
      expect(logged).toHaveLength(1);
      expect(JSON.stringify(logged[0])).toContain('db-host-9');
    } finally {
      spy.mockRestore();
    }
  });

  it('leaks nothing of an internal error in production', async () => {
    const production = createApi({
      prisma: t.database.prisma,
      env: parseApiEnv({ NODE_ENV: 'production' }),
      logger: pino({ level: 'silent' }),
    });
    const client = t.database.prisma;
    const spy = vi
      .spyOn(client.plan, 'findFirst')
      .mockRejectedValueOnce(new Error('connection reset by db-host-10'));
    try {
      const query = JSON.stringify({ query: '{ plan(slug: "test-2021-29") { title } }' });
      const response = await production.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(query.length) },
        body: query,
      });
      const text = await response.text();
      expect(text).not.toMatch(/db-host-10|stack|originalError|\.ts:/);
      expect(JSON.parse(text).errors[0].message).toBe('Unexpected error.');
    } finally {
      spy.mockRestore();
    }
  });

  it('answers malformed JSON in GET variables or extensions with 400, naming the parameter', async () => {
    const before = t.logLines.length;
    for (const param of ['variables', 'extensions']) {
      const response = await t.fetch(`/graphql?query=%7Bviewer%7Bkind%7D%7D&${param}=%7Bnot`, {
        headers: { 'x-graphql-csrf': '1' },
      });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.errors[0].message).toMatch(
        new RegExp(`^The "${param}" parameter is not valid JSON: `),
      );
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    }
    expect(t.logLines.slice(before).filter((line) => line.level === 50)).toEqual([]);
  });

  it('refuses a body over the limit and one without a length', async () => {
    const big = JSON.stringify({ query: `{ viewer { kind } } #${'x'.repeat(1_100_000)}` });
    const tooBig = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(tooBig.status).toBe(413);
  });

  it('does not batch', async () => {
    const body = JSON.stringify([
      { query: '{ viewer { kind } }' },
      { query: '{ viewer { kind } }' },
    ]);
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('allows introspection in development and test, and can turn it off', async () => {
    const on = await t.gql('{ __schema { queryType { name } } }');
    expect(on.body.data?.__schema.queryType.name).toBe('Query');
  });

  it('turns introspection and GraphiQL off in production unless configured on', async () => {
    const post = (api: Api, query: string) => {
      const body = JSON.stringify({ query });
      return api.yoga.fetch(
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
          body,
        }),
      );
    };
    const quiet = pino({ level: 'silent' });
    const production = createApi({
      prisma: t.database.prisma,
      env: parseApiEnv({ NODE_ENV: 'production' }),
      logger: quiet,
    });
    const refused = await post(production, '{ __schema { queryType { name } } }');
    const body = await refused.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/introspection/i);
    const typename = await (await post(production, '{ __type(name: "Plan") { name } }')).json();
    expect(typename.errors[0].message).toMatch(/introspection/i);
    // Ordinary reads still work, and GraphiQL is not served.
    const read = await (await post(production, '{ plan(slug: "test-2021-29") { title } }')).json();
    expect(read.data.plan.title).toBe('Test Plan 2021–29');
    const page = await production.yoga.fetch(
      new Request('http://localhost/graphql', { headers: { accept: 'text/html' } }),
    );
    expect(await page.text()).not.toMatch(/graphiql/i);

    const configured = createApi({
      prisma: t.database.prisma,
      env: parseApiEnv({ NODE_ENV: 'production', API_INTROSPECTION: 'true' }),
      logger: quiet,
    });
    const allowed = await (await post(configured, '{ __schema { queryType { name } } }')).json();
    expect(allowed.data.__schema.queryType.name).toBe('Query');
  });
});
