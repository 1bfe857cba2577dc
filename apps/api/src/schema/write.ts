// What every mutation shares: who the db services record as acting (and judge with the access
// rules inside their transaction), and the services' typed failures turned into the schema's
// error results.
import type { Actor, ServiceResult } from '@plan-tracker/db';
import { actorName, forbiddenError, notFoundError } from '@plan-tracker/domain';
import type { Context } from '../context.js';
import { apiError, MUTATION_ERRORS } from '../errors.js';
import { anonymousRefusal } from '../protection/anonymous-writes.js';
import { localId } from './work.js';

/** The error types every write mutation may return. */
export const WRITE_ERRORS = [...MUTATION_ERRORS];

/** The actor the services record in history; throws ForbiddenError for anonymous callers. */
export function actorOf(ctx: Context): Actor {
  const { caller } = ctx;
  if (caller.kind === 'anonymous') throw apiError(forbiddenError(anonymousRefusal(ctx)));
  const label =
    caller.kind === 'user' ? `${caller.name} (${caller.role})` : `API key ${caller.prefix}`;
  return {
    organisationId: caller.organisationId,
    userId: caller.kind === 'user' ? caller.userId : null,
    apiKeyId: caller.kind === 'apiKey' ? caller.apiKeyId : null,
    label: label || actorName(caller),
    caller,
  };
}

/**
 * The database id in a global ID; a NotFoundError for an ID of another type. (Not Pothos'
 * `t.arg.globalID`: its parser throws outside the errors plugin, so an ID of the wrong type
 * would be an error instead of the typed NotFoundError result clients branch on.)
 */
export function idOf(globalId: string, typename: string): string {
  try {
    const id = localId(globalId, typename);
    if (id) return id;
  } catch {
    // reported below
  }
  throw apiError(notFoundError(typename as never, globalId));
}

/** The value of a service result, or its failure thrown as the schema's typed error. */
export async function unwrap<T>(result: Promise<ServiceResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) {
    const failure = settled.error;
    // Input paths are relative to the mutation's `input` argument.
    throw apiError(
      failure.code === 'VALIDATION'
        ? {
            ...failure,
            issues: failure.issues.map((issue) => ({ ...issue, path: ['input', ...issue.path] })),
          }
        : failure,
    );
  }
  return settled.value;
}
