// What every mutation shares: who the db services record as acting, the access check on the
// record written, and the services' typed failures turned into the schema's error results.
import type { Actor, ServiceError, ServiceResult } from '@plan-tracker/db';
import { actorName } from '../access/caller.js';
import { type WriteKind, writeRefusal } from '../access/rules.js';
import type { Context } from '../context.js';
import {
  type ApiError,
  ConflictError,
  ForbiddenError,
  MUTATION_ERRORS,
  NotFoundError,
  PeriodClosedError,
  TransitionError,
  ValidationError,
} from '../errors.js';
import { localId } from './work.js';

/** The error types every write mutation may return. */
export const WRITE_ERRORS = [...MUTATION_ERRORS];

/** The actor the services record in history; throws ForbiddenError for anonymous callers. */
export function actorOf(ctx: Context): Actor {
  const { caller } = ctx;
  if (caller.kind === 'anonymous') throw new ForbiddenError('sign in to make changes.');
  const label =
    caller.kind === 'user' ? `${caller.name} (${caller.role})` : `API key ${caller.prefix}`;
  return {
    organisationId: caller.organisationId,
    userId: caller.kind === 'user' ? caller.userId : null,
    apiKeyId: caller.kind === 'apiKey' ? caller.apiKeyId : null,
    label: label || actorName(caller),
  };
}

/** Throws ForbiddenError unless the caller may make this write to the record. */
export function assertMay(
  ctx: Context,
  kind: WriteKind,
  record: { organisationId: string; owner?: string | null; parentOwner?: string | null },
): void {
  const refusal = writeRefusal(ctx.caller, kind, record);
  if (refusal) throw new ForbiddenError(refusal);
}

/** The database id in a global ID; a NotFoundError for an ID of another type. */
export function idOf(globalId: string, typename: string): string {
  try {
    const id = localId(globalId, typename);
    if (id) return id;
  } catch {
    // reported below
  }
  throw new NotFoundError(typename, globalId);
}

/** The caller's organisation, for scoping look-ups; anonymous callers have none. */
export function organisationOf(ctx: Context): string {
  return ctx.caller.kind === 'anonymous' ? '\u0000none' : ctx.caller.organisationId;
}

function errorFrom(error: ServiceError): ApiError {
  switch (error.code) {
    case 'VALIDATION':
      return new ValidationError(
        error.issues.map((issue) => ({ path: ['input', ...issue.path], message: issue.message })),
      );
    case 'CONFLICT':
      return new ConflictError(error.message, error.currentVersion, error.current);
    case 'NOT_FOUND':
      return new NotFoundError(error.entity, error.id);
    case 'FORBIDDEN':
      return new ForbiddenError(error.reason);
    case 'PERIOD_CLOSED':
      return new PeriodClosedError(error.period, error.message);
    case 'TRANSITION':
      return new TransitionError(
        error.message,
        error.transitionCode,
        error.from,
        error.to,
        error.allowed,
      );
  }
}

/** The value of a service result, or its failure thrown as the schema's typed error. */
export async function unwrap<T>(result: Promise<ServiceResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw errorFrom(settled.error);
  return settled.value;
}
