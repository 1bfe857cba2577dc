/**
 * The one `graphql` tag: gql.tada infers each operation's result and variables from the API's
 * schema.graphql (via the introspection types `pnpm generate` writes), so no type here is
 * written by hand.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  // Fragments live beside the components that read them (HistoryFields, MilestonesFields, the
  // update form's, a commitment's tabs', RollUpFields), and each component reads its own with
  // readFragment. Masking stays off because every mutation's failure is told apart by
  // MutationError.code across the result union (graphql/mutation-errors.ts): a masked interface
  // fragment would hide `code` until the union was narrowed by __typename, which the app does
  // not do. Turning it on later changes types only for the components that use readFragment.
  disableMasking: true;
  introspection: introspection;
  scalars: {
    /** Calendar dates travel as `YYYY-MM-DD`. */
    Date: string;
    /** Instants travel as ISO 8601 strings. */
    DateTime: string;
    /** Free-form values (the audit log's before and after). */
    JSON: unknown;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
