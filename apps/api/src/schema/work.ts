// What commitments and delivery actions share in the schema: the filter input of their
// connections and the helper for internal (staff-only) fields.

import type { IsoDate, LifecycleStatus, Rag } from '@plan-tracker/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import type { WorkFilter } from '../plan/filters.js';
import { LifecycleStatusEnum, RagEnum } from './scalars.js';

export interface WorkFilterArgs {
  priority?: string | null;
  theme?: string | null;
  status?: LifecycleStatus[] | null;
  rag?: Rag[] | null;
  notRated?: boolean | null;
  owner?: string | null;
  overdueAt?: IsoDate | null;
  dueFrom?: IsoDate | null;
  dueTo?: IsoDate | null;
  search?: string | null;
}

export const WorkFilterInput = builder.inputRef<WorkFilterArgs>('WorkFilter').implement({
  description: 'Conditions on commitments or actions; every condition given must hold.',
  fields: (t) => ({
    priority: t.id({ description: 'Only under this priority (global ID).' }),
    theme: t.id({ description: 'Only under this theme (global ID).' }),
    status: t.field({
      type: [LifecycleStatusEnum],
      description: "Only these lifecycle statuses (as at the plan's date).",
    }),
    rag: t.field({
      type: [RagEnum],
      description: "Only these RAG ratings (as at the plan's date).",
    }),
    notRated: t.boolean({ description: 'Also (or, without `rag`, only) those not yet rated.' }),
    owner: t.string({ description: 'Owner contains this text, ignoring case.' }),
    overdueAt: t.field({
      type: 'Date',
      description:
        'Only those overdue at this date: due before it, neither completed nor withdrawn.',
    }),
    dueFrom: t.field({ type: 'Date', description: 'Due on or after this date.' }),
    dueTo: t.field({ type: 'Date', description: 'Due on or before this date.' }),
    search: t.string({ description: 'Text contains this, ignoring case (or a commitment code).' }),
  }),
});

/** The database id inside a global ID of `typename`; a BAD_USER_INPUT error for any other. */
export function localId(globalId: string | null | undefined, typename: string): string | undefined {
  if (!globalId) return undefined;
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`${JSON.stringify(globalId)} is not the ID of a ${typename}.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** The filter with global IDs decoded. */
export function workFilterFrom(args: WorkFilterArgs | null | undefined): WorkFilter {
  if (!args) return {};
  return {
    ...args,
    priorityId: localId(args.priority, 'Priority'),
    themeId: localId(args.theme, 'Theme'),
  };
}
