// The monitoring report through GraphQL (`plan { monitoringReport }`) and the downloads at
// /reports/ and /open-data/, on the test fixture: access rules, typed errors, headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadHandler, type DownloadHandler } from '../src/http/reports.js';
import { ChromiumMissingError } from '../src/report/pdf.js';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let downloads: DownloadHandler;
let adminCookie: string;
let otherAdminCookie: string;

beforeAll(async () => {
  t = await startTestApi();
  downloads = createDownloadHandler({
    prisma: t.database.prisma,
    logger: t.api.logger,
    pdf: () => Promise.reject(new ChromiumMissingError()),
  });
  adminCookie = await t.signIn(t.fixture.users.admin.email);
  otherAdminCookie = await t.signIn(t.fixture.users.adminB.email);
}, 60_000);
afterAll(() => t?.close());

async function download(path: string, cookie?: string, method = 'GET'): Promise<Response> {
  const response = await downloads(
    new Request(`http://localhost${path}`, { method, headers: cookie ? { cookie } : {} }),
  );
  if (!response) throw new Error(`${path} is not a download path`);
  return response;
}

const REPORT = `query($slug: String!, $period: String!) {
  plan(slug: $slug) {
    monitoringReport(period: $period) {
      __typename
      ... on MonitoringReport {
        period asAt quarterNumber quarterCount previousPeriod organisationName
        overall { rollUp { count byStatus { status count } } progress { expectedPercent verdict } }
        timeline { period byRag { rag count } }
        priorities {
          number title
          themes { title rollUp { count } }
          commitments { commitmentId code owner status rag statusOverrideReason latestNote { recordedOn narrative } }
          headlines { updateId code author narrative recordedOn evidence { title url } }
          exceptions { kind itemId code reasons daysOverdue }
          changes { code rag { before after } progress { before after difference } }
          measures { name latest { period value } travel }
        }
        crossCutting { sections { section title } commitments { code } }
        panelActions { counts { status count } items { text status raisedInPeriod } }
      }
      ... on ReportPeriodError { code message period }
    }
  }
}`;

describe('plan { monitoringReport } through GraphQL', () => {
  it('gives anonymous callers the public report of a published plan', async () => {
    const { body } = await t.gql(REPORT, {
      variables: { slug: 'test-2021-29', period: '2022/23 Q2' },
    });
    expect(body.errors).toBeUndefined();
    const report = body.data?.plan.monitoringReport;
    expect(report).toMatchObject({
      __typename: 'MonitoringReport',
      period: '2022/23 Q2',
      asAt: '2022-09-30',
      quarterNumber: 6,
      quarterCount: 32,
      previousPeriod: '2022/23 Q1',
      organisationName: 'Test OPCC',
    });
    expect(report.priorities.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    const first = report.priorities[0];
    // The x.y.1 commitments came with the 2024 revision: not in the plan in 2022, so not in its
    // report, even though the fixture has updates on them then.
    expect(first.commitments.map((c: { code: string }) => c.code)).toEqual(['1.1.2', '1.2.2']);
    expect(first.headlines.map((h: { code: string }) => h.code)).toEqual(['1.1.2', '1.2.2']);
    expect(first.headlines[0]).toMatchObject({
      author: null,
      narrative: 'Good progress on 1.1.2.',
      recordedOn: '2022-08-15',
    });
    expect(first.commitments[0]).toMatchObject({
      code: '1.1.2',
      owner: 'Burglary Team',
      statusOverrideReason: null,
    });
    expect(first.measures[0]).toMatchObject({ name: 'Measure 1' });
    expect(report.panelActions.items).toEqual([
      { text: 'A deep dive into VAWG', status: 'OPEN', raisedInPeriod: false },
    ]);
    // The global ids lead back to the records.
    const node = await t.gql('query($id: ID!) { node(id: $id) { ... on Commitment { code } } }', {
      variables: { id: first.commitments[0].commitmentId },
    });
    expect(node.body.data?.node).toEqual({ code: '1.1.2' });
  });

  it('counts the commitments in the plan at each quarter end: a revision adds its own', async () => {
    const { body } = await t.gql(REPORT, {
      variables: { slug: 'test-2021-29', period: '2024/25 Q2' },
    });
    expect(body.errors).toBeUndefined();
    const report = body.data?.plan.monitoringReport;
    const inPlan = (label: string) =>
      report.timeline
        .find((q: { period: string }) => q.period === label)
        .byRag.reduce((n: number, r: { count: number }) => n + r.count, 0);
    // The 2024 revision, published on 1 July 2024, adds one commitment to each of four themes.
    expect(inPlan('2024/25 Q1')).toBe(4);
    expect(inPlan('2024/25 Q2')).toBe(8);
    expect(report.overall.rollUp.count).toBe(8);
  });

  it("shows authors and override reasons to staff of the plan's organisation only", async () => {
    const variables = { slug: 'test-2021-29', period: '2022/23 Q2' };
    const staff = await t.gql(REPORT, { variables, cookie: adminCookie });
    const report = staff.body.data?.plan.monitoringReport;
    expect(report.priorities[0].headlines[0].author).toBe('Jane Officer');
    expect(report.priorities[0].commitments[1].statusOverrideReason).toBe(
      'Internal: set by hand after the Q2 review',
    );
    const other = await t.gql(REPORT, { variables, cookie: otherAdminCookie });
    expect(other.body.data?.plan.monitoringReport.priorities[0].headlines[0].author).toBeNull();
  });

  it('is built as at the end of the quarter, with the updates filed for it, and not later ones', async () => {
    const { body } = await t.gql(REPORT, {
      variables: { slug: 'test-2021-29', period: '2021/22 Q2' },
    });
    const report = body.data?.plan.monitoringReport;
    // The 2021/22 Q2 notes were written in October, after the quarter, for it: its headlines.
    // The 2022/23 Q2 ones, a year later, are not.
    expect(report.priorities[0].headlines.map((h: { narrative: string }) => h.narrative)).toEqual([
      'Work began on 1.1.2.',
      'Work began on 1.2.2.',
    ]);
    expect(report.priorities[0].commitments[0].latestNote).toEqual({
      recordedOn: '2021-10-15',
      narrative: 'Work began on 1.1.2.',
    });
  });

  it('answers a typed error for a malformed period or one outside the plan', async () => {
    const malformed = await t.gql(REPORT, {
      variables: { slug: 'test-2021-29', period: '2021 Q2' },
    });
    expect(malformed.body.data?.plan.monitoringReport).toMatchObject({
      __typename: 'ReportPeriodError',
      code: 'PERIOD_MALFORMED',
      period: '2021 Q2',
    });
    const outside = await t.gql(REPORT, {
      variables: { slug: 'test-2021-29', period: '2030/31 Q1' },
    });
    expect(outside.body.data?.plan.monitoringReport).toMatchObject({
      __typename: 'ReportPeriodError',
      code: 'PERIOD_OUTSIDE_PLAN',
      period: '2030/31 Q1',
    });
    expect(outside.body.data?.plan.monitoringReport.message).toMatch(/2021\/22 Q1 to 2028\/29 Q4/);
  });

  it('hides unpublished plans from everyone but their organisation', async () => {
    const variables = { slug: 'secret-plan', period: '2024/25 Q1' };
    expect((await t.gql(REPORT, { variables })).body.data?.plan).toBeNull();
    expect((await t.gql(REPORT, { variables, cookie: adminCookie })).body.data?.plan).toBeNull();
    const own = await t.gql(REPORT, { variables, cookie: otherAdminCookie });
    expect(own.body.data?.plan.monitoringReport.crossCutting.commitments).toEqual([
      { code: 'X.3.1' },
    ]);
  });
});

describe('report downloads', () => {
  it.each([
    ['html', 'text/html; charset=utf-8', 'inline'],
    ['md', 'text/markdown; charset=utf-8', 'attachment'],
    ['csv', 'text/csv; charset=utf-8', 'attachment'],
    ['json', 'application/json; charset=utf-8', 'attachment'],
  ])('serves %s with its media type and file name', async (format, type, disposition) => {
    const response = await download(`/reports/test-2021-29/2022-23-Q2.${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(
      `${disposition}; filename="test-2021-29-2022-23-Q2.${format}"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const text = await response.text();
    expect(text).toContain('I will deliver commitment 1.1.2');
    expect(text).not.toContain('I will deliver commitment 1.1.1');
    expect(text).not.toContain('Jane Officer');
    expect(text).not.toContain('Internal: set by hand');
  });

  it('gives staff the full report, the same as GraphQL builds', async () => {
    const response = await download('/reports/test-2021-29/2022-23-Q2.json', adminCookie);
    const json = await response.json();
    expect(json.priorities[0].headlines[0].author).toBe('Jane Officer');
    const html = await (
      await download('/reports/test-2021-29/2022-23-Q2.html', adminCookie)
    ).text();
    expect(html).toContain('by Jane Officer');
  });

  it('serves the default plan at /reports/<period>.<format>', async () => {
    const response = await download('/reports/2022-23-Q2.md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('test-2021-29-2022-23-Q2.md');
    // Staff of the other organisation get their own (unpublished) plan by default.
    const own = await download('/reports/2024-25-Q1.csv', otherAdminCookie);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(await own.text()).toContain('I will keep this secret');
  });

  it('keeps unpublished plans to their organisation', async () => {
    const anonymous = await download('/reports/secret-plan/2024-25-Q1.html');
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).toMatch(/no plan "secret-plan" that you can see/);
    expect((await download('/reports/secret-plan/2024-25-Q1.html', adminCookie)).status).toBe(404);
    const own = await download('/reports/secret-plan/2024-25-Q1.html', otherAdminCookie);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('I will keep this secret');
  });

  it('answers 404 with a readable message for unknown periods, formats and names', async () => {
    const cases: [string, RegExp][] = [
      ['/reports/test-2021-29/2030-31-Q1.html', /outside the plan \(2021\/22 Q1 to 2028\/29 Q4\)/],
      ['/reports/test-2021-29/2021-22-Q2.docx', /no "docx" format/],
      ['/reports/test-2021-29/Q2.html', /not a report file name/],
      ['/reports/no-such-plan/2021-22-Q2.html', /no plan "no-such-plan"/],
      ['/reports/a/b/c.html', /Use \/reports\/<plan>\/<period>\.<format>/],
    ];
    for (const [path, text] of cases) {
      const response = await download(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text(), path).toMatch(text);
    }
  });

  it('answers 503 with a clear message for a PDF when Chromium is missing', async () => {
    const response = await download('/reports/test-2021-29/2022-23-Q2.pdf');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/PDF needs Chromium.*apt-get install chromium/);
  });

  it('refuses writes and answers HEAD without a body', async () => {
    const post = await download('/reports/test-2021-29/2022-23-Q2.html', undefined, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await download('/reports/test-2021-29/2022-23-Q2.csv', undefined, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('leaves other paths alone', async () => {
    expect(await downloads(new Request('http://localhost/graphql'))).toBeNull();
  });
});

describe('open data downloads', () => {
  it('publishes every commitment of a published plan, public fields only, CORS-enabled', async () => {
    const response = await download('/open-data/test-2021-29.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="test-2021-29-open-data.json"',
    );
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.commitments).toHaveLength(t.fixture.counts.commitments);
    expect(data.commitments[0]).toMatchObject({
      code: '1.1.1',
      priorityNumber: 1,
      theme: 'Theme 1.1',
      lastUpdate: { date: '2022-08-15', note: 'Good progress on 1.1.1.' },
    });
    expect(text).not.toMatch(/Burglary Team|Jane Officer|Internal: set by hand|version/);
  });

  it('serves CSV, and unpublished plans to their organisation only', async () => {
    const csv = await download('/open-data/test-2021-29.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^Code,Priority,Theme,Commitment,Status/);
    expect((await download('/open-data/secret-plan.json')).status).toBe(404);
    const own = await download('/open-data/secret-plan.json', otherAdminCookie);
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    expect((await download('/open-data/test-2021-29.xml')).status).toBe(404);
  });
});
