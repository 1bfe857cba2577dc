// `pnpm cli export` (open data) and `pnpm cli report`, in process on one new database (migrated,
// not seeded: the first export seeds it, as it does for a user).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@plan-tracker/db';
import { openTestDatabase } from '@plan-tracker/db/testing';
import { OPEN_DATA_CSV_COLUMNS } from '@plan-tracker/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, shared } from './in-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'cli-export-'));
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(scratch, { recursive: true, force: true });
});
const cli = (...args: string[]) => runInProcess(args, { openDatabase: shared(database) });

describe('pnpm cli export', () => {
  it('writes the open data as JSON on a new database, seeding it first', async () => {
    const out = join(scratch, 'open-data.json');
    const { status, stdout, stderr } = await cli('export', '--format', 'json', '--out', out);
    expect(status, stderr).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/167 commitments as at \d{4}-\d{2}-\d{2}/);
    expect(stderr).toContain(`wrote ${out}\n`);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    expect(data.plan.slug).toBe('dorset-2021-29');
    expect(data.commitments).toHaveLength(167);
    const relentless = data.commitments.find((c: { code: string }) => c.code === '1.1.8');
    expect(relentless).toMatchObject({ priorityNumber: 1, status: 'ONGOING' });
    expect(relentless.lastUpdate.note).toMatch(/Operation Relentless/);
    expect(JSON.stringify(data)).not.toMatch(/"owner"|"author"|"version"/);
  });

  it('prints CSV to standard output', async () => {
    const { status, stdout, stderr } = await cli('export', '--format', 'csv');
    expect(status, stderr).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_CSV_COLUMNS.join(','));
    expect(lines.filter(Boolean)).toHaveLength(168);
  });

  it('refuses an unknown format or plan with a clear error', async () => {
    const format = await cli('export', '--format', 'xml');
    expect(format.status).toBe(1);
    expect(format.stderr).toMatch(/unknown format "xml": use json or csv/);
    const plan = await cli('export', '--plan', 'no-such-plan');
    expect(plan.status).toBe(1);
    expect(plan.stderr).toMatch(/There is no plan "no-such-plan"/);
  });
});

describe('pnpm cli report', () => {
  it('refuses a period outside the plan with a clear error', async () => {
    const { status, stderr } = await cli('report', '--period', '2030/31 Q1');
    expect(status).toBe(1);
    expect(stderr).toMatch(/2030\/31 Q1 is outside the plan \(2021\/22 Q1 to 2028\/29 Q4\)/);
  });

  it('writes the Markdown report of a quarter', async () => {
    const out = join(scratch, 'q2.md');
    const { status, stderr } = await cli(
      'report',
      '--period',
      '2021/22 Q2',
      '--format',
      'md',
      '--out',
      out,
    );
    expect(status, stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Single Online Home');
  });
});

describe('a closed quarter at the command line', () => {
  it('prints the report stored at the close, and report:verify checks the chain', async () => {
    const { closeReportingPeriod, systemActor } = await import('@plan-tracker/db');
    const plan = await database.prisma.plan.findFirstOrThrow({ where: { slug: 'dorset-2021-29' } });
    const empty = await cli('report:verify');
    expect(empty.stdout).toContain('No quarter of this plan is closed yet');
    const closed = await closeReportingPeriod(database.prisma, systemActor(plan.organisationId), {
      label: '2021/22 Q2',
      closeEarlier: true,
      expectedVersion: 1,
    });
    expect(closed.ok, JSON.stringify(closed)).toBe(true);

    const report = await cli('report', '--period', '2021/22 Q2', '--format', 'md');
    expect(report.status, report.stderr).toBe(0);
    expect(report.stderr).toContain('2021/22 Q2 is closed: the report stored on');
    expect(report.stdout).toContain('**Final: 2021/22 Q2 was closed on');

    const intact = await cli('report:verify', '--plan', 'dorset-2021-29');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(
      /^The 2 stored reports are intact\. Latest digest: [0-9a-f]{64}\n$/,
    );

    const prisma = database.prisma;
    await prisma.$executeRawUnsafe(
      'ALTER TABLE "StoredReportFile" DISABLE TRIGGER "StoredReportFile_append_only"',
    );
    try {
      await prisma.$executeRaw`
        UPDATE "StoredReportFile" SET "bytes" = "bytes" || convert_to(' ', 'UTF8')
        WHERE "format" = 'md' AND "audience" = 'INTERNAL'
          AND "reportId" IN (SELECT "id" FROM "StoredReport" WHERE "period" = '2021/22 Q1')`;
    } finally {
      await prisma.$executeRawUnsafe(
        'ALTER TABLE "StoredReportFile" ENABLE TRIGGER "StoredReportFile_append_only"',
      );
    }
    const broken = await cli('report:verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(
      'the chain of stored reports breaks at 2021/22 Q1 (report 1 of 2): its internal md file was changed after the close.',
    );
  });
});
