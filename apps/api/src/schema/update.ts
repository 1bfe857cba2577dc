// Progress updates: append-only dated entries on a commitment or one of its actions.
import { type EvidenceLink, EvidenceLinkSchema } from '@plan-tracker/domain';
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { LifecycleStatusEnum, RagEnum } from './scalars.js';

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
