// The quarterly cycle as offices run it: a quarter's updates are written after it ends and count
// towards its report, which is a draft until an administrator closes the quarter; closing (in
// order) stores the report byte for byte, chained to the one before, so a rewrite shows.
import { buildMonitoringReport, quarterOf, todayInPlanTimeZone } from '@plan-tracker/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  closeReportingPeriod,
  type Database,
  loadReportInput,
  reopenReportingPeriod,
  storedReportFile,
  verifyReportChain,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture } from './fixtures.js';

let db: Database;
let f: Fixture;

beforeAll(async () => {
  db = await openTestDatabase();
  f = await planFixture(db.prisma);
});

afterAll(async () => {
  await db?.close();
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.error)}`);
  return result.value;
}

const update = (period: string, recordedOn: string, narrative: string) => ({
  period,
  recordedOn,
  narrative,
  statusAfter: 'IN_PROGRESS' as const,
  ragAfter: 'GREEN' as const,
  progressAfter: 20,
});

async function draftReport(period: string) {
  return buildMonitoringReport(
    await loadReportInput(db.prisma, {
      planSlug: f.plan.slug,
      period,
      organisationId: f.plan.organisationId,
    }),
  );
}

async function periodVersion(label: string): Promise<number> {
  const row = await db.prisma.reportingPeriod.findFirstOrThrow({
    where: { organisationId: f.organisation.id, label },
  });
  return row.version;
}

describe('the quarterly cycle', () => {
  let late: Awaited<ReturnType<typeof f.commitment>>;

  it('counts an update written after its quarter ended towards that quarter, as at its end', async () => {
    late = await f.commitment();
    const added = value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'Commitment', id: late.id },
        expectedVersion: 1,
        input: update('2021/22 Q1', '2021-07-12', 'Q1 position, written in July'),
      }),
    );
    const entry = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: added.historyId } });
    expect(entry.effectiveOn?.toISOString().slice(0, 10)).toBe('2021-06-30');
    expect(entry.period).toBe('2021/22 Q1');

    const report = await draftReport('2021/22 Q1');
    expect(report.draft).toBe(true);
    const headlines = report.priorities.flatMap((p) => p.headlines);
    expect(headlines.map((h) => h.narrative)).toContain('Q1 position, written in July');
    const line = report.priorities.flatMap((p) => p.commitments).find((c) => c.id === late.id);
    expect(line).toMatchObject({
      status: 'IN_PROGRESS',
      progressPercent: 20,
      latestNote: { recordedOn: '2021-07-12', narrative: 'Q1 position, written in July' },
    });
  });

  it('refuses a late update on work that has changed since the quarter ended', async () => {
    const c = await f.commitment();
    value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'Commitment', id: c.id },
        expectedVersion: 1,
        input: update('2021/22 Q2', '2021-08-01', 'Q2 already'),
      }),
    );
    const refused = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 2,
      input: update('2021/22 Q1', '2021-08-05', 'Too late for Q1'),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['input', 'period'] }] },
    });
    expect(JSON.stringify(refused)).toContain('has changed since 2021/22 Q1 ended (on 2021-08-01)');
  });

  it('closes quarters in order, storing each plan’s report, final, byte for byte', async () => {
    const current = quarterOf(todayInPlanTimeZone()).label;
    const early = await closeReportingPeriod(db.prisma, f.admin, {
      label: current,
      closeEarlier: true,
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(early)).toContain(`${current} has not ended yet`);
    const outOfOrder = await closeReportingPeriod(db.prisma, f.admin, { label: '2021/22 Q2' });
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(outOfOrder)).toContain('close 2021/22 Q1 first');

    value(
      await closeReportingPeriod(db.prisma, f.admin, {
        label: '2021/22 Q1',
        expectedVersion: await periodVersion('2021/22 Q1').catch(() => null),
      }),
    );
    const files = await db.prisma.storedReportFile.findMany({
      where: { report: { planId: f.plan.id, period: '2021/22 Q1' } },
      select: { audience: true, format: true },
    });
    expect(files.map((x) => `${x.audience} ${x.format}`).sort()).toEqual([
      'INTERNAL csv',
      'INTERNAL html',
      'INTERNAL json',
      'INTERNAL md',
      'PUBLIC csv',
      'PUBLIC html',
      'PUBLIC json',
      'PUBLIC md',
    ]);
    const json = await storedReportFile(db.prisma, f.plan.id, '2021/22 Q1', 'INTERNAL', 'json');
    const stored = JSON.parse(Buffer.from(json?.bytes ?? []).toString('utf8'));
    expect(stored).toMatchObject({ draft: false, period: { label: '2021/22 Q1' } });
    expect(stored.closedOn).toBe(json?.closedOn);
    const html = await storedReportFile(db.prisma, f.plan.id, '2021/22 Q1', 'PUBLIC', 'html');
    expect(Buffer.from(html?.bytes ?? []).toString('utf8')).toContain(
      'Final: 2021/22 Q1 was closed on',
    );

    // Nothing more can be filed for the closed quarter, and later work leaves its bytes alone.
    const refused = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: late.id },
      expectedVersion: 2,
      input: update('2021/22 Q1', '2021-07-20', 'After the close'),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERIOD_CLOSED' } });
    value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'Commitment', id: late.id },
        expectedVersion: 2,
        input: {
          ...update('2021/22 Q2', '2021-08-10', 'Q2 work'),
          statusAfter: 'COMPLETED',
          progressAfter: 100,
        },
      }),
    );
    const again = await storedReportFile(db.prisma, f.plan.id, '2021/22 Q1', 'INTERNAL', 'json');
    expect(Buffer.from(again?.bytes ?? []).equals(Buffer.from(json?.bytes ?? []))).toBe(true);
  });

  it('reopens from the latest closed quarter, supersedes its report and chains the next close', async () => {
    value(
      await closeReportingPeriod(db.prisma, f.admin, {
        label: '2021/22 Q2',
        expectedVersion: null,
      }),
    );
    const early = await reopenReportingPeriod(db.prisma, f.admin, {
      label: '2021/22 Q1',
      expectedVersion: await periodVersion('2021/22 Q1'),
      reason: 'Late figures',
    });
    expect(JSON.stringify(early)).toContain('reopen 2021/22 Q2 first');
    value(
      await reopenReportingPeriod(db.prisma, f.admin, {
        label: '2021/22 Q2',
        expectedVersion: await periodVersion('2021/22 Q2'),
        reason: 'A late update from the force',
      }),
    );
    expect(
      await storedReportFile(db.prisma, f.plan.id, '2021/22 Q2', 'INTERNAL', 'html'),
    ).toBeNull();
    expect((await draftReport('2021/22 Q2')).draft).toBe(true);
    value(
      await closeReportingPeriod(db.prisma, f.admin, {
        label: '2021/22 Q2',
        expectedVersion: await periodVersion('2021/22 Q2'),
      }),
    );
    const chain = await verifyReportChain(db.prisma, f.plan.id);
    expect(chain).toMatchObject({ intact: true, reports: 3, broken: null });
    expect(chain.latestDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to rewrite a stored report, and a rewrite made past that breaks the chain at its quarter', async () => {
    await expect(
      db.prisma.$executeRawUnsafe(
        `UPDATE "StoredReportFile" SET "bytes" = 'x' WHERE "format" = 'html'`,
      ),
    ).rejects.toThrow(/append-only/);
    await db.prisma.$executeRawUnsafe(
      'ALTER TABLE "StoredReportFile" DISABLE TRIGGER "StoredReportFile_append_only"',
    );
    try {
      await db.prisma.$executeRaw`
        UPDATE "StoredReportFile" SET "bytes" = convert_to(replace(convert_from("bytes", 'UTF8'), 'Final', 'Fine'), 'UTF8')
        WHERE "format" = 'html' AND "audience" = 'PUBLIC'
          AND "reportId" = (SELECT "id" FROM "StoredReport" WHERE "planId" = ${f.plan.id} AND "sequence" = 1)`;
    } finally {
      await db.prisma.$executeRawUnsafe(
        'ALTER TABLE "StoredReportFile" ENABLE TRIGGER "StoredReportFile_append_only"',
      );
    }
    expect(await verifyReportChain(db.prisma, f.plan.id)).toMatchObject({
      intact: false,
      reports: 3,
      broken: {
        period: '2021/22 Q1',
        sequence: 1,
        problem: 'its public html file was changed after the close.',
      },
    });
  });
});
