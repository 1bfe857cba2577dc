/**
 * The monitoring report and the open data for one plan, as a caller may see them: one place
 * for the GraphQL query and the HTTP downloads, so both apply the same access rules and give
 * the same bytes. Plans are found through the API's access rules (published plans for anyone,
 * unpublished ones for their organisation); anyone who is not staff of the plan's organisation
 * gets the public report (`publicMonitoringReport`: no authors, no override reasons).
 */
import {
  keepReportPdf,
  loadOpenDataInput,
  loadReportInput,
  type PrismaClient,
  type ReportAudience,
  ReportRequestError,
  storedReportFile,
} from '@plan-tracker/db';
import type { Caller } from '@plan-tracker/domain';
import {
  buildMonitoringReport,
  buildOpenData,
  canSeeInternal,
  type MonitoringReport,
  MonitoringReportSchema,
  type OpenData,
  publicMonitoringReport,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
  tryPeriodFromLabel,
  visibleOrganisationId,
} from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';

/** A plan, as far as reports need it. */
export interface ReportPlan {
  readonly id: string;
  readonly slug: string;
  readonly organisationId: string;
  readonly published: boolean;
}

/** Why a report's period cannot be reported on. */
export const REPORT_PERIOD_ERROR_CODES = ['PERIOD_MALFORMED', 'PERIOD_OUTSIDE_PLAN'] as const;
/** One of {@link REPORT_PERIOD_ERROR_CODES}. */
export type ReportPeriodErrorCode = (typeof REPORT_PERIOD_ERROR_CODES)[number];

/** The period asked for is not a quarter label, or not a quarter of the plan. */
export class ReportPeriodError extends Error {
  override readonly name = 'ReportPeriodError';
  constructor(
    readonly code: ReportPeriodErrorCode,
    readonly period: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The plan with this slug that the caller may see, or `null`. Like `plan(slug:)`: the caller's
 * own organisation's plan first when slugs collide, else the oldest published one; with
 * `organisationSlug`, only that organisation's.
 */
export async function findVisiblePlan(
  prisma: PrismaClient,
  caller: Caller,
  slug: string,
  organisationSlug?: string | null,
): Promise<ReportPlan | null> {
  const plans = await prisma.plan.findMany({
    where: {
      slug,
      ...(organisationSlug ? { organisation: { slug: organisationSlug } } : {}),
      AND: [visiblePlanWhere(caller)],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, slug: true, organisationId: true, published: true },
  });
  const own = visibleOrganisationId(caller);
  return plans.find((p) => p.organisationId === own) ?? plans[0] ?? null;
}

/**
 * The plan `/reports/<file>` means when no plan is named: the caller's own organisation's
 * oldest plan, else the oldest published plan; `null` when the caller sees none.
 */
export async function findDefaultPlan(
  prisma: PrismaClient,
  caller: Caller,
): Promise<ReportPlan | null> {
  const own = visibleOrganisationId(caller);
  const select = { id: true, slug: true, organisationId: true, published: true } as const;
  const orderBy = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const mine = own
    ? await prisma.plan.findFirst({ where: { organisationId: own }, orderBy, select })
    : null;
  return mine ?? prisma.plan.findFirst({ where: { published: true }, orderBy, select });
}

function quarterOf(period: string) {
  const quarter = tryPeriodFromLabel(period);
  if (!quarter) {
    throw new ReportPeriodError(
      'PERIOD_MALFORMED',
      period,
      `"${period}" is not a reporting period: use a financial-year quarter such as 2021/22 Q2.`,
    );
  }
  return quarter;
}

function audienceOf(caller: Caller, plan: ReportPlan): ReportAudience {
  return canSeeInternal(caller, plan.organisationId) ? 'INTERNAL' : 'PUBLIC';
}

/** Builds a quarter's report from history: the draft of an open quarter. */
async function buildReport(
  prisma: PrismaClient,
  audience: ReportAudience,
  plan: ReportPlan,
  period: string,
): Promise<MonitoringReport> {
  try {
    const input = await loadReportInput(prisma, {
      planSlug: plan.slug,
      organisationId: plan.organisationId,
      period,
    });
    const report = buildMonitoringReport(input);
    return audience === 'INTERNAL' ? report : publicMonitoringReport(report);
  } catch (error) {
    if (error instanceof ReportRequestError && error.code === 'PERIOD_OUTSIDE_PLAN') {
      throw new ReportPeriodError('PERIOD_OUTSIDE_PLAN', period, error.message);
    }
    throw error;
  }
}

/**
 * The quarterly monitoring report of a plan the caller may see, with internal fields withheld
 * unless the caller is staff of its organisation: once the quarter is closed, the report stored
 * at the close (packages/db, report/archive.ts); while it is open, a draft built as at the
 * quarter's end from history.
 *
 * @throws ReportPeriodError when `period` is not a quarter label or not a quarter of the plan
 */
export async function monitoringReportFor(
  prisma: PrismaClient,
  caller: Caller,
  plan: ReportPlan,
  period: string,
): Promise<MonitoringReport> {
  const quarter = quarterOf(period);
  const audience = audienceOf(caller, plan);
  const stored = await storedReportFile(prisma, plan.id, quarter.label, audience, 'json');
  if (stored) {
    return MonitoringReportSchema.parse(JSON.parse(Buffer.from(stored.bytes).toString('utf8')));
  }
  return buildReport(prisma, audience, plan, quarter.label);
}

/** A report file to send: its bytes, media type and the quarter it is for. */
export interface ReportFile {
  readonly body: string | Uint8Array;
  readonly mediaType: string;
  readonly period: string;
}

/**
 * A report in one format, as the caller may see it: a closed quarter's stored bytes (its PDF
 * printed from the stored HTML once and kept), or an open quarter's draft, rendered now.
 *
 * @param print - prints HTML to PDF
 * @throws ReportPeriodError as {@link monitoringReportFor}; the printer's errors for a PDF
 */
export async function reportFileFor(
  prisma: PrismaClient,
  caller: Caller,
  plan: ReportPlan,
  period: string,
  format: ReportFormat | 'pdf',
  print: (html: string) => Promise<Uint8Array>,
): Promise<ReportFile> {
  const quarter = quarterOf(period);
  const audience = audienceOf(caller, plan);
  const label = quarter.label;
  const stored = await storedReportFile(prisma, plan.id, label, audience, format);
  if (stored) return { body: stored.bytes, mediaType: stored.contentType, period: label };
  if (format === 'pdf') {
    const html = await storedReportFile(prisma, plan.id, label, audience, 'html');
    if (html) {
      const bytes = await print(Buffer.from(html.bytes).toString('utf8'));
      await keepReportPdf(prisma, html.reportId, audience, bytes);
      const kept = await storedReportFile(prisma, plan.id, label, audience, 'pdf');
      return { body: kept?.bytes ?? bytes, mediaType: 'application/pdf', period: label };
    }
    const report = await buildReport(prisma, audience, plan, label);
    return {
      body: await print(renderReport(report, 'html')),
      mediaType: 'application/pdf',
      period: label,
    };
  }
  const report = await buildReport(prisma, audience, plan, label);
  return {
    body: renderReport(report, format),
    mediaType: REPORT_FORMATS[format].mediaType,
    period: label,
  };
}

/** The open data of a plan the caller may see: the live status of every commitment. */
export async function openDataFor(prisma: PrismaClient, plan: ReportPlan): Promise<OpenData> {
  return buildOpenData(
    await loadOpenDataInput(prisma, { planSlug: plan.slug, organisationId: plan.organisationId }),
  );
}
