// Themes: headings inside a priority, holding its commitments.
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { asAtOf } from '../plan/as-at.js';
import { withCommitmentFigures, withSnapshot } from '../plan/snapshot.js';
import { CommitmentRef } from './commitment.js';
import { RollUpType } from './rollup.js';

builder.prismaNode('Theme', {
  description: 'A heading inside a priority, e.g. "Burglary and Acquisitive Crime".',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, priority: { plan: visiblePlanWhere(ctx.caller) } }),
  fields: (t) => ({
    position: t.exposeInt('position', { description: '1-based position within the priority.' }),
    title: t.exposeString('title', { description: 'Title as published.' }),
    priority: t.relation('priority', { description: 'The priority it belongs to.' }),
    commitments: t.field({
      type: [CommitmentRef],
      description:
        "Its commitments in position order (as at the plan's date: those introduced by then).",
      complexity: { field: 1, multiplier: 8 },
      select: (_args, _ctx, nestedSelection) => ({
        commitments: nestedSelection({ orderBy: { position: 'asc' as const } }),
      }),
      resolve: (theme, _args, ctx, info) => {
        const first = theme.commitments[0];
        if (!first) return [];
        return withCommitmentFigures(ctx, first.planId, asAtOf(ctx, info), ({ inForce }) =>
          theme.commitments.filter((c) => inForce.has(c.id)),
        );
      },
    }),
    rollUp: t.field({
      type: RollUpType,
      description: 'Figures of its commitments.',
      select: { priority: { select: { planId: true } } },
      resolve: (theme, _args, ctx, info) =>
        withSnapshot(ctx, theme.priority.planId, asAtOf(ctx, info), ({ rollUp }) => {
          const result = rollUp.themes.get(theme.id);
          if (!result) throw new Error(`No roll-up for theme ${theme.id}`);
          return result;
        }),
    }),
  }),
});
