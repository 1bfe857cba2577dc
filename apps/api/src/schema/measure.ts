// Measures of a priority's progress and their value in each reporting period.

import { recordMeasureValue } from '@plan-tracker/db';
import { MeasureValueInputSchema, measurePeriodCounts } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { asAtOf } from '../plan/as-at.js';
import { MeasureDirectionEnum } from './scalars.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

export const MeasureRef = builder.prismaNode('Measure', {
  description: "A way of measuring a priority's progress, e.g. total crime or victim satisfaction.",
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, priority: { plan: visiblePlanWhere(ctx.caller) } }),
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Position within the priority.' }),
    name: t.exposeString('name', { description: 'What is measured.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Unit of the values, e.g. `%`.' }),
    direction: t.field({
      type: MeasureDirectionEnum,
      description: 'Direction of good.',
      resolve: (m) => m.direction,
    }),
    baseline: t.exposeFloat('baseline', { nullable: true, description: 'Where it started.' }),
    target: t.exposeFloat('target', { nullable: true, description: 'Where it should get to.' }),
    priority: t.relation('priority', { description: 'The priority it measures.' }),
    values: t.field({
      type: [MeasureValueRef],
      description:
        "Its values by period, oldest first (as at the plan's date: periods ended and values recorded by then).",
      complexity: { field: 1, multiplier: 32 },
      select: (_args, _ctx, nestedSelection) => ({
        values: nestedSelection({ orderBy: { period: 'asc' as const } }),
      }),
      resolve: (m, _args, ctx, info) => {
        const asAt = asAtOf(ctx, info);
        return m.values.filter((v) => measurePeriodCounts(v.period, asAt));
      },
    }),
  }),
});

export const MeasureValueRef = builder.prismaNode('MeasureValue', {
  description: "A measure's value for one reporting period.",
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, measure: { priority: { plan: visiblePlanWhere(ctx.caller) } } }),
  fields: (t) => ({
    period: t.exposeString('period', { description: 'Reporting period, e.g. `2021/22 Q2`.' }),
    value: t.exposeFloat('value', { description: 'The value.' }),
    note: t.exposeString('note', { nullable: true, description: 'A note on the value.' }),
    recordedOn: t.expose('recordedOn', { type: 'Date', description: 'When it was recorded.' }),
    measure: t.relation('measure', { description: 'The measure.' }),
    version: t.int({
      nullable: true,
      description: 'Version for optimistic concurrency. Staff of the organisation only.',
      authScopes: (v) => ({ staffOf: v.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (v) => v.version,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Writes

const MeasureValueInput = builder.inputType('MeasureValueInput', {
  description:
    "A measure's value for one reporting period. Validated by the domain's MeasureValueInputSchema.",
  validate: MeasureValueInputSchema,
  fields: (t) => ({
    measureId: t.id({ required: true, description: 'The measure (global ID).' }),
    period: t.string({ required: true, description: 'Reporting period, e.g. `2021/22 Q2`.' }),
    value: t.float({ required: true, description: 'The value.' }),
    note: t.string({ description: 'A note on the value.' }),
    recordedOn: t.field({ type: 'Date', required: true, description: 'When it was recorded.' }),
  }),
});

builder.mutationField('recordMeasureValue', (t) =>
  t.prismaField({
    type: MeasureValueRef,
    description: "Records or replaces a measure's value for a period. Editors and admins.",
    errors: { types: WRITE_ERRORS },
    args: {
      input: t.arg({ type: MeasureValueInput, required: true, description: 'The value.' }),
      expectedVersion: t.arg.int({
        description: 'The version of the value already recorded for this period, if you saw one.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const measureId = idOf(String(args.input.measureId), 'Measure');
      const { record } = await unwrap(
        recordMeasureValue(prisma(ctx), actor, {
          input: {
            ...(args.input as Parameters<typeof recordMeasureValue>[2]['input']),
            measureId,
          },
          expectedVersion: args.expectedVersion ?? null,
        }),
      );
      return prisma(ctx).measureValue.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);
