/**
 * The one `graphql` tag: gql.tada infers each operation's result and variables from the API's
 * schema.graphql (via the introspection types `pnpm generate` writes), so no type here is
 * written by hand.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './generated/graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  // Screens read fragments' fields directly; the operations are small enough not to need masking.
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
