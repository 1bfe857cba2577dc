/**
 * The archive of closed quarters' reports: when an administrator closes a quarter, each of the
 * organisation's plans that runs through it gets its monitoring report built once, in every text
 * format and for both audiences (staff of the organisation, everyone else), and stored byte for
 * byte. From then on the report of that quarter is served from the archive, never rebuilt.
 *
 * Tamper evidence: every stored report carries a SHA-256 `digest` over the previous stored
 * report's digest (64 zeros for a plan's first), its own place (sequence, quarter, day closed)
 * and the SHA-256 of each of its files, so the reports of a plan form a chain. Rewriting any
 * file, or any report's fields, breaks the chain at that quarter; {@link verifyReportChain}
 * says where. Triggers forbid such rewrites in the first place (migration `stored_reports`); the
 * chain is what shows that nobody got past them. Like any hash chain it cannot show a rewrite of
 * the whole chain from some quarter on: the Panel can keep the latest digest it was given
 * (`Plan.reportChain` in the API, `pnpm cli report:verify`) and compare it later.
 *
 * A PDF is printed from the stored HTML on its first download and kept too; it is outside the
 * chain, because its bytes depend on the printer, not on the data (its HTML is in the chain).
 */
import { createHash } from 'node:crypto';
import {
  buildMonitoringReport,
  type IsoDate,
  planQuarters,
  publicMonitoringReport,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
} from '@plan-tracker/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { fromDbDate, toDbDate } from '../services/dates.js';
import { loadReportInput } from './input.js';

type Tx = Prisma.TransactionClient;

/** Who a stored report is for: staff of the plan's organisation, or everyone else. */
export type ReportAudience = 'INTERNAL' | 'PUBLIC';

/** The formats built when a quarter closes, in the order the digest lists them. */
export const ARCHIVED_FORMATS = ['html', 'md', 'csv', 'json'] as const satisfies ReportFormat[];

const AUDIENCES = ['INTERNAL', 'PUBLIC'] as const satisfies ReportAudience[];

/** The `previousDigest` of a plan's first stored report. */
export const FIRST_DIGEST = '0'.repeat(64);

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

interface ChainLink {
  readonly previousDigest: string;
  readonly sequence: number;
  readonly period: string;
  readonly closedOn: IsoDate;
  readonly files: readonly {
    readonly audience: string;
    readonly format: string;
    readonly sha256: string;
  }[];
}

/**
 * A stored report's digest: SHA-256 over a short text naming the previous digest, the report's
 * place in the chain and each chained file's SHA-256, one per line, files in a fixed order.
 * Written out so that anyone can recompute it with `sha256sum`:
 *
 * ```text
 * plan-tracker stored report 1
 * previous <64 hex>
 * sequence 2
 * period 2021/22 Q2
 * closed 2021-11-15
 * INTERNAL csv <64 hex>
 * …
 * ```
 */
export function chainDigest(link: ChainLink): string {
  const files = link.files
    .filter((f) => f.format !== 'pdf')
    .map((f) => `${f.audience} ${f.format} ${f.sha256}`)
    .sort();
  return sha256(
    [
      'plan-tracker stored report 1',
      `previous ${link.previousDigest}`,
      `sequence ${link.sequence}`,
      `period ${link.period}`,
      `closed ${link.closedOn}`,
      ...files,
      '',
    ].join('\n'),
  );
}

/** A report stored when its quarter closed. */
export interface StoredReportSummary {
  readonly planId: string;
  readonly planSlug: string;
  readonly period: string;
  readonly sequence: number;
  readonly digest: string;
}

/**
 * Builds and stores the reports of a quarter that is closing, for every plan of the
 * organisation that runs through it, inside the closing transaction (so the report holds exactly
 * what was filed before the close). Each plan's row is locked while its chain grows.
 */
export async function storeQuarterReports(
  tx: Tx,
  organisationId: string,
  period: string,
  closedOn: IsoDate,
): Promise<StoredReportSummary[]> {
  // An archived plan is no longer reported on.
  const plans = await tx.plan.findMany({
    where: { organisationId, archivedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, slug: true, periodStart: true, periodEnd: true },
  });
  const stored: StoredReportSummary[] = [];
  for (const plan of plans) {
    const quarters = planQuarters(fromDbDate(plan.periodStart), fromDbDate(plan.periodEnd));
    if (!quarters.some((q) => q.label === period)) continue;
    await tx.$queryRaw`SELECT 1 FROM "Plan" WHERE "id" = ${plan.id} FOR UPDATE`;
    const input = await loadReportInput(tx, {
      planSlug: plan.slug,
      organisationId,
      period,
      closedOn,
    });
    const internal = buildMonitoringReport(input);
    const versions = { INTERNAL: internal, PUBLIC: publicMonitoringReport(internal) };
    const files = AUDIENCES.flatMap((audience) =>
      ARCHIVED_FORMATS.map((format) => {
        const bytes = Buffer.from(renderReport(versions[audience], format), 'utf8');
        return {
          audience,
          format,
          contentType: REPORT_FORMATS[format].mediaType,
          bytes,
          sha256: sha256(bytes),
        };
      }),
    );
    const last = await tx.storedReport.findFirst({
      where: { planId: plan.id },
      orderBy: { sequence: 'desc' },
      select: { sequence: true, digest: true },
    });
    const link = {
      previousDigest: last?.digest ?? FIRST_DIGEST,
      sequence: (last?.sequence ?? 0) + 1,
      period,
      closedOn,
      files,
    };
    const digest = chainDigest(link);
    await tx.storedReport.create({
      data: {
        organisationId,
        planId: plan.id,
        period,
        sequence: link.sequence,
        closedOn: toDbDate(closedOn),
        previousDigest: link.previousDigest,
        digest,
        files: { create: files },
      },
    });
    stored.push({ planId: plan.id, planSlug: plan.slug, period, sequence: link.sequence, digest });
  }
  return stored;
}

/**
 * Marks the stored reports of a quarter superseded (its quarter is being reopened): they stay in
 * the chain, and the quarter's report is a draft again until the next close stores a new one.
 */
export async function supersedeQuarterReports(
  tx: Tx,
  organisationId: string,
  period: string,
): Promise<number> {
  const { count } = await tx.storedReport.updateMany({
    where: { organisationId, period, supersededAt: null },
    data: { supersededAt: new Date() },
  });
  return count;
}

/** One file of the report a closed quarter stored. */
export interface StoredReportFileRead {
  readonly reportId: string;
  readonly closedOn: IsoDate;
  readonly digest: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * The stored file of a plan's quarter for an audience and format, or `null` when the quarter
 * has no stored report (it is open) or, for a PDF, none was printed yet.
 */
export async function storedReportFile(
  prisma: PrismaClient,
  planId: string,
  period: string,
  audience: ReportAudience,
  format: ReportFormat | 'pdf',
): Promise<StoredReportFileRead | null> {
  const report = await prisma.storedReport.findFirst({
    where: { planId, period, supersededAt: null },
    orderBy: { sequence: 'desc' },
    select: {
      id: true,
      closedOn: true,
      digest: true,
      files: { where: { audience, format }, select: { contentType: true, bytes: true } },
    },
  });
  const file = report?.files[0];
  if (!report || !file) return null;
  return {
    reportId: report.id,
    closedOn: fromDbDate(report.closedOn),
    digest: report.digest,
    contentType: file.contentType,
    bytes: file.bytes,
  };
}

/** Whether a plan's quarter has a stored (final) report, and its id. */
export async function storedReportOf(
  prisma: PrismaClient,
  planId: string,
  period: string,
): Promise<{ readonly id: string; readonly closedOn: IsoDate } | null> {
  const report = await prisma.storedReport.findFirst({
    where: { planId, period, supersededAt: null },
    orderBy: { sequence: 'desc' },
    select: { id: true, closedOn: true },
  });
  return report && { id: report.id, closedOn: fromDbDate(report.closedOn) };
}

/** Keeps a stored report's PDF, printed on its first download; a PDF already kept wins. */
export async function keepReportPdf(
  prisma: PrismaClient,
  reportId: string,
  audience: ReportAudience,
  bytes: Uint8Array,
): Promise<void> {
  await prisma.storedReportFile.createMany({
    data: [
      {
        reportId,
        audience,
        format: 'pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from(bytes),
        sha256: sha256(bytes),
      },
    ],
    skipDuplicates: true,
  });
}

/** Where a plan's chain of stored reports breaks, and how. */
export interface ReportChainBreak {
  readonly period: string;
  readonly sequence: number;
  readonly problem: string;
}

/** The result of {@link verifyReportChain}. */
export interface ReportChainCheck {
  /** True when every stored report's files and digest are as stored at its close. */
  readonly intact: boolean;
  /** How many stored reports were checked. */
  readonly reports: number;
  /** The last report's digest: what to keep and compare later. `null` with no report. */
  readonly latestDigest: string | null;
  /** The first break, naming its quarter; `null` when intact. */
  readonly broken: ReportChainBreak | null;
}

/**
 * Recomputes a plan's chain of stored reports from their bytes, oldest first, and says where it
 * breaks: a file whose bytes no longer match its SHA-256, a report whose digest does not match
 * its files, or one that does not follow the report before it. Reads one report at a time.
 */
export async function verifyReportChain(
  prisma: PrismaClient,
  planId: string,
): Promise<ReportChainCheck> {
  const links = await prisma.storedReport.findMany({
    where: { planId },
    orderBy: { sequence: 'asc' },
    select: {
      id: true,
      sequence: true,
      period: true,
      closedOn: true,
      previousDigest: true,
      digest: true,
    },
  });
  let previous = FIRST_DIGEST;
  for (const [index, link] of links.entries()) {
    const at = { period: link.period, sequence: link.sequence };
    const broken = (problem: string): ReportChainCheck => ({
      intact: false,
      reports: links.length,
      latestDigest: links.at(-1)?.digest ?? null,
      broken: { ...at, problem },
    });
    if (link.sequence !== index + 1) {
      return broken(`report ${index + 1} of the chain is missing before ${link.period}.`);
    }
    if (link.previousDigest !== previous) {
      return broken(`it does not follow the report before it (its previous digest differs).`);
    }
    const files = await prisma.storedReportFile.findMany({
      where: { reportId: link.id, format: { not: 'pdf' } },
      select: { audience: true, format: true, bytes: true, sha256: true },
    });
    for (const file of files) {
      if (sha256(file.bytes) !== file.sha256) {
        return broken(
          `its ${file.audience.toLowerCase()} ${file.format} file was changed after the close.`,
        );
      }
    }
    const expected = AUDIENCES.length * ARCHIVED_FORMATS.length;
    if (files.length !== expected) {
      return broken(`it has ${files.length} files where ${expected} were stored.`);
    }
    const digest = chainDigest({ ...link, closedOn: fromDbDate(link.closedOn), files });
    if (digest !== link.digest) {
      return broken('its digest does not match its files and place in the chain.');
    }
    previous = link.digest;
  }
  return {
    intact: true,
    reports: links.length,
    latestDigest: links.at(-1)?.digest ?? null,
    broken: null,
  };
}
