// Reporting periods: the financial-year quarters an organisation reports on; closing one locks it.
import { closeReportingPeriod, reopenReportingPeriod } from '@plan-tracker/db';
import { PeriodLabelSchema } from '@plan-tracker/domain';
import { visibleOrganisationWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { actorOf, unwrap, WRITE_ERRORS } from './write.js';

export const PeriodRef = builder.prismaNode('ReportingPeriod', {
  description:
    'A financial-year quarter (April to March) the office reports on. Once closed, its updates are locked.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, organisation: visibleOrganisationWhere(ctx.caller) }),
  fields: (t) => ({
    label: t.exposeString('label', { description: 'e.g. `2021/22 Q2`.' }),
    financialYear: t.exposeString('financialYear', { description: 'e.g. `2021/22`.' }),
    quarter: t.exposeInt('quarter', { description: '1 (April–June) to 4 (January–March).' }),
    startDate: t.expose('startDate', { type: 'Date', description: 'First day.' }),
    endDate: t.expose('endDate', { type: 'Date', description: 'Last day.' }),
    closed: t.boolean({
      description: 'Whether it has been closed.',
      resolve: (p) => p.closedAt !== null,
    }),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was closed.',
    }),
    version: t.int({
      nullable: true,
      description: 'Version for optimistic concurrency. Staff of the organisation only.',
      authScopes: (p) => ({ staffOf: p.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (p) => p.version,
    }),
  }),
});

builder.prismaObjectField('Plan', 'reportingPeriods', (t) =>
  t.prismaField({
    type: ['ReportingPeriod'],
    description: "The plan organisation's reporting periods within the plan's span, in order.",
    complexity: { field: 1, multiplier: 32 },
    resolve: (query, plan, _args, ctx) =>
      prisma(ctx).reportingPeriod.findMany({
        ...query,
        where: {
          organisationId: plan.organisationId,
          endDate: { gte: plan.periodStart },
          startDate: { lte: plan.periodEnd },
        },
        orderBy: { startDate: 'asc' },
      }),
  }),
);

builder.mutationField('closeReportingPeriod', (t) =>
  t.prismaField({
    type: PeriodRef,
    description:
      "Closes a reporting period of your organisation, locking its updates, and stores each plan's report of the quarter as final (served byte for byte from then on, chained by SHA-256: `Plan.reportChain`). Quarters close in order: an earlier open quarter is a ValidationError naming it, unless `closeEarlier` closes it too. Administrators only.",
    errors: { types: WRITE_ERRORS },
    args: {
      label: t.arg.string({
        required: true,
        description: 'The period, e.g. `2021/22 Q2`.',
        validate: PeriodLabelSchema,
      }),
      expectedVersion: t.arg.int({
        description: "The period's `version` you read; omit when it has no row yet.",
      }),
      note: t.arg.string({ description: 'A note for the history.' }),
      closeEarlier: t.arg.boolean({
        description:
          'Also close every earlier quarter of your plans that is still open, oldest first, each storing its reports. Default false.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const { record } = await unwrap(
        closeReportingPeriod(prisma(ctx), actor, {
          label: args.label,
          expectedVersion: args.expectedVersion ?? null,
          note: args.note ?? null,
          closeEarlier: args.closeEarlier ?? false,
        }),
      );
      return prisma(ctx).reportingPeriod.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);

builder.mutationField('reopenReportingPeriod', (t) =>
  t.prismaField({
    type: PeriodRef,
    description:
      'Reopens a closed reporting period of your organisation so its records can change again; the reason is kept in the history. Only the latest closed quarter reopens (quarters reopen in reverse order). Its stored reports are kept in the chain, marked superseded, and its report is a draft again until it closes. Administrators only.',
    errors: { types: WRITE_ERRORS },
    args: {
      label: t.arg.string({
        required: true,
        description: 'The period, e.g. `2021/22 Q2`.',
        validate: PeriodLabelSchema,
      }),
      expectedVersion: t.arg.int({
        required: true,
        description: "The period's `version` you read; a stale one is a ConflictError.",
      }),
      reason: t.arg.string({
        required: true,
        description: 'Why the closed period must change again.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const { record } = await unwrap(
        reopenReportingPeriod(prisma(ctx), actor, {
          label: args.label,
          expectedVersion: args.expectedVersion,
          reason: args.reason,
        }),
      );
      return prisma(ctx).reportingPeriod.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);
