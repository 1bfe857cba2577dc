// The plan against its financial-year timeline: every quarter of the plan period (2021/22 Q1 to
// 2028/29 Q4 for Dorset, from the domain's planQuarters), what fell due and what was updated.
import { fromDbDate, toDbDate } from '@plan-tracker/db';
import { type FinancialQuarter, type IsoDate, planQuarters } from '@plan-tracker/domain';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { asAtOf } from '../plan/as-at.js';
import { PlanRef } from './plan.js';

interface TimelineQuarter {
  readonly planId: string;
  readonly organisationId: string;
  readonly quarter: FinancialQuarter;
  /** The date the plan is read at (null: live), passed down from the plan. */
  readonly asAt: IsoDate | null;
}
interface TimelineYear {
  readonly label: string;
  readonly quarters: TimelineQuarter[];
}
interface Timeline {
  readonly quarters: TimelineQuarter[];
}

/** Updates recorded by the plan's date fall in a quarter; later ones are not shown as at it. */
function recordedBy(q: TimelineQuarter): Date {
  return toDbDate(q.asAt && q.asAt < q.quarter.endDate ? q.asAt : q.quarter.endDate);
}

/** Update counts by period label, once per plan per request. */
function updateCounts(
  ctx: Context,
  planId: string,
  asAt: IsoDate | null,
): Promise<Map<string, number>> {
  return ctx.cache.memo(`update-counts:${planId}:${asAt ?? ''}`, async () => {
    const rows = await prisma(ctx).progressUpdate.groupBy({
      by: ['period'],
      where: {
        commitment: { planId },
        ...(asAt ? { recordedOn: { lte: toDbDate(asAt) } } : {}),
      },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.period, row._count._all]));
  });
}

const TimelineQuarterType = builder.objectRef<TimelineQuarter>('TimelineQuarter').implement({
  description:
    'One financial-year quarter of the plan period: what fell due in it and what was updated for it.',
  fields: (t) => ({
    label: t.string({ description: 'e.g. `2021/22 Q2`.', resolve: (q) => q.quarter.label }),
    financialYear: t.string({
      description: 'e.g. `2021/22`.',
      resolve: (q) => q.quarter.financialYear,
    }),
    quarter: t.int({
      description: '1 (April–June) to 4 (January–March).',
      resolve: (q) => q.quarter.quarter,
    }),
    startDate: t.field({
      type: 'Date',
      description: 'First day.',
      resolve: (q) => q.quarter.startDate,
    }),
    endDate: t.field({ type: 'Date', description: 'Last day.', resolve: (q) => q.quarter.endDate }),
    reportingPeriod: t.prismaField({
      type: 'ReportingPeriod',
      nullable: true,
      description:
        'The stored reporting period with this label, if the organisation has one (it says whether it is closed).',
      resolve: (query, q, _args, ctx) =>
        prisma(ctx).reportingPeriod.findUnique({
          ...query,
          where: {
            organisationId_label: { organisationId: q.organisationId, label: q.quarter.label },
          },
        }),
    }),
    dueCommitments: t.prismaField({
      type: ['Commitment'],
      description: 'Commitments due in this quarter, by due date.',
      complexity: { field: 1, multiplier: 5 },
      resolve: (query, q, _args, ctx) =>
        prisma(ctx).commitment.findMany({
          ...query,
          where: {
            planId: q.planId,
            dueDate: { gte: toDbDate(q.quarter.startDate), lte: toDbDate(q.quarter.endDate) },
          },
          orderBy: [{ dueDate: 'asc' }, { code: 'asc' }],
        }),
    }),
    dueActions: t.prismaField({
      type: ['DeliveryAction'],
      description: 'Delivery actions (not archived) due in this quarter, by due date.',
      complexity: { field: 1, multiplier: 10 },
      resolve: (query, q, _args, ctx) =>
        prisma(ctx).deliveryAction.findMany({
          ...query,
          where: {
            commitment: { planId: q.planId },
            archivedAt: null,
            dueDate: { gte: toDbDate(q.quarter.startDate), lte: toDbDate(q.quarter.endDate) },
          },
          orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
        }),
    }),
    updates: t.prismaField({
      type: ['ProgressUpdate'],
      description: "Progress updates for this period (recorded by the plan's date), oldest first.",
      complexity: { field: 1, multiplier: 10 },
      resolve: (query, q, _args, ctx) =>
        prisma(ctx).progressUpdate.findMany({
          ...query,
          where: {
            commitment: { planId: q.planId },
            period: q.quarter.label,
            recordedOn: { lte: recordedBy(q) },
          },
          orderBy: [{ recordedOn: 'asc' }, { createdAt: 'asc' }],
        }),
    }),
    updateCount: t.int({
      description: "How many progress updates were written for this period (by the plan's date).",
      resolve: async (q, _args, ctx) =>
        (await updateCounts(ctx, q.planId, q.asAt)).get(q.quarter.label) ?? 0,
    }),
  }),
});

const TimelineYearType = builder.objectRef<TimelineYear>('TimelineYear').implement({
  description: 'One financial year (April to March) of the plan period.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'e.g. `2021/22`.' }),
    quarters: t.field({
      type: [TimelineQuarterType],
      description: 'Its quarters within the plan period.',
      resolve: (y) => y.quarters,
    }),
  }),
});

const TimelineType = builder.objectRef<Timeline>('Timeline').implement({
  description: 'The plan period as financial years and quarters.',
  fields: (t) => ({
    quarters: t.field({
      type: [TimelineQuarterType],
      description: 'Every quarter of the plan period, in order (32 for 2021–29).',
      complexity: { field: 1, multiplier: 32 },
      resolve: (timeline) => timeline.quarters,
    }),
    financialYears: t.field({
      type: [TimelineYearType],
      description: 'The financial years of the plan period, in order.',
      complexity: { field: 1, multiplier: 8 },
      resolve: (timeline) => {
        const years: TimelineYear[] = [];
        for (const q of timeline.quarters) {
          const last = years.at(-1);
          if (last?.label === q.quarter.financialYear) last.quarters.push(q);
          else years.push({ label: q.quarter.financialYear, quarters: [q] });
        }
        return years;
      },
    }),
  }),
});

builder.objectField(PlanRef, 'timeline', (t) =>
  t.field({
    type: TimelineType,
    description:
      'The plan against its timeline: financial years, quarters, what was due and updated in each.',
    resolve: (plan, _args, ctx, info) => ({
      quarters: planQuarters(fromDbDate(plan.periodStart), fromDbDate(plan.periodEnd)).map(
        (quarter) => ({
          planId: plan.id,
          organisationId: plan.organisationId,
          quarter,
          asAt: asAtOf(ctx, info),
        }),
      ),
    }),
  }),
);
