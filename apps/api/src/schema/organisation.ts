// The tenant: an office such as the Dorset OPCC, and the root `organisation` query.
import { visibleOrganisationWhere, visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';

builder.prismaNode('Organisation', {
  description:
    'An office, such as the Office of the Dorset Police and Crime Commissioner. Everything belongs to one.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleOrganisationWhere(ctx.caller)] }),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe name, e.g. `dorset-opcc`.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    plans: t.relation('plans', {
      description:
        'The plans you may see: published ones, and all of your own organisation; archived ones only with `includeArchived`. Newest first.',
      complexity: { field: 1, multiplier: 3 },
      args: {
        includeArchived: t.arg.boolean({
          defaultValue: false,
          description:
            'Also list archived plans (kept for their staff, out of pickers). Default false.',
        }),
      },
      query: (args, ctx) => ({
        where: {
          AND: [visiblePlanWhere(ctx.caller), args.includeArchived ? {} : { archivedAt: null }],
        },
        orderBy: { periodStart: 'desc' },
      }),
    }),
  }),
});

builder.queryField('organisation', (t) =>
  t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'An organisation by its slug, if it has a published plan or is yours.',
    args: { slug: t.arg.string({ required: true, description: 'e.g. `dorset-opcc`.' }) },
    resolve: (query, _root, args, ctx) =>
      prisma(ctx).organisation.findFirst({
        ...query,
        where: { slug: args.slug, ...visibleOrganisationWhere(ctx.caller) },
      }),
  }),
);
