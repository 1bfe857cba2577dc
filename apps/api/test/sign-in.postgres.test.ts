// Sign-in throttling on real PostgreSQL (audit, issue 15): two API servers on one database, as
// two processes behind a load balancer would be, each with its own pool and limiter objects, so
// the only thing they share is the database. 20 wrong passwords for one account, alternating
// between them, are throttled after the account's budget of 10; the lock holds for the right
// password too, and for a third server started afterwards (a restart). Throttled attempts are
// refused before the password is hashed, so they answer in a fraction of a hash's time.
// Uses PG_TEST_URL when set (an empty database), else a throwaway cluster; skipped, saying so,
// when neither is available.
import { type Database, openDatabase } from '@plan-tracker/db';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '@plan-tracker/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { type RunningServer, startServer } from '../src/server.js';
import { loadFixture, PASSWORD } from './support/fixtures.js';

const externalUrl = process.env.PG_TEST_URL;
const available = Boolean(externalUrl) || findPostgresBin() !== undefined;
if (!available) {
  console.warn(
    'sign-in.postgres.test.ts skipped: no PG_TEST_URL and no PostgreSQL server binaries',
  );
}

const SIGN_IN =
  'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationError { code message } ... on RateLimitedError { retryAfterSeconds } } }';

describe.runIf(available)('signIn on PostgreSQL, two servers on one database', () => {
  let postgres: ThrowawayPostgres | undefined;
  let url: string;
  const servers: RunningServer[] = [];

  const start = async (): Promise<RunningServer> => {
    const database: Database = await openDatabase({ url });
    const server = await startServer({
      port: 0,
      database,
      env: parseApiEnv({ NODE_ENV: 'test' }),
      logger: pino({ level: 'silent' }),
      handleSignals: false,
    });
    servers.push(server);
    return server;
  };

  const signIn = async (server: RunningServer, email: string, password: string) => {
    const body = JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } });
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = (await response.json()) as {
      data: { signIn: { __typename: string; code?: string; retryAfterSeconds?: number } };
    };
    return {
      ...json.data.signIn,
      ms: performance.now() - started,
      setCookie: response.headers.get('set-cookie'),
    };
  };

  beforeAll(async () => {
    postgres = externalUrl ? undefined : await startThrowawayPostgres();
    url = externalUrl ?? postgres?.url ?? '';
    const database = await openDatabase({ url, migrate: true });
    await loadFixture(database.prisma);
    await database.close();
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await postgres?.stop();
  });

  it('throttles 20 wrong passwords across both servers, before hashing, and keeps the lock across a restart', async () => {
    const [a, b] = [await start(), await start()];
    const email = 'editor@test.example';
    const results = [];
    for (let i = 0; i < 20; i += 1)
      results.push(await signIn(i % 2 === 0 ? a : b, email, 'wrong password'));
    expect(results.map((r) => r.code)).toEqual([
      ...Array(10).fill('FORBIDDEN'),
      ...Array(10).fill('RATE_LIMITED'),
    ]);
    const limited = results.slice(10);
    expect(limited.every((r) => r.__typename === 'RateLimitedError')).toBe(true);
    expect(limited.every((r) => (r.retryAfterSeconds ?? 0) > 800)).toBe(true);
    // Refused before the hash: a throttled attempt costs a fraction of a checked one.
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
    const checked = median(results.slice(0, 10).map((r) => r.ms));
    const throttled = median(limited.map((r) => r.ms));
    expect(throttled).toBeLessThan(checked / 2);

    // The right password is refused too while the account is locked, on either server…
    const right = await signIn(b, email, PASSWORD);
    expect(right.code).toBe('RATE_LIMITED');
    expect(right.setCookie).toBeNull();
    // …and on a server started afterwards (a restart refills nothing).
    await a.close();
    const restarted = await start();
    expect((await signIn(restarted, email, PASSWORD)).code).toBe('RATE_LIMITED');
    // Another account signs in as usual from the same address.
    const other = await signIn(restarted, 'viewer@test.example', PASSWORD);
    expect(other.__typename).toBe('SignInPayload');
    expect(other.setCookie).toContain('plan-tracker-session');
  });
});
