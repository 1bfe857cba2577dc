// Sign-in throttling on the embedded PGlite (the default database): per account and per client
// address, a typed RateLimitedError, and a right password giving the attempts back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api.js';
import { PASSWORD } from './support/fixtures.js';

const SIGN_IN =
  'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationError { code message } ... on RateLimitedError { retryAfterSeconds } } }';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({
    env: { API_SIGN_IN_ATTEMPTS_PER_ACCOUNT: '3', API_SIGN_IN_ATTEMPTS_PER_ADDRESS: '5' },
  });
});
afterAll(() => t.close());

async function signIn(email: string, password: string, clientAddress: string) {
  const body = JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } });
  const response = await t.api.yoga.fetch(
    new Request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    }),
    { clientAddress },
  );
  return (await response.json()).data.signIn as {
    __typename: string;
    code?: string;
    message?: string;
    retryAfterSeconds?: number;
  };
}

describe('signIn throttling', () => {
  it('locks an account after its attempts, whatever the address, with a clear message', async () => {
    const codes = [];
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      codes.push((await signIn('viewer@test.example', 'wrong', address)).code);
    }
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'RATE_LIMITED']);
    const locked = await signIn('viewer@test.example', PASSWORD, '10.0.0.9');
    expect(locked).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect(locked.message).toBe(
      'Too many sign-in attempts for this email address. Try again in 15 minutes.',
    );
    expect(locked.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('refuses an address that tries many accounts, and only that address', async () => {
    const emails = ['a@test.example', 'b@test.example', 'c@test.example', 'd@test.example'];
    const codes = [];
    for (const email of [...emails, 'e@test.example', 'f@test.example']) {
      codes.push((await signIn(email, 'wrong', '192.0.2.7')).code);
    }
    expect(codes).toEqual([...Array(5).fill('FORBIDDEN'), 'RATE_LIMITED']);
    const refused = await signIn('admin@test.example', PASSWORD, '192.0.2.7');
    expect(refused.message).toMatch(/^Too many sign-in attempts from your network/);
    expect((await signIn('admin@test.example', PASSWORD, '192.0.2.8')).__typename).toBe(
      'SignInPayload',
    );
  });

  it("starts an account's attempts again after a right password", async () => {
    // Two wrong and one right, four times over: eight wrong in all, never three in a row.
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      for (let i = 0; i < 2; i += 1) {
        expect((await signIn('editor@test.example', 'wrong', address)).code).toBe('FORBIDDEN');
      }
      expect((await signIn('editor@test.example', PASSWORD, address)).__typename).toBe(
        'SignInPayload',
      );
    }
  });
});
