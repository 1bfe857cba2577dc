// The quarterly cycle through the API: a quarter's report takes the updates written for it after
// it ended and is a draft while it is open; closing (in order) stores it, and from then on every
// format is served as stored, whatever is written afterwards; the chain of stored reports shows
// a rewrite, naming the quarter.
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadHandler, type DownloadHandler } from '../src/http/reports.js';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let downloads: DownloadHandler;
let adminCookie: string;
let printed = 0;

beforeAll(async () => {
  t = await startTestApi();
  downloads = createDownloadHandler({
    prisma: t.database.prisma,
    logger: t.api.logger,
    // A printer whose every print differs, as Chromium's do (a PDF holds its creation time).
    pdf: async () => {
      printed += 1;
      return new TextEncoder().encode(`%PDF-1.7 print ${printed}`);
    },
  });
  adminCookie = await t.signIn(t.fixture.users.admin.email);
}, 60_000);
afterAll(() => t?.close());

async function download(path: string, cookie?: string): Promise<string> {
  const response = await downloads(
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }),
  );
  if (!response) throw new Error(`${path} is not a download path`);
  expect(response.status).toBe(200);
  return response.text();
}

const REPORT = `query($period: String!) {
  plan(slug: "test-2021-29") {
    monitoringReport(period: $period) {
      ... on MonitoringReport {
        draft closedOn
        priorities { headlines { code narrative recordedOn } commitments { code latestNote { recordedOn narrative } } }
      }
    }
  }
}`;

const CLOSE = `mutation($label: String!, $closeEarlier: Boolean) {
  closeReportingPeriod(label: $label, expectedVersion: 1, closeEarlier: $closeEarlier) {
    __typename
    ... on ReportingPeriod { label closed }
    ... on MutationError { code message }
  }
}`;

const CHAIN = `{ plan(slug: "test-2021-29") { reportChain { intact reports latestDigest broken { period sequence problem } } } }`;

describe('the quarterly cycle', () => {
  const Q2 = '/reports/test-2021-29/2021-22-Q2';

  it('puts an update written after the quarter into its report, a draft while it is open', async () => {
    const { body } = await t.gql(REPORT, { variables: { period: '2021/22 Q2' } });
    const report = body.data?.plan.monitoringReport;
    expect(report).toMatchObject({ draft: true, closedOn: null });
    // The fixture's 2021/22 Q2 updates were written on 15 October 2021, after the quarter.
    expect(report.priorities[0].headlines[0]).toEqual({
      code: '1.1.2',
      narrative: 'Work began on 1.1.2.',
      recordedOn: '2021-10-15',
    });
    expect(report.priorities[0].commitments[0].latestNote).toEqual({
      recordedOn: '2021-10-15',
      narrative: 'Work began on 1.1.2.',
    });
    expect(await download(`${Q2}.md`)).toContain('**Draft: 2021/22 Q2 is still open');
  });

  it('closes quarters in order, for administrators only', async () => {
    const editor = await t.signIn(t.fixture.users.editor.email);
    // The fixture closed 2021/22 Q1; 2021/22 Q2 is the next to close.
    const refused = await t.gql(CLOSE, { variables: { label: '2021/22 Q3' }, cookie: editor });
    expect(refused.body.data?.closeReportingPeriod).toMatchObject({ code: 'FORBIDDEN' });
    const outOfOrder = await t.gql(CLOSE, {
      variables: { label: '2021/22 Q3' },
      cookie: adminCookie,
    });
    expect(outOfOrder.body.data?.closeReportingPeriod).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('close 2021/22 Q2 first'),
    });
    const closed = await t.gql(CLOSE, {
      variables: { label: '2021/22 Q3', closeEarlier: true },
      cookie: adminCookie,
    });
    expect(closed.body.data?.closeReportingPeriod).toEqual({
      __typename: 'ReportingPeriod',
      label: '2021/22 Q3',
      closed: true,
    });
    const { body } = await t.gql(REPORT, { variables: { period: '2021/22 Q2' } });
    expect(body.data?.plan.monitoringReport).toMatchObject({
      draft: false,
      closedOn: todayInPlanTimeZone(),
    });
  });

  it('serves a closed quarter’s report as stored, whatever is written afterwards', async () => {
    const formats = ['html', 'md', 'csv', 'json'] as const;
    const before = await Promise.all(formats.map((f) => download(`${Q2}.${f}`)));
    const staffBefore = await download(`${Q2}.csv`, adminCookie);
    expect(staffBefore).toContain('Final (closed');
    const pdf = await download(`${Q2}.pdf`);

    // A write that got past the closed period (straight into the table) would change a report
    // rebuilt from the data; the stored one does not move.
    const commitment = await t.database.prisma.commitment.findFirstOrThrow({
      where: { code: '1.1.2', plan: { slug: 'test-2021-29' } },
    });
    await t.database.prisma.progressUpdate.create({
      data: {
        organisationId: commitment.organisationId,
        commitmentId: commitment.id,
        period: '2021/22 Q2',
        recordedOn: new Date('2021-11-01'),
        author: 'Back door',
        statusAfter: 'COMPLETED',
        progressAfter: 100,
        narrative: 'Written after the close.',
      },
    });
    const after = await Promise.all(formats.map((f) => download(`${Q2}.${f}`)));
    expect(after).toEqual(before);
    expect(after.join('')).not.toContain('Written after the close.');
    expect(await download(`${Q2}.csv`, adminCookie)).toBe(staffBefore);
    // Printed once, then kept.
    expect(await download(`${Q2}.pdf`)).toBe(pdf);
    expect(printed).toBe(1);
    // An open quarter is still built from the data, as a draft.
    expect(await download('/reports/test-2021-29/2021-22-Q4.json')).toContain('"draft": true');
  });

  it('checks the chain of stored reports, and names the quarter a rewrite broke', async () => {
    const intact = await t.gql(CHAIN);
    expect(intact.body.data?.plan.reportChain).toMatchObject({
      intact: true,
      reports: 2,
      broken: null,
      latestDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const prisma = t.database.prisma;
    await prisma.$executeRawUnsafe(
      'ALTER TABLE "StoredReportFile" DISABLE TRIGGER "StoredReportFile_append_only"',
    );
    try {
      await prisma.$executeRaw`
        UPDATE "StoredReportFile" SET "bytes" = "bytes" || convert_to(' ', 'UTF8')
        WHERE "format" = 'json' AND "audience" = 'PUBLIC'
          AND "reportId" IN (SELECT "id" FROM "StoredReport" WHERE "period" = '2021/22 Q2')`;
    } finally {
      await prisma.$executeRawUnsafe(
        'ALTER TABLE "StoredReportFile" ENABLE TRIGGER "StoredReportFile_append_only"',
      );
    }
    const broken = await t.gql(CHAIN);
    expect(broken.body.data?.plan.reportChain).toMatchObject({
      intact: false,
      reports: 2,
      broken: {
        period: '2021/22 Q2',
        sequence: 1,
        problem: 'its public json file was changed after the close.',
      },
    });
  });
});
