// Roll-ups: the same summary at every level, from a commitment to the whole plan, computed by
// the domain's rollUpPlan over a per-request snapshot of the plan (plan/snapshot.ts).
import {
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  RAG_KEYS,
  type RagKey,
  type RollUp,
} from '@plan-tracker/domain';
import { builder } from '../builder.js';
import { LifecycleStatusEnum, RagEnum } from './scalars.js';

export const RollUpBasisEnum = builder.enumType('RollUpBasis', {
  description: 'Where the figures of a roll-up came from.',
  values: {
    ACTIONS: { description: "A commitment's delivery actions." },
    OVERRIDE: { description: "A commitment's own figures, set by staff with a reason." },
    OWN_FIGURES: { description: "A commitment's own figures, as it has no actions yet." },
    COMMITMENTS: { description: 'The commitments of a theme, priority, section or plan.' },
  },
});

const RagKeyEnum = builder.enumType('RagKey', {
  description: 'A RAG rating, or NONE for not yet rated.',
  values: {
    GREEN: { description: 'On track.' },
    AMBER: { description: 'At risk.' },
    RED: { description: 'Off track.' },
    NONE: { description: 'Not yet rated.' },
  } satisfies Record<RagKey, { description: string }>,
});

interface StatusCount {
  status: LifecycleStatus;
  count: number;
}
interface RagCount {
  rag: RagKey;
  count: number;
}

export const StatusCountType = builder.objectRef<StatusCount>('StatusCount').implement({
  description: 'How many items have one lifecycle status.',
  fields: (t) => ({
    status: t.field({
      type: LifecycleStatusEnum,
      description: 'The status.',
      resolve: (c) => c.status,
    }),
    count: t.exposeInt('count', { description: 'Items with it.' }),
  }),
});

export const RagCountType = builder.objectRef<RagCount>('RagCount').implement({
  description: 'How many items have one RAG rating.',
  fields: (t) => ({
    rag: t.field({ type: RagKeyEnum, description: 'The rating.', resolve: (c) => c.rag }),
    count: t.exposeInt('count', { description: 'Items with it.' }),
  }),
});

export const RollUpType = builder.objectRef<RollUp>('RollUp').implement({
  description:
    'Summary figures of a set of items (actions for a commitment, commitments above it), judged at the plan\'s "as at" date.',
  fields: (t) => ({
    basis: t.field({
      type: RollUpBasisEnum,
      description: 'Where the figures came from.',
      resolve: (r) => r.basis,
    }),
    count: t.exposeInt('count', { description: 'Number of items summarised.' }),
    byStatus: t.field({
      type: [StatusCountType],
      description: 'Items by lifecycle status, every status listed.',
      resolve: (r) => LIFECYCLE_STATUSES.map((status) => ({ status, count: r.byStatus[status] })),
    }),
    byRag: t.field({
      type: [RagCountType],
      description: 'Items by RAG, every rating listed (NONE = not yet rated).',
      resolve: (r) => RAG_KEYS.map((rag) => ({ rag, count: r.byRag[rag] })),
    }),
    progressPercent: t.exposeInt('progressPercent', {
      nullable: true,
      description: 'Mean progress of the items not withdrawn, 0–100; null when there are none.',
    }),
    overdue: t.exposeInt('overdue', { description: 'Items overdue at the date.' }),
    nextDueDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Earliest due date among open items.',
      resolve: (r) => r.nextDueDate,
    }),
    status: t.field({
      type: LifecycleStatusEnum,
      nullable: true,
      description: 'Status of the whole; null when there are no items.',
      resolve: (r) => r.status,
    }),
    rag: t.field({
      type: RagEnum,
      nullable: true,
      description: 'RAG of the whole: the worst among open items; null when none is rated.',
      resolve: (r) => r.rag,
    }),
  }),
});
