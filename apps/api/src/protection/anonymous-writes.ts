/**
 * Refuses writes by anonymous callers before their input is validated (audit, issue 15): without
 * this, an anonymous caller with a bad input learnt the input's rules (VALIDATION) instead of
 * being told to sign in. The validation plugin validates in Pothos' argument mapping, which runs
 * before every plugin's resolver wrapper (scope-auth's included), so this wraps the argument
 * mapping itself. The errors plugin, listed before it, turns the refusal into the mutation's
 * typed ForbiddenError. Every other check (roles, scopes, ownership) stays where it was: in the db
 * service's transaction, on the record it loaded.
 */
import { forbiddenError } from '@plan-tracker/domain';
import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';

/** Mutations anyone may call. */
const OPEN_MUTATIONS: ReadonlySet<string> = new Set(['signIn', 'signOut']);

export class AnonymousWritesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || fieldConfig.kind !== 'Mutation' || OPEN_MUTATIONS.has(fieldConfig.name)) {
      return resolver;
    }
    return (parent, args, context, info) => {
      if ((context as Context).caller.kind === 'anonymous') {
        throw apiError(forbiddenError('sign in to make changes.'));
      }
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      anonymousWrites: AnonymousWritesPlugin<Types>;
    }
  }
}

export const ANONYMOUS_WRITES_PLUGIN = 'anonymousWrites';
SchemaBuilder.registerPlugin(ANONYMOUS_WRITES_PLUGIN, AnonymousWritesPlugin);
