// The audit log for administrators: every change the db services recorded (who, when, what,
// before and after), newest first, a page at a time, for the caller's organisation only.
import type { Prisma } from '@plan-tracker/db';
import { addDays, auditLogRefusal, type IsoDate, startOfPlanDay } from '@plan-tracker/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { NO_ORGANISATION } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { contains } from '../plan/filters.js';

/** The caller's organisation when they may read the audit log; an id no row has otherwise. */
function auditOrganisation(ctx: Context): string {
  return ctx.caller.kind !== 'anonymous' && auditLogRefusal(ctx.caller) === null
    ? ctx.caller.organisationId
    : NO_ORGANISATION;
}

/** History entity types that are also node types of this schema (same name). */
const NODE_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'Commitment',
  'DeliveryAction',
  'Milestone',
  'MeasureValue',
  'ReportingPeriod',
  'User',
  'ApiKey',
]);

export const AuditEntryRef = builder.prismaNode('AuditLog', {
  name: 'AuditEntry',
  description:
    'One change in the audit log: who made it, when, to what, and the changed fields before and after. Administrators of the organisation only.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, organisationId: auditOrganisation(ctx) }),
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When it was recorded.' }),
    effectiveOn: t.expose('effectiveOn', {
      type: 'Date',
      nullable: true,
      description:
        "The date the change is true from (a progress update's date, or the date given); null on entries older than this field.",
    }),
    period: t.exposeString('period', {
      nullable: true,
      description: 'The reporting period it belongs to, e.g. `2021/22 Q2`, if any.',
    }),
    actor: t.exposeString('actor', {
      description: 'Who made it, as people see them: a name, `api-key:<prefix>`, or `system`.',
    }),
    entityType: t.exposeString('entityType', {
      description:
        'The kind of record changed: `Commitment`, `DeliveryAction`, `Milestone`, `MeasureValue`, `ReportingPeriod` or `User`.',
    }),
    entityId: t.exposeString('entityId', { description: 'The database id of the record changed.' }),
    entityGlobalId: t.id({
      nullable: true,
      description:
        'The global ID of the record changed, for `node(id:)`; null for kinds of record the API does not serve.',
      resolve: (entry) =>
        NODE_ENTITY_TYPES.has(entry.entityType)
          ? encodeGlobalID(entry.entityType, entry.entityId)
          : null,
    }),
    action: t.exposeString('action', {
      description:
        "What happened: `create`, `update`, `status`, `progress-update`, `roll-up` (a commitment's figures worked out again from its delivery actions), `archive`, `complete`, `record`, `close` or `reopen`.",
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The changed fields before (dates as `YYYY-MM-DD`); null for a creation.',
      resolve: (entry) => entry.before,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The changed fields after.',
      resolve: (entry) => entry.after,
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Why, in the words of whoever made it, if they said.',
    }),
    plan: t.relation('plan', {
      nullable: true,
      description:
        'The plan the record belongs to; null for users and other organisation-wide records.',
    }),
  }),
});

interface AuditFilterArgs {
  entityType?: string | null;
  entityId?: string | null;
  action?: string | null;
  actor?: string | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
  planSlug?: string | null;
}

const AuditLogFilter = builder.inputRef<AuditFilterArgs>('AuditLogFilter').implement({
  description: 'Which audit entries to list; every condition given must hold.',
  fields: (t) => ({
    entityType: t.string({
      description: 'Only changes to this kind of record, e.g. `Commitment`.',
    }),
    entityId: t.string({ description: 'Only changes to the record with this database id.' }),
    action: t.string({ description: 'Only this action, e.g. `status`.' }),
    actor: t.string({ description: 'Who made it contains this text, ignoring case.' }),
    from: t.field({
      type: 'Date',
      description: 'Recorded on or after this day (UK time).',
    }),
    to: t.field({ type: 'Date', description: 'Recorded on or before this day (UK time).' }),
    planSlug: t.string({
      description: 'Only changes to records of this plan, e.g. `dorset-2021-29`.',
    }),
  }),
});

function auditWhere(
  ctx: Context,
  filter: AuditFilterArgs | null | undefined,
): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [{ organisationId: auditOrganisation(ctx) }];
  const f = filter ?? {};
  const text = (value: string | null | undefined) => value?.trim() || null;
  const entityType = text(f.entityType);
  if (entityType) and.push({ entityType });
  const entityId = text(f.entityId);
  if (entityId) and.push({ entityId });
  const action = text(f.action);
  if (action) and.push({ action });
  const actor = text(f.actor);
  if (actor) and.push({ actor: contains(actor) });
  if (f.from && f.to && f.from > f.to) {
    throw new GraphQLError(`The filter's from (${f.from}) is after its to (${f.to}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (f.from) and.push({ at: { gte: startOfPlanDay(f.from) } });
  if (f.to) and.push({ at: { lt: startOfPlanDay(addDays(f.to, 1)) } });
  const planSlug = text(f.planSlug);
  if (planSlug) and.push({ plan: { slug: planSlug } });
  return { AND: and };
}

builder.queryField('auditLog', (t) =>
  t.prismaConnection(
    {
      type: AuditEntryRef,
      cursor: 'id',
      description:
        "Your organisation's audit log, newest first, filtered, a page at a time. Administrators only: anyone else is refused with FORBIDDEN. Page size: `first`/`last` default 20 and may be at most 100; a larger value is rejected with PAGE_SIZE_TOO_LARGE (not clamped), before anything runs.",
      complexity: (args) => ({ field: 2, multiplier: args.first ?? args.last ?? 20 }),
      args: {
        filter: t.arg({ type: AuditLogFilter, description: 'Conditions; none lists everything.' }),
      },
      // Refused before the resolvers run, so a refused caller reads nothing.
      authScopes: (_root, _args, ctx) => auditLogRefusal(ctx.caller) === null,
      unauthorizedError: (_root, _args, ctx) =>
        new GraphQLError(`You cannot do this: ${auditLogRefusal(ctx.caller)}`, {
          extensions: { code: 'FORBIDDEN' },
        }),
      totalCount: (_root, args, ctx) =>
        prisma(ctx).auditLog.count({ where: auditWhere(ctx, args.filter) }),
      resolve: (query, _root, args, ctx) =>
        prisma(ctx).auditLog.findMany({
          ...query,
          where: auditWhere(ctx, args.filter),
          // `sequence` is the written order: it breaks ties between entries of the same instant.
          orderBy: [{ at: 'desc' }, { sequence: 'desc' }],
        }),
    },
    {
      description: 'A page of audit entries.',
      // Replaces the plugin's own totalCount field only to give it a description.
      fields: (tc) => ({
        totalCount: tc.int({
          description: 'How many entries match the filter, on every page.',
          resolve: (connection) =>
            (connection as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
    { description: 'An audit entry and its cursor.' },
  ),
);
