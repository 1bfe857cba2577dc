// The plan's six priorities: aims, outcome, themes, measures and roll-up.
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { asAtOf } from '../plan/as-at.js';
import { withSnapshot } from '../plan/snapshot.js';
import { RollUpType } from './rollup.js';

builder.prismaNode('Priority', {
  description: 'One of the plan\'s priorities, e.g. 1 "Cut crime and anti-social behaviour".',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, plan: visiblePlanWhere(ctx.caller) }),
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1–6.' }),
    title: t.exposeString('title', { description: 'Title as published.' }),
    aims: t.exposeStringList('aims', { description: 'Aim statements, in order.' }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'The outcome sought.' }),
    plan: t.relation('plan', { description: 'The plan.' }),
    themes: t.relation('themes', {
      description: 'Its themes, in order.',
      complexity: { field: 1, multiplier: 6 },
      query: { orderBy: { position: 'asc' } },
    }),
    measures: t.relation('measures', {
      description: 'How progress against it is measured, in order.',
      complexity: { field: 1, multiplier: 4 },
      query: { orderBy: { position: 'asc' } },
    }),
    rollUp: t.field({
      type: RollUpType,
      description: 'Figures of every commitment in its themes.',
      resolve: (priority, _args, ctx, info) =>
        withSnapshot(ctx, priority.planId, asAtOf(ctx, info), ({ rollUp }) => {
          const result = rollUp.priorities.get(priority.id);
          if (!result) throw new Error(`No roll-up for priority ${priority.id}`);
          return result;
        }),
    }),
  }),
});
