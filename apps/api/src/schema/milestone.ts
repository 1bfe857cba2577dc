// Milestones: dated steps within a delivery action.
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';

export const MilestoneRef = builder.prismaNode('Milestone', {
  description: 'A dated step within a delivery action.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, action: { commitment: { plan: visiblePlanWhere(ctx.caller) } } }),
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What marks the step.' }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due.' }),
    completedOn: t.field({
      type: 'Date',
      nullable: true,
      description: "When it was reached; null if not reached by the plan's date.",
      resolve: (m, _args, ctx) =>
        m.completedOn && (!ctx.asAt || m.completedOn.toISOString().slice(0, 10) <= ctx.asAt)
          ? m.completedOn
          : null,
    }),
    action: t.relation('action', { description: 'The delivery action.' }),
    version: t.int({
      nullable: true,
      description: 'Version for optimistic concurrency. Staff of the organisation only.',
      authScopes: (m) => ({ staffOf: m.organisationId }),
      unauthorizedResolver: () => null,
      resolve: (m) => m.version,
    }),
  }),
});
