/**
 * One test file's API: a fresh migrated in-memory PGlite, the fixture, the yoga instance, and a
 * `gql` helper that posts through `yoga.fetch` in process (no socket).
 */
import { Writable } from 'node:stream';
import type { Database, PrismaClient } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { parseApiEnv } from '../../src/env.js';
import { type Api, createApi } from '../../src/yoga.js';
import { type Fixture, loadFixture, PASSWORD } from './fixtures.js';

export interface GqlOptions {
  variables?: Record<string, unknown>;
  cookie?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

/** A response's data: shapes are checked by the tests' assertions, not by types. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = Record<string, any>;

export interface GqlResult<T = Json> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

export interface TestApi {
  database: Database;
  fixture: Fixture;
  api: Api;
  logLines: Record<string, unknown>[];
  gql<T = Json>(query: string, options?: GqlOptions): Promise<GqlResult<T>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  signIn(email: string, password?: string): Promise<string>;
  id(typename: string, id: string): string;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Multiplies the fixture's commitments (2 per theme at scale 1). */
  scale?: number;
  env?: Record<string, string>;
  /** The client the API uses, made from the test database (e.g. one that counts statements). */
  prismaFor?: (database: Database) => PrismaClient;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = await openTestDatabase();
  const fixture = await loadFixture(database.prisma, options.scale ?? 1);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const env = parseApiEnv({ NODE_ENV: 'test', API_KEY_REQUESTS_PER_MINUTE: '5', ...options.env });
  const api = createApi({
    prisma: options.prismaFor?.(database) ?? database.prisma,
    env,
    logger: pino({ level: 'info' }, sink),
  });
  const fetch = (path: string, init?: RequestInit) =>
    Promise.resolve(api.yoga.fetch(new Request(`http://localhost${path}`, init)));
  const gql = async <T>(query: string, o: GqlOptions = {}): Promise<GqlResult<T>> => {
    const body = JSON.stringify({ query, variables: o.variables ?? {} });
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...(o.cookie ? { cookie: o.cookie } : {}),
        ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}),
        ...o.headers,
      },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : {},
    };
  };
  const signIn = async (email: string, password = PASSWORD) => {
    const result = await gql(
      'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInPayload { expiresAt } } }',
      { variables: { input: { email, password } } },
    );
    const setCookie = result.headers.get('set-cookie');
    if (!setCookie) throw new Error(`sign-in failed: ${JSON.stringify(result.body)}`);
    return setCookie.split(';')[0] ?? '';
  };
  return {
    database,
    fixture,
    api,
    logLines,
    gql,
    fetch,
    signIn,
    id: (typename, id) => encodeGlobalID(typename, id),
    close: () => database.close(),
  };
}
