// The quarterly monitoring report of the Dorset seed (issue 6, section 5): the 2021/22 Q2 report
// holds the Q2 updates of seed 003 under the right priorities; regenerated after later updates
// and status changes it is byte-identical in every format; every format validates (HTML without
// axe-core violations in Chromium, CSV through a standard parser, JSON against its JSON Schema);
// and the running server downloads it, PDF included.
import {
  addProgressUpdate,
  changeActionStatus,
  changeCommitmentStatus,
  type Database,
  loadReportInput,
  type PrismaClient,
  seedDorset,
  systemActor,
} from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import {
  buildMonitoringReport,
  dorsetPlan,
  type MonitoringReport,
  monitoringReportJsonSchema,
  REPORT_CSV_COLUMNS,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  todayInPlanTimeZone,
} from '@plan-tracker/domain';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEnv } from '../src/env.js';
import { CHROMIUM_ARGS, findChromium } from '../src/report/pdf.js';
import { type RunningServer, startServer } from '../src/server.js';

const PERIOD = '2021/22 Q2';
const FORMATS = Object.keys(REPORT_FORMATS) as ReportFormat[];

let database: Database;
let prisma: PrismaClient;
let organisationId: string;
let report: MonitoringReport;
let rendered: Record<ReportFormat, string>;

async function buildReport(period = PERIOD): Promise<MonitoringReport> {
  return buildMonitoringReport(
    await loadReportInput(prisma, { planSlug: dorsetPlan.slug, period }),
  );
}

function renderAll(r: MonitoringReport): Record<ReportFormat, string> {
  return Object.fromEntries(FORMATS.map((f) => [f, renderReport(r, f)])) as Record<
    ReportFormat,
    string
  >;
}

beforeAll(async () => {
  database = await openTestDatabase();
  prisma = database.prisma;
  ({ organisationId } = await seedDorset(prisma));
  report = await buildReport();
  rendered = renderAll(report);
}, 180_000);
afterAll(() => database?.close());

describe('the 2021/22 Q2 report of the Dorset seed', () => {
  it('holds the Q2 updates of seed 003 under the right priorities', () => {
    expect(report.period.label).toBe(PERIOD);
    expect(report.asAt).toBe('2021-09-30');
    const under = (priority: number) =>
      report.priorities.find((p) => p.number === priority)?.headlines ?? [];
    const expectations: [number, string, RegExp][] = [
      [1, '1.1.8', /launching Operation Relentless/],
      [2, '2.3.3', /Single Online Home/],
      [3, '3.6.4', /Operation Encompass/],
      [4, '4.1.1', /double the size of the Rural Crime Team/],
      [5, '5.4.3', /Hate Crime Awareness course/],
      [6, '6.2.6', /HMICFRS inspection/],
    ];
    for (const [priority, code, narrative] of expectations) {
      const headline = under(priority).find((h) => h.code === code);
      expect(headline, `${code} under priority ${priority}`).toBeDefined();
      expect(headline?.narrative).toMatch(narrative);
      expect(headline?.recordedOn).toBe('2021-09-30');
      // …and under no other priority.
      for (const other of report.priorities.filter((p) => p.number !== priority)) {
        expect(other.headlines.some((h) => h.code === code)).toBe(false);
      }
    }
    // Every headline is of the quarter, none from the first 100 days or later.
    const all = report.priorities.flatMap((p) => p.headlines);
    expect(all.length).toBeGreaterThanOrEqual(expectations.length);
    for (const h of all)
      expect(h.recordedOn >= '2021-07-01' && h.recordedOn <= '2021-09-30').toBe(true);
    // The rendered formats carry them too.
    expect(rendered.html).toContain('Operation Encompass, funded by the OPCC');
    expect(rendered.md).toContain('Single Online Home');
  });

  it('is byte-identical in every format when regenerated after later updates', async () => {
    const actor = systemActor(organisationId, 'OPCC Performance and Scrutiny');
    const actionNamed = (title: string) =>
      prisma.deliveryAction.findFirstOrThrow({ where: { organisationId, title } });
    const relentless = await actionNamed(
      'Launch Operation Relentless against anti-social behaviour',
    );
    const added = await addProgressUpdate(prisma, actor, {
      subject: { type: 'DeliveryAction', id: relentless.id },
      expectedVersion: relentless.version,
      input: {
        period: '2022/23 Q1',
        recordedOn: '2022-05-10',
        narrative: 'Operation Relentless: a new summer phase in 2022.',
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'RED',
        progressAfter: 75,
      },
    });
    expect(added.ok).toBe(true);
    const encompass = await actionNamed('Embed Operation Encompass in schools and nurseries');
    const changed = await changeActionStatus(prisma, actor, {
      id: encompass.id,
      expectedVersion: encompass.version,
      effectiveOn: '2022-06-01',
      input: { status: 'COMPLETED', rag: 'GREEN', progressPercent: 100 },
    });
    expect(changed.ok).toBe(true);
    const commitment = await prisma.commitment.findFirstOrThrow({
      where: { organisationId, code: '4.1.1' },
    });
    const overridden = await changeCommitmentStatus(prisma, actor, {
      id: commitment.id,
      expectedVersion: commitment.version,
      effectiveOn: '2022-02-01',
      input: { rag: 'AMBER', reason: 'Recruitment paused in the winter of 2022' },
    });
    expect(overridden.ok).toBe(true);

    const again = renderAll(await buildReport());
    for (const format of FORMATS) expect(again[format], format).toBe(rendered[format]);

    // The changes are real: a report of the later quarter shows them.
    const later = await buildReport('2022/23 Q1');
    expect(later.priorities[0]?.headlines.map((h) => h.narrative)).toContain(
      'Operation Relentless: a new summer phase in 2022.',
    );
  });
});

describe('every format of the report validates', () => {
  it('JSON matches monitoringReportJsonSchema() (draft 2020-12)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(monitoringReportJsonSchema());
    const valid = validate(JSON.parse(rendered.json));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema really checks: a report with a wrong field fails.
    expect(validate({ ...JSON.parse(rendered.json), asAt: 'yesterday' })).toBe(false);
  });

  it('CSV parses with a standard parser into one row per commitment', () => {
    const records: string[][] = parse(rendered.csv, { relax_column_count: false });
    const [header, ...rows] = records;
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    const commitments = [
      ...report.priorities.flatMap((p) => p.commitments),
      ...report.crossCutting.commitments,
    ];
    expect(rows).toHaveLength(commitments.length);
    expect(rows.length).toBeGreaterThanOrEqual(156);
    expect(rows.map((r) => r[0])).toEqual(commitments.map((c) => c.code));
    const relentless = rows.find((r) => r[0] === '1.1.8');
    expect(relentless?.[1]).toMatch(/^Priority 1: /);
  });

  it('Markdown tables have as many cells in every row as in their header', () => {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let header: number | null = null;
    let tables = 0;
    for (const line of rendered.md.split('\n')) {
      if (!line.startsWith('|')) {
        header = null;
        continue;
      }
      if (header === null) {
        header = cells(line);
        tables += 1;
      } else expect(cells(line), line).toBe(header);
    }
    expect(tables).toBeGreaterThan(6);
    expect(rendered.md.startsWith('# ')).toBe(true);
  });

  const chromium = findChromium();
  const why = 'Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)';
  if (!chromium && process.env.CI) {
    it('HTML in Chromium (CI must have Chromium)', () => {
      throw new Error(`${why}: CI must run the accessibility check.`);
    });
  } else if (!chromium) {
    console.warn(`skipping the HTML accessibility check: ${why}.`);
  }

  it.skipIf(!chromium)(
    'HTML has no axe-core violations in Chromium',
    async () => {
      const { chromium: browserType } = await import('playwright-core');
      const browser = await browserType.launch({
        executablePath: chromium as string,
        args: [...CHROMIUM_ARGS],
      });
      try {
        const page = await browser.newPage();
        await page.setContent(rendered.html, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe.source });
        const results = await page.evaluate(() =>
          (window as unknown as { axe: typeof axe }).axe.run(document, {
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
            },
          }),
        );
        const violations = results.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
        expect(violations).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});

describe('the running server', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      // The server closes what it is given; the suite's database is closed by afterAll above.
      database: { ...database, close: async () => {} },
      env: parseApiEnv({ NODE_ENV: 'test' }),
      logger: pino({ level: 'silent' }),
      handleSignals: false,
    });
  });
  afterAll(() => server?.close());

  it('downloads the public report and open data over HTTP', async () => {
    const csv = await fetch(`${server.url}/reports/${dorsetPlan.slug}/2021-22-Q2.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="${dorsetPlan.slug}-2021-22-Q2.csv"`,
    );
    // The public CSV has no authors or override reasons, so it is the staff one here.
    expect(await csv.text()).toBe(rendered.csv);
    const html = await fetch(`${server.url}/reports/2021-22-Q2.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toContain('Operation Encompass, funded by the OPCC');
    const unknown = await fetch(`${server.url}/reports/${dorsetPlan.slug}/2031-32-Q1.html`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/outside the plan/);
    const open = await fetch(`${server.url}/open-data/${dorsetPlan.slug}.json`);
    expect(open.status).toBe(200);
    const data = await open.json();
    expect(data.commitments.length).toBe(
      report.priorities.flatMap((p) => p.commitments).length +
        report.crossCutting.commitments.length,
    );
  });

  it('agrees on what is overdue: the commitments filter, the roll-up and the open data', async () => {
    const today = todayInPlanTimeZone();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($slug: String!, $at: Date!) { plan(slug: $slug) {
          rollUp { overdue }
          commitments(first: 100, filter: { work: { overdueAt: $at } }) { totalCount edges { node { code overdue } } }
        } }`,
        variables: { slug: dorsetPlan.slug, at: today },
      }),
    });
    const { data, errors } = await response.json();
    expect(errors).toBeUndefined();
    const open = await (await fetch(`${server.url}/open-data/${dorsetPlan.slug}.json`)).json();
    const openRows = open.commitments.filter((c: { overdue: boolean }) => c.overdue).length;
    // The seed's demo actions fall due from 2021, so many are overdue today: a real count.
    expect(data.plan.rollUp.overdue).toBeGreaterThan(0);
    expect(data.plan.commitments.totalCount).toBe(data.plan.rollUp.overdue);
    expect(open.summary.overdue).toBe(data.plan.rollUp.overdue);
    expect(openRows).toBe(data.plan.rollUp.overdue);
    const listed = data.plan.commitments.edges.map((e: { node: { overdue: boolean } }) => e.node);
    expect(listed.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
  });

  it.skipIf(!findChromium())(
    'prints the report to PDF with Chromium',
    async () => {
      const pdf = await fetch(`${server.url}/reports/${dorsetPlan.slug}/2021-22-Q2.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );
});
