// Any office, any plan, over GraphQL: a platform operator creates an organisation; its
// administrator loads a plan that is not Dorset's from its text, sees exactly its priorities,
// themes and commitments, records an update and downloads its quarterly report; a second load
// of the same file and a damaged file are refused naming the field and line, with nothing
// written; a revision is previewed and applied, and "as at" before it reads the old wording.
// Each organisation sees none of the other's internal records.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashPassword } from '@plan-tracker/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadHandler } from '../src/http/reports.js';
import { startTestApi, type TestApi } from './support/api.js';
import { PASSWORD } from './support/fixtures.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'packages', 'db', 'test', 'fixtures');

let t: TestApi;
let wessex: string;
let wessex2027: string;
let operatorCookie: string;
let wessexCookie: string;
let otherCookie: string;

const IMPORT = `mutation($input: ImportPlanInput!) {
  importPlan(input: $input) {
    __typename
    ... on ImportPlanPayload {
      preview
      summary { slug priorities themes commitments crossCuttingCommitments measures reportingPeriods }
      plan { id slug published version }
    }
    ... on ValidationError { message issues { path message } }
    ... on ForbiddenError { message }
  }
}`;

const PLAN_TREE = `query($slug: String!, $asAt: Date) {
  plan(slug: $slug, asAt: $asAt) {
    id title version published
    priorities { number title themes { position title commitments { id code text version } } }
    crossCuttingCommitments { code text }
  }
}`;

const identity = {
  slug: 'wessex-2025-29',
  title: 'Wessex Police and Crime Plan 2025–29',
  periodStart: '2025-04-01',
  periodEnd: '2029-03-31',
};

beforeAll(async () => {
  t = await startTestApi();
  wessex = await readFile(join(FIXTURES, 'wessex-plan-2025-29.txt'), 'utf8');
  wessex2027 = await readFile(join(FIXTURES, 'wessex-plan-2025-29-revised-2027.txt'), 'utf8');
  const passwordHash = await hashPassword(PASSWORD);
  await t.database.prisma.user.create({
    data: {
      organisationId: t.fixture.orgA,
      email: 'operator@platform.example',
      name: 'Olu Operator',
      role: 'VIEWER',
      platformOperator: true,
      passwordHash,
    },
  });
  operatorCookie = await t.signIn('operator@platform.example');
  otherCookie = await t.signIn(t.fixture.users.admin.email);
});

/** A download from the server's /reports/ handler, with a session cookie. */
async function download(path: string, cookie: string): Promise<Response> {
  const downloads = createDownloadHandler({ prisma: t.database.prisma, logger: t.api.logger });
  const response = await downloads(new Request(`http://localhost${path}`, { headers: { cookie } }));
  if (!response) throw new Error(`${path} is not a download path`);
  return response;
}

afterAll(async () => {
  await t?.close();
});

describe('createOrganisation', () => {
  const CREATE = `mutation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      __typename
      ... on Organisation { slug name }
      ... on ForbiddenError { message }
      ... on ValidationError { issues { path message } }
    }
  }`;

  it("refuses an organisation's administrator", async () => {
    const { body } = await t.gql(CREATE, {
      cookie: otherCookie,
      variables: { input: { slug: 'wessex-opcc', name: 'Wessex OPCC' } },
    });
    expect(body.data?.createOrganisation).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('lets a platform operator create one, and refuses its slug a second time', async () => {
    const input = { slug: 'wessex-opcc', name: 'Office of the Wessex PCC' };
    const made = await t.gql(CREATE, { cookie: operatorCookie, variables: { input } });
    expect(made.body.data?.createOrganisation).toEqual({
      __typename: 'Organisation',
      ...input,
    });
    const again = await t.gql(CREATE, { cookie: operatorCookie, variables: { input } });
    expect(again.body.data?.createOrganisation).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'slug'] }],
    });
    // Its first administrator, as `pnpm cli user:create --organisation wessex-opcc` makes one.
    const organisation = await t.database.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'wessex-opcc' },
    });
    await t.database.prisma.user.create({
      data: {
        organisationId: organisation.id,
        email: 'admin@wessex.example',
        name: 'Wen Admin',
        role: 'ADMIN',
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    wessexCookie = await t.signIn('admin@wessex.example');
  });
});

describe('importPlan', () => {
  it('names the line of a damaged text and writes nothing', async () => {
    const damaged = wessex.replace('Roads\n', 'Roads\n\nI will:\n\n');
    const { body } = await t.gql(IMPORT, {
      cookie: wessexCookie,
      variables: { input: { ...identity, text: damaged, fileName: 'damaged.txt' } },
    });
    const result = body.data?.importPlan;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues[0].path).toEqual(['input', 'text']);
    expect(result.issues[0].message).toMatch(/^damaged\.txt line \d+: .+ — /);
    expect(await t.database.prisma.plan.count({ where: { slug: identity.slug } })).toBe(0);
  });

  it('previews what it would create and creates nothing', async () => {
    const { body } = await t.gql(IMPORT, {
      cookie: wessexCookie,
      variables: { input: { ...identity, text: wessex, preview: true } },
    });
    expect(body.data?.importPlan).toMatchObject({
      __typename: 'ImportPlanPayload',
      preview: true,
      plan: null,
      summary: {
        priorities: 3,
        themes: 6,
        commitments: 12,
        crossCuttingCommitments: 2,
        measures: 4,
      },
    });
    expect(body.data?.importPlan.summary.reportingPeriods).toHaveLength(16);
    expect(await t.database.prisma.plan.count({ where: { slug: identity.slug } })).toBe(0);
  });

  it('refuses editors: loading a plan is for administrators', async () => {
    const { body } = await t.gql(IMPORT, {
      cookie: await t.signIn(t.fixture.users.editor.email),
      variables: { input: { ...identity, text: wessex } },
    });
    expect(body.data?.importPlan.__typename).toBe('ForbiddenError');
  });

  it('loads it as a draft that its organisation sees exactly, and nobody else', async () => {
    const { body } = await t.gql(IMPORT, {
      cookie: wessexCookie,
      variables: { input: { ...identity, text: wessex, fileName: 'wessex-plan-2025-29.txt' } },
    });
    expect(body.data?.importPlan).toMatchObject({
      preview: false,
      plan: { slug: identity.slug, published: false, version: 1 },
    });
    const tree = await t.gql(PLAN_TREE, {
      cookie: wessexCookie,
      variables: { slug: identity.slug },
    });
    const plan = tree.body.data?.plan;
    expect(plan.priorities.map((p: { title: string }) => p.title)).toEqual([
      'Safer Streets',
      'Support for Victims',
      'Trusted Policing',
    ]);
    expect(
      plan.priorities.flatMap((p: { themes: { title: string }[] }) => p.themes.map((x) => x.title)),
    ).toEqual([
      'Town centres',
      'Roads',
      'Services for victims',
      'Keeping victims informed',
      'Being there',
      'Listening',
    ]);
    const codes = plan.priorities.flatMap((p: { themes: { commitments: { code: string }[] }[] }) =>
      p.themes.flatMap((x) => x.commitments.map((c) => c.code)),
    );
    expect(codes).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.2.1',
      '1.2.2',
      '2.1.1',
      '2.1.2',
      '2.2.1',
      '3.1.1',
      '3.1.2',
      '3.2.1',
      '3.2.2',
    ]);
    expect(plan.crossCuttingCommitments.map((c: { code: string }) => c.code)).toEqual([
      'X.3.1',
      'X.3.2',
    ]);

    // The other organisation's staff and anonymous readers do not see a draft of Wessex's.
    for (const cookie of [otherCookie, undefined]) {
      const seen = await t.gql(PLAN_TREE, {
        ...(cookie && { cookie }),
        variables: { slug: identity.slug },
      });
      expect(seen.body.data?.plan).toBeNull();
    }
  });

  it('refuses the same file a second time and makes no second plan', async () => {
    const { body } = await t.gql(IMPORT, {
      cookie: wessexCookie,
      variables: { input: { ...identity, slug: 'wessex-again', text: wessex } },
    });
    expect(body.data?.importPlan).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'text'], message: expect.stringContaining('loaded before') }],
    });
    expect(await t.database.prisma.plan.count({ where: { title: identity.title } })).toBe(1);
  });

  it("lets its administrator update its commitments and download its report, not the other office's", async () => {
    const tree = await t.gql(PLAN_TREE, {
      cookie: wessexCookie,
      variables: { slug: identity.slug },
    });
    const hub = tree.body.data?.plan.priorities[1].themes[0].commitments[0];
    const update = await t.gql(
      `mutation($subject: ID!, $v: Int!, $input: ProgressUpdateInput!) {
        addProgressUpdate(subject: $subject, expectedVersion: $v, input: $input) {
          __typename ... on ProgressUpdate { narrative }
        }
      }`,
      {
        cookie: wessexCookie,
        variables: {
          subject: hub.id,
          v: hub.version,
          input: {
            period: '2025/26 Q3',
            recordedOn: '2025-12-15',
            narrative: 'The hub opened on weekdays.',
            statusAfter: 'IN_PROGRESS',
            ragAfter: 'GREEN',
            progressAfter: 20,
          },
        },
      },
    );
    expect(update.body.data?.addProgressUpdate).toMatchObject({
      narrative: 'The hub opened on weekdays.',
    });
    const report = await download(`/reports/${identity.slug}/2025-26-Q3.md`, wessexCookie);
    expect(report.status).toBe(200);
    const markdown = await report.text();
    expect(markdown).toContain('Wessex Police and Crime Plan 2025–29');
    expect(markdown).toContain('The hub opened on weekdays.');
    expect(markdown).not.toMatch(/dorset/i);

    // The other office's administrator may neither write to it nor read its draft report.
    const refused = await t.gql(
      `mutation($subject: ID!) {
        addProgressUpdate(subject: $subject, expectedVersion: 2, input: { period: "2025/26 Q3", recordedOn: "2025-12-16", narrative: "x" }) { __typename }
      }`,
      { cookie: otherCookie, variables: { subject: hub.id } },
    );
    expect(['NotFoundError', 'ForbiddenError']).toContain(
      refused.body.data?.addProgressUpdate.__typename,
    );
    const otherReport = await download(`/reports/${identity.slug}/2025-26-Q3.md`, otherCookie);
    expect(otherReport.status).toBe(404);
  });
});

describe('revisePlan', () => {
  const REVISE = `mutation($input: RevisePlanInput!) {
    revisePlan(input: $input) {
      __typename
      ... on RevisePlanPayload {
        preview effectiveOn
        diff {
          summary unchanged
          added { code text } withdrawn { code text }
          reworded { code before after } renumbered { fromCode toCode }
        }
        plan { version }
      }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { message current { __typename ... on Plan { version } } }
    }
  }`;

  async function current() {
    const { body } = await t.gql(PLAN_TREE, {
      cookie: wessexCookie,
      variables: { slug: identity.slug },
    });
    return body.data?.plan as { id: string; version: number };
  }

  it('previews exactly one added, one withdrawn and one reworded commitment', async () => {
    const plan = await current();
    const { body } = await t.gql(REVISE, {
      cookie: wessexCookie,
      variables: {
        input: {
          plan: plan.id,
          expectedVersion: plan.version,
          text: wessex2027,
          code: '2027',
          publishedOn: '2026-10-01',
          preview: true,
        },
      },
    });
    expect(body.data?.revisePlan).toEqual({
      __typename: 'RevisePlanPayload',
      preview: true,
      effectiveOn: '2026-10-01',
      diff: {
        summary: '1 added, 1 withdrawn, 1 reworded, 0 renumbered; 12 unchanged.',
        unchanged: 12,
        added: [{ code: '1.2.3', text: 'Fund a safety campaign for rural roads each winter' }],
        withdrawn: [
          { code: '1.1.3', text: 'Work with councils on lighting and CCTV where crime is highest' },
        ],
        reworded: [
          {
            code: '2.1.1',
            before: "Commission a victims' hub open seven days a week",
            after: "Commission a victims' hub open every day of the year, with evening hours",
          },
        ],
        renumbered: [],
      },
      plan: { version: plan.version },
    });
  });

  it('refuses a stale version with the plan as it is now', async () => {
    const plan = await current();
    const { body } = await t.gql(REVISE, {
      cookie: wessexCookie,
      variables: {
        input: {
          plan: plan.id,
          expectedVersion: plan.version + 5,
          text: wessex2027,
          code: '2027',
          publishedOn: '2026-10-01',
        },
      },
    });
    expect(body.data?.revisePlan).toMatchObject({
      __typename: 'ConflictError',
      current: { __typename: 'Plan', version: plan.version },
    });
  });

  it('applies it; "as at" a date before it reads the old wording and the withdrawn commitment', async () => {
    const plan = await current();
    const { body } = await t.gql(REVISE, {
      cookie: wessexCookie,
      variables: {
        input: {
          plan: plan.id,
          expectedVersion: plan.version,
          text: wessex2027,
          code: '2027',
          publishedOn: '2026-10-01',
        },
      },
    });
    expect(body.data?.revisePlan).toMatchObject({
      preview: false,
      plan: { version: plan.version + 1 },
    });

    const COMMITMENT = `query($slug: String!, $asAt: Date, $code: String!) {
      plan(slug: $slug, asAt: $asAt) { commitment(code: $code) { text status } }
    }`;
    const read = async (code: string, asAt?: string) =>
      (
        await t.gql(COMMITMENT, {
          cookie: wessexCookie,
          variables: { slug: identity.slug, code, ...(asAt && { asAt }) },
        })
      ).body.data?.plan.commitment;
    expect(await read('2.1.1')).toEqual({
      text: "Commission a victims' hub open every day of the year, with evening hours",
      status: 'IN_PROGRESS',
    });
    expect(await read('2.1.1', '2026-09-30')).toEqual({
      text: "Commission a victims' hub open seven days a week",
      status: 'IN_PROGRESS',
    });
    expect(await read('1.1.3')).toMatchObject({ status: 'WITHDRAWN' });
    expect(await read('1.1.3', '2026-09-30')).toMatchObject({ status: 'NOT_STARTED' });
  });
});

describe('changePlan', () => {
  it('publishes the plan for anonymous readers, with history', async () => {
    const { body: tree } = await t.gql(PLAN_TREE, {
      cookie: wessexCookie,
      variables: { slug: identity.slug },
    });
    const plan = tree.data?.plan;
    const { body } = await t.gql(
      `mutation($id: ID!, $v: Int!) {
        changePlan(id: $id, expectedVersion: $v, input: { published: true }) {
          __typename ... on Plan { published version }
        }
      }`,
      { cookie: wessexCookie, variables: { id: plan.id, v: plan.version } },
    );
    expect(body.data?.changePlan).toMatchObject({
      published: true,
      version: plan.version + 1,
    });
    const anonymous = await t.gql(PLAN_TREE, { variables: { slug: identity.slug } });
    expect(anonymous.body.data?.plan).toMatchObject({ title: identity.title, version: null });
    const history = await t.database.prisma.auditLog.findFirst({
      where: { entityType: 'Plan', action: 'publish' },
    });
    expect(history).toMatchObject({ actor: 'Wen Admin (ADMIN)' });
  });

  it('archives it: out of the organisation’s plan list unless archived ones are asked for', async () => {
    const { body: tree } = await t.gql(PLAN_TREE, {
      cookie: wessexCookie,
      variables: { slug: identity.slug },
    });
    const plan = tree.data?.plan;
    const { body } = await t.gql(
      `mutation($id: ID!, $v: Int!) {
        changePlan(id: $id, expectedVersion: $v, input: { archived: true }) {
          __typename ... on Plan { archivedAt published }
        }
      }`,
      { cookie: wessexCookie, variables: { id: plan.id, v: plan.version } },
    );
    expect(body.data?.changePlan).toMatchObject({ published: false });
    expect(body.data?.changePlan.archivedAt).not.toBeNull();
    const lists = await t.gql(
      `{ viewer { organisation {
          current: plans { slug }
          all: plans(includeArchived: true) { slug archivedAt }
      } } }`,
      { cookie: wessexCookie },
    );
    const organisation = lists.body.data?.viewer.organisation;
    expect(organisation.current.map((p: { slug: string }) => p.slug)).not.toContain(identity.slug);
    expect(organisation.all.map((p: { slug: string }) => p.slug)).toContain(identity.slug);
  });
});
