/**
 * Refuses writes by callers who may change nothing at all (anonymous callers, viewers, API keys
 * without `write:updates`: the domain's `blanketWriteRefusal`) before their input is validated
 * (audit, issue 15): without this, such a caller with a bad input learnt the input's rules
 * (VALIDATION) instead of being told it may not write. The validation plugin validates in Pothos' argument mapping, which runs
 * before every plugin's resolver wrapper (scope-auth's included), so this wraps the argument
 * mapping itself. The errors plugin, listed before it, turns the refusal into the mutation's
 * typed ForbiddenError. Every check that depends on the write or the record (admin-only writes,
 * ownership, organisation) stays where it was: in the db service's transaction, on the record.
 */
import { blanketWriteRefusal, forbiddenError } from '@plan-tracker/domain';
import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.js';
import { apiError } from '../errors.js';

/** Why an anonymous caller may not write: not signed in, or holding a temporary password. */
export function anonymousRefusal(ctx: Pick<Context, 'passwordChangeOnly'>): string {
  return ctx.passwordChangeOnly
    ? 'change your temporary password first (changePassword).'
    : 'sign in to make changes.';
}

/** Mutations anyone may call. */
// changePassword: a session holding a temporary password is anonymous for everything else,
// and checks its own right to change the password (auth.ts).
const OPEN_MUTATIONS: ReadonlySet<string> = new Set(['signIn', 'signOut', 'changePassword']);

export class AnonymousWritesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!resolver || fieldConfig.kind !== 'Mutation' || OPEN_MUTATIONS.has(fieldConfig.name)) {
      return resolver;
    }
    return (parent, args, context, info) => {
      const ctx = context as Context;
      const refusal = blanketWriteRefusal(ctx.caller);
      if (refusal) {
        throw apiError(
          forbiddenError(ctx.caller.kind === 'anonymous' ? anonymousRefusal(ctx) : refusal),
        );
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
