// Staff accounts for administrators (users, createUser, updateUser, audited without the password
// hash), owner labels deciding what a contributor may edit, and the bookkeeping of sign-in:
// expired sessions cleared, API keys' last use recorded at most once a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let admin: string;
let editor: string;
let viewer: string;
let otherAdmin: string;
beforeAll(async () => {
  t = await startTestApi();
  admin = await t.signIn('admin@test.example');
  editor = await t.signIn('editor@test.example');
  viewer = await t.signIn('viewer@test.example');
  otherAdmin = await t.signIn('admin@other.example');
});
afterAll(() => t?.close());

async function run(query: string, variables: Record<string, unknown>, cookie?: string) {
  const { body } = await t.gql(query, { variables, ...(cookie ? { cookie } : {}) });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return Object.values(body.data ?? {})[0] as Json;
}

const ERRORS = `... on MutationError { code message }
  ... on ValidationError { issues { path message } }
  ... on ConflictError { currentVersion }`;

const CREATE = `mutation($input: CreateUserInput!) {
  createUser(input: $input, note: "Joined the policy team") {
    __typename ... on User { id email name role ownerLabels disabled version }
    ... on MutationError { code message } ... on ValidationError { issues { path message } }
  }
}`;

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) {
  updateUser(id: $id, expectedVersion: $v, input: $input) {
    __typename ... on User { role ownerLabels disabled version } ${ERRORS}
  }
}`;

const PASSWORD = 'four unrelated words here';
const newcomer = {
  email: ' Pat.Policy@Test.example ',
  name: 'Pat Policy',
  role: 'CONTRIBUTOR',
  ownerLabels: ['OPCC Policy Team', ' opcc policy team ', ''],
  password: PASSWORD,
};
let patId = '';

describe('createUser', () => {
  it('is for administrators only', async () => {
    for (const cookie of [editor, viewer, undefined]) {
      expect((await run(CREATE, { input: newcomer }, cookie)).code).toBe('FORBIDDEN');
    }
  });

  it('refuses a weak password and a bad email address, on their fields', async () => {
    const weak = await run(CREATE, { input: { ...newcomer, password: 'short' } }, admin);
    expect(weak.__typename).toBe('ValidationError');
    const passwordIssue = weak.issues.find((i: Json) => i.path.includes('password'));
    expect(passwordIssue.message).toMatch(/at least 12 characters/);
    const badEmail = await run(CREATE, { input: { ...newcomer, email: 'pat' } }, admin);
    expect(badEmail.issues.flatMap((i: Json) => i.path)).toContain('email');
  });

  it('creates the account: email lower-cased, owner labels tidied; they can sign in', async () => {
    const created = await run(CREATE, { input: newcomer }, admin);
    expect(created).toMatchObject({
      __typename: 'User',
      email: 'pat.policy@test.example',
      name: 'Pat Policy',
      role: 'CONTRIBUTOR',
      ownerLabels: ['OPCC Policy Team'],
      disabled: false,
      version: 1,
    });
    patId = created.id;
    const pat = await t.signIn('pat.policy@test.example', PASSWORD);
    const { body } = await t.gql('{ viewer { name role ownerLabels } }', { cookie: pat });
    expect(body.data?.viewer).toEqual({
      name: 'Pat Policy',
      role: 'CONTRIBUTOR',
      ownerLabels: ['OPCC Policy Team'],
    });
  });

  it('refuses an email address already in use', async () => {
    const again = await run(CREATE, { input: { ...newcomer, name: 'Pat Again' } }, admin);
    expect(again.code).toBe('VALIDATION');
    expect(again.issues.flatMap((i: Json) => i.path)).toContain('email');
  });

  it('audits who created whom, never with the password or its hash', async () => {
    const entry = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityType: 'User', action: 'create' },
    });
    expect(entry).toMatchObject({
      actor: 'Ada Admin (ADMIN)',
      actorUserId: t.fixture.users.admin.id,
      note: 'Joined the policy team',
      before: null,
    });
    expect(entry.after).toMatchObject({ email: 'pat.policy@test.example', role: 'CONTRIBUTOR' });
    const text = JSON.stringify(entry);
    expect(text).not.toMatch(/argon2|passwordHash/);
    expect(text).not.toContain(PASSWORD);
  });
});

describe('users and updateUser', () => {
  it('lists the organisation’s users to its administrators only', async () => {
    const list = await t.gql('{ users { email role } }', { cookie: admin });
    expect(list.body.data?.users.map((u: Json) => u.email)).toContain('pat.policy@test.example');
    expect(list.body.data?.users).toHaveLength(5);
    expect((await t.gql('{ users { email } }', { cookie: editor })).body.data?.users).toEqual([]);
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', {
      variables: { id: patId },
      cookie: editor,
    });
    expect(node.body.data?.node).toBeNull();
  });

  it('changes owner labels, which decide what a contributor may edit', async () => {
    const pat = await t.signIn('pat.policy@test.example', PASSWORD);
    const burglary = t.id('Commitment', t.fixture.commitmentIds[0] ?? '');
    const CHANGE = `mutation($id: ID!) { changeCommitmentStatus(id: $id, expectedVersion: 3, input: { rag: RED, reason: "Board review" }) {
      __typename ... on MutationError { code } } }`;
    expect((await run(CHANGE, { id: burglary }, pat)).code).toBe('FORBIDDEN');
    const updated = await run(
      UPDATE,
      { id: patId, v: 1, input: { ownerLabels: ['Burglary Team'] } },
      admin,
    );
    expect(updated).toMatchObject({ ownerLabels: ['Burglary Team'], version: 2 });
    expect(await run(CHANGE, { id: burglary }, pat)).toEqual({ __typename: 'Commitment' });
  });

  it('is a ConflictError when stale, ValidationError for nothing or for your own role', async () => {
    expect(await run(UPDATE, { id: patId, v: 1, input: { role: 'EDITOR' } }, admin)).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
    });
    expect((await run(UPDATE, { id: patId, v: 2, input: {} }, admin)).code).toBe('VALIDATION');
    const self = t.id('User', t.fixture.users.admin.id);
    const demote = await run(UPDATE, { id: self, v: 1, input: { role: 'VIEWER' } }, admin);
    expect(demote).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/own role/),
    });
    const disableSelf = await run(UPDATE, { id: self, v: 1, input: { disabled: true } }, admin);
    expect(disableSelf.code).toBe('VALIDATION');
  });

  it('refuses editors and viewers; finds nothing in another organisation', async () => {
    const input = { role: 'ADMIN' };
    expect((await run(UPDATE, { id: patId, v: 2, input }, editor)).code).toBe('FORBIDDEN');
    expect((await run(UPDATE, { id: patId, v: 2, input }, viewer)).code).toBe('FORBIDDEN');
    expect((await run(UPDATE, { id: patId, v: 2, input }, otherAdmin)).code).toBe('NOT_FOUND');
  });

  it('disables an account: its sessions end at once and it cannot sign in; audited', async () => {
    const pat = await t.signIn('pat.policy@test.example', PASSWORD);
    const result = await run(UPDATE, { id: patId, v: 2, input: { disabled: true } }, admin);
    expect(result).toMatchObject({ disabled: true, version: 3 });
    const { body } = await t.gql('{ viewer { kind } }', { cookie: pat });
    expect(body.data?.viewer.kind).toBe('ANONYMOUS');
    await expect(t.signIn('pat.policy@test.example', PASSWORD)).rejects.toThrow(/sign-in failed/);
    const entry = await t.database.prisma.auditLog.findFirstOrThrow({
      where: { entityType: 'User', action: 'update' },
      orderBy: { sequence: 'desc' },
    });
    expect(entry.before).toEqual({ disabledAt: null });
    expect(entry.after).toEqual({ disabledAt: expect.any(String) });
    const enabled = await run(UPDATE, { id: patId, v: 3, input: { disabled: false } }, admin);
    expect(enabled).toMatchObject({ disabled: false, version: 4 });
    await t.signIn('pat.policy@test.example', PASSWORD);
  });
});

describe('sign-in and API-key bookkeeping', () => {
  it('deletes expired sessions when someone signs in', async () => {
    const prisma = t.database.prisma;
    const user = t.fixture.users.viewer;
    const expired = await prisma.session.create({
      data: {
        organisationId: t.fixture.orgA,
        userId: user.id,
        tokenHash: 'expired-session-hash',
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await t.signIn('editor@test.example');
    expect(await prisma.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
  });

  it("records an API key's last use at most once a minute", async () => {
    const created = await t.gql(
      'mutation { createApiKey(input: { name: "Force", scopes: [READ] }) { ... on CreatedApiKey { secret apiKey { id } } } }',
      { cookie: admin },
    );
    const secret: string = created.body.data?.createApiKey.secret;
    const prisma = t.database.prisma;
    const row = () => prisma.apiKey.findFirstOrThrow({ where: { name: 'Force' } });
    expect((await row()).lastUsedAt).toBeNull();

    await t.gql('{ viewer { kind } }', { apiKey: secret });
    const first = (await row()).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await t.gql('{ viewer { kind } }', { apiKey: secret });
    expect((await row()).lastUsedAt).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await prisma.apiKey.updateMany({
      where: { name: 'Force' },
      data: { lastUsedAt: twoMinutesAgo },
    });
    await t.gql('{ viewer { kind } }', { apiKey: secret });
    expect((await row()).lastUsedAt?.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});
