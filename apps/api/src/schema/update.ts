// Progress updates: append-only dated entries on a commitment or one of its actions.

import { addProgressUpdate } from '@plan-tracker/db';
import {
  type EvidenceLink,
  EvidenceLinkSchema,
  notFoundError,
  ProgressUpdateInputSchema,
} from '@plan-tracker/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { apiError } from '../errors.js';
import { LifecycleStatusEnum, RagEnum } from './scalars.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

export const EvidenceLinkType = builder.objectRef<EvidenceLink>('EvidenceLink').implement({
  description: 'A link to evidence behind an update.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'What the link is.' }),
    url: t.exposeString('url', { description: 'An http or https address.' }),
  }),
});

/** The stored evidence JSON, keeping only well-formed links. */
export function evidenceOf(value: unknown): EvidenceLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = EvidenceLinkSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const ProgressUpdateRef = builder.prismaNode('ProgressUpdate', {
  description:
    'An append-only, dated entry on a commitment or one of its actions, with the figures before and after, a narrative and evidence.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, commitment: { plan: visiblePlanWhere(ctx.caller) } }),
  fields: (t) => ({
    period: t.exposeString('period', { description: 'Reporting period, e.g. `2021/22 Q2`.' }),
    recordedOn: t.expose('recordedOn', { type: 'Date', description: 'When it was written.' }),
    author: t.exposeString('author', {
      nullable: true,
      description:
        "Who wrote it. People's details: staff of the organisation only, null for others.",
      authScopes: (u) => ({ staffOf: u.organisationId }),
      unauthorizedResolver: () => null,
    }),
    commitment: t.relation('commitment', {
      description: 'The commitment it is about (also for an update on an action).',
    }),
    action: t.relation('action', {
      nullable: true,
      description: 'The action it is about, if any.',
    }),
    statusBefore: t.field({
      type: LifecycleStatusEnum,
      nullable: true,
      description: 'Status before.',
      resolve: (u) => u.statusBefore,
    }),
    statusAfter: t.field({
      type: LifecycleStatusEnum,
      description: 'Status after.',
      resolve: (u) => u.statusAfter,
    }),
    ragBefore: t.field({
      type: RagEnum,
      nullable: true,
      description: 'RAG before; null = not rated.',
      resolve: (u) => u.ragBefore,
    }),
    ragAfter: t.field({
      type: RagEnum,
      nullable: true,
      description: 'RAG after; null = not rated.',
      resolve: (u) => u.ragAfter,
    }),
    progressBefore: t.exposeInt('progressBefore', {
      nullable: true,
      description: 'Progress before, 0–100.',
    }),
    progressAfter: t.exposeInt('progressAfter', {
      nullable: true,
      description: 'Progress after, 0–100.',
    }),
    narrative: t.exposeString('narrative', { description: 'What happened, in words.' }),
    evidence: t.field({
      type: [EvidenceLinkType],
      description: 'Links to the evidence.',
      resolve: (u) => evidenceOf(u.evidence),
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Writes

const EvidenceLinkInput = builder.inputType('EvidenceLinkInput', {
  description: 'A link to evidence: a title and an http or https address.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'What the link is.' }),
    url: t.string({ required: true, description: 'An http or https address.' }),
  }),
});

const ProgressUpdateInput = builder.inputType('ProgressUpdateInput', {
  description: "A new progress update. Validated by the domain's ProgressUpdateInputSchema.",
  validate: ProgressUpdateInputSchema,
  fields: (t) => ({
    period: t.string({ required: true, description: 'Reporting period, e.g. `2021/22 Q2`.' }),
    recordedOn: t.field({
      type: 'Date',
      required: true,
      description: 'When it is written; the date its figures are true from.',
    }),
    narrative: t.string({
      required: true,
      description: 'What happened, in words (1–5000 characters).',
    }),
    statusAfter: t.field({
      type: LifecycleStatusEnum,
      description: 'Status after; unchanged when omitted.',
    }),
    ragAfter: t.field({ type: RagEnum, description: 'RAG after; unchanged when omitted.' }),
    progressAfter: t.int({ description: 'Progress after, 0–100; unchanged when omitted.' }),
    owner: t.string({
      description:
        'A new owner of the work, saved with the update; unchanged when omitted, null clears it. Changing it needs the right to edit the work (not only to report on it).',
    }),
    startDate: t.field({
      type: 'Date',
      description:
        'A new start date, saved with the update; unchanged when omitted, null clears it.',
    }),
    dueDate: t.field({
      type: 'Date',
      description: 'A new due date, saved with the update; unchanged when omitted, null clears it.',
    }),
    evidence: t.field({
      type: [EvidenceLinkInput],
      description: 'Links to evidence (at most 20).',
    }),
  }),
});

builder.mutationField('addProgressUpdate', (t) =>
  t.prismaField({
    type: ProgressUpdateRef,
    description:
      'Appends a progress update to a commitment or action and applies its figures. Editors and admins; contributors on work they own; API keys with the `write:updates` scope.',
    errors: { types: WRITE_ERRORS },
    args: {
      subject: t.arg.id({
        required: true,
        description: 'The commitment or delivery action (global ID).',
      }),
      expectedVersion: t.arg.int({
        required: true,
        description: "The subject's `version` you read.",
      }),
      reason: t.arg.string({
        description:
          "Why, when the update reopens or revives work or sets a commitment's figures over its actions.",
      }),
      input: t.arg({ type: ProgressUpdateInput, required: true, description: 'The update.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const subjectId = String(args.subject);
      let typename: 'Commitment' | 'DeliveryAction';
      try {
        typename =
          decodeGlobalID(subjectId).typename === 'DeliveryAction' ? 'DeliveryAction' : 'Commitment';
      } catch {
        throw apiError(notFoundError('Commitment', subjectId));
      }
      const id = idOf(subjectId, typename);
      const { update } = await unwrap(
        addProgressUpdate(prisma(ctx), actor, {
          subject: { type: typename, id },
          expectedVersion: args.expectedVersion,
          reason: args.reason ?? undefined,
          input: args.input as Parameters<typeof addProgressUpdate>[2]['input'],
        }),
      );
      return prisma(ctx).progressUpdate.findUniqueOrThrow({ ...query, where: { id: update.id } });
    },
  }),
);
