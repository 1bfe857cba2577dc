// Passwords: an administrator's temporary password that must be changed on first use (until
// then the session may only change it), changing your own password with the current one, the
// sessions that end with each, and the demo users refused in production.
import { DEMO_PASSWORD, DEMO_USERS, hashPassword } from '@plan-tracker/accounts';
import { createUserAccount, systemActor } from '@plan-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { type Json, startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let admin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('admin@test.example');
});
afterAll(() => t?.close());

async function run(query: string, variables: Record<string, unknown>, cookie?: string) {
  const { body } = await t.gql(query, { variables, ...(cookie ? { cookie } : {}) });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return Object.values(body.data ?? {})[0] as Json;
}

const SET_TEMPORARY = `mutation($id: ID!, $v: Int!, $password: String!) {
  setTemporaryPassword(id: $id, expectedVersion: $v, input: { password: $password }) {
    __typename ... on User { mustChangePassword version }
    ... on MutationError { code message } ... on ValidationError { issues { path message } }
  }
}`;

const CHANGE = `mutation($current: String!, $next: String!) {
  changePassword(input: { currentPassword: $current, newPassword: $next }) {
    __typename ... on PasswordChanged { viewer { kind role mustChangePassword } }
    ... on MutationError { code message } ... on ValidationError { issues { path message } }
  }
}`;

const VIEWER = '{ viewer { kind role mustChangePassword } }';
const TEMPORARY = 'temporary passphrase 42';
const CHOSEN = 'my own passphrase, long enough';

async function viewerOf(cookie: string): Promise<Json> {
  return run(VIEWER, {}, cookie);
}

async function signInResult(email: string, password: string) {
  return t.gql(
    'mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on SignInPayload { mustChangePassword } ... on MutationError { code message } } }',
    { variables: { i: { email, password } } },
  );
}

describe('setTemporaryPassword and changePassword', () => {
  const editorId = () => t.id('User', t.fixture.users.editor.id);

  it('is for administrators of the user’s organisation only', async () => {
    const editor = await t.signIn('editor@test.example');
    const other = await t.signIn('admin@other.example');
    const variables = { id: editorId(), v: 1, password: TEMPORARY };
    expect((await run(SET_TEMPORARY, variables, editor)).code).toBe('FORBIDDEN');
    expect((await run(SET_TEMPORARY, variables)).code).toBe('FORBIDDEN');
    expect((await run(SET_TEMPORARY, variables, other)).code).toBe('NOT_FOUND');
    const weak = await run(SET_TEMPORARY, { ...variables, password: 'short' }, admin);
    expect(weak.issues[0].path).toContain('password');
  });

  it('sets it, ends every session of the user, and the new session may only change it', async () => {
    const before = await t.signIn('editor@test.example');
    const set = await run(SET_TEMPORARY, { id: editorId(), v: 1, password: TEMPORARY }, admin);
    expect(set).toMatchObject({ __typename: 'User', mustChangePassword: true, version: 2 });
    expect((await viewerOf(before)).kind).toBe('ANONYMOUS');

    // The old password no longer works; the temporary one does, flagged.
    expect(
      (await signInResult('editor@test.example', 'correct horse battery staple')).body.data,
    ).toMatchObject({ signIn: { code: 'FORBIDDEN' } });
    const { body } = await signInResult('editor@test.example', TEMPORARY);
    expect(body.data?.signIn).toEqual({ __typename: 'SignInPayload', mustChangePassword: true });
    const restricted = await t.signIn('editor@test.example', TEMPORARY);
    expect(await viewerOf(restricted)).toEqual({
      kind: 'ANONYMOUS',
      role: null,
      mustChangePassword: true,
    });

    // Anything else is refused, writes included, and nothing internal is readable.
    const write = await run(
      `mutation($id: ID!) { archiveAction(id: $id, expectedVersion: 1) { __typename ... on MutationError { code message } } }`,
      { id: t.id('DeliveryAction', t.fixture.actionIds[0] ?? '') },
      restricted,
    );
    expect(write).toMatchObject({ code: 'FORBIDDEN' });
    expect(write.message).toMatch(/temporary password/);
    expect(await run('{ users { email } }', {}, restricted)).toEqual([]);

    // A wrong current password and a weak new one are refused.
    expect((await run(CHANGE, { current: 'not it at all', next: CHOSEN }, restricted)).code).toBe(
      'FORBIDDEN',
    );
    const weak = await run(CHANGE, { current: TEMPORARY, next: 'short' }, restricted);
    expect(weak.issues[0].path).toEqual(['input', 'newPassword']);
    const same = await run(CHANGE, { current: TEMPORARY, next: TEMPORARY }, restricted);
    expect(same.issues[0].path).toEqual(['input', 'newPassword']);

    const changed = await run(CHANGE, { current: TEMPORARY, next: CHOSEN }, restricted);
    expect(changed).toEqual({
      __typename: 'PasswordChanged',
      viewer: { kind: 'USER', role: 'EDITOR', mustChangePassword: false },
    });
    // The same session now has the editor's full use.
    expect(await viewerOf(restricted)).toEqual({
      kind: 'USER',
      role: 'EDITOR',
      mustChangePassword: false,
    });
    const row = await t.database.prisma.user.findUniqueOrThrow({
      where: { id: t.fixture.users.editor.id },
    });
    expect(row.mustChangePassword).toBe(false);
  });

  it('changing your own password keeps this session and ends the others', async () => {
    const here = await t.signIn('viewer@test.example');
    const elsewhere = await t.signIn('viewer@test.example');
    const changed = await run(
      CHANGE,
      { current: 'correct horse battery staple', next: CHOSEN },
      here,
    );
    expect(changed.__typename).toBe('PasswordChanged');
    expect((await viewerOf(here)).kind).toBe('USER');
    expect((await viewerOf(elsewhere)).kind).toBe('ANONYMOUS');
    await t.signIn('viewer@test.example', CHOSEN);
    expect((await run(CHANGE, { current: CHOSEN, next: TEMPORARY })).code).toBe('FORBIDDEN');
  });

  it('audits both without the password or its hash', async () => {
    const entries = await t.database.prisma.auditLog.findMany({
      where: { entityType: 'User', action: { in: ['password-reset', 'password-change'] } },
      orderBy: { sequence: 'asc' },
    });
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['password-reset', 'Ada Admin (ADMIN)'],
      ['password-change', 'Eddie Editor (EDITOR)'],
      ['password-change', 'Vic Viewer (VIEWER)'],
    ]);
    expect(entries[0]?.after).toEqual({ mustChangePassword: true });
    const text = JSON.stringify(entries);
    for (const secret of ['argon2', TEMPORARY, CHOSEN]) expect(text).not.toContain(secret);
  });
});

describe('demo users in production', () => {
  it('refuses them unless API_ALLOW_DEMO_USERS says so; the setting is checked at start', async () => {
    expect(parseApiEnv({ NODE_ENV: 'production' }).demoUsersAllowed).toBe(false);
    expect(parseApiEnv({ NODE_ENV: 'development' }).demoUsersAllowed).toBe(true);
    expect(
      parseApiEnv({ NODE_ENV: 'production', API_ALLOW_DEMO_USERS: 'true' }).demoUsersAllowed,
    ).toBe(true);
    expect(() => parseApiEnv({ API_ALLOW_DEMO_USERS: 'perhaps' })).toThrow(/API_ALLOW_DEMO_USERS/);

    const demo = DEMO_USERS[1];
    if (!demo) throw new Error('no demo editor');
    const results: Json[] = [];
    const settings: Record<string, string>[] = [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', API_ALLOW_DEMO_USERS: 'true' },
    ];
    for (const env of settings) {
      const api = await startTestApi({ env });
      try {
        const made = await createUserAccount(api.database.prisma, systemActor(api.fixture.orgA), {
          input: { ...demo, ownerLabels: [] },
          passwordHash: await hashPassword(DEMO_PASSWORD),
        });
        expect(made.ok).toBe(true);
        const { body } = await api.gql(
          'mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on MutationError { code message } } }',
          { variables: { i: { email: demo.email, password: DEMO_PASSWORD } } },
        );
        results.push(body.data?.signIn);
        // Real staff are unaffected.
        await api.signIn('admin@test.example');
      } finally {
        await api.close();
      }
    }
    expect(results[0]).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(results[0]?.message).toMatch(/demo accounts/);
    expect(results[1]).toEqual({ __typename: 'SignInPayload' });
  });
});
