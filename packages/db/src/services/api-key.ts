// Creating and revoking the API keys partner systems call with: administrators only, judged
// inside the transaction like every write, and recorded in history (never the key or its hash).
import { ApiKeyInputSchema } from '@plan-tracker/domain';
import type { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { notFoundError, type ServiceResult, zodValidationError } from './errors.js';
import { abort, appendHistory, authorise, effectiveFrom, pickFields, runWrite } from './write.js';

/** An API key as history and callers see it: never its secret or hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly version: number;
}

const API_KEY_FIELDS = ['name', 'prefix', 'scopes', 'expiresAt', 'revokedAt'] as const;

function apiKeyRecord(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  version: number;
}): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: [...row.scopes],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export interface CreateApiKeyArgs {
  readonly input: z.input<typeof ApiKeyInputSchema>;
  /** The key's visible prefix and the hash of the whole key (made by the caller; never the key). */
  readonly prefix: string;
  readonly hash: string;
}

/** Creates an API key of the actor's organisation. Administrators only. */
export async function createApiKey(
  prisma: PrismaClient,
  actor: Actor,
  args: CreateApiKeyArgs,
): Promise<ServiceResult<{ record: ApiKeyRecord; historyId: string }>> {
  const parsed = ApiKeyInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  return runWrite(prisma, async (tx) => {
    authorise(actor, 'manageKeys', { organisationId: actor.organisationId });
    const row = await tx.apiKey.create({
      data: {
        organisationId: actor.organisationId,
        name: input.name,
        prefix: args.prefix,
        hash: args.hash,
        scopes: [...new Set(input.scopes)],
        createdById: actor.userId,
        expiresAt: input.expiresAt,
      },
    });
    const record = apiKeyRecord(row);
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'ApiKey',
      entityId: record.id,
      action: 'create',
      effective: effectiveFrom(undefined),
      before: null,
      after: pickFields(record, API_KEY_FIELDS),
      note: null,
    });
    return { record, historyId };
  });
}

/** Revokes an API key of the actor's organisation at once; revoking it again changes nothing. */
export async function revokeApiKey(
  prisma: PrismaClient,
  actor: Actor,
  args: { readonly id: string },
): Promise<ServiceResult<{ record: ApiKeyRecord; historyId: string | null }>> {
  return runWrite(prisma, async (tx) => {
    authorise(actor, 'manageKeys', { organisationId: actor.organisationId });
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ApiKey"
      WHERE "id" = ${args.id} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    if (rows.length === 0) abort(notFoundError('ApiKey', args.id));
    const current = await tx.apiKey.findUniqueOrThrow({ where: { id: args.id } });
    if (current.revokedAt) return { record: apiKeyRecord(current), historyId: null };
    const row = await tx.apiKey.update({
      where: { id: args.id },
      data: { revokedAt: new Date(), version: { increment: 1 } },
    });
    const record = apiKeyRecord(row);
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'ApiKey',
      entityId: record.id,
      action: 'revoke',
      effective: effectiveFrom(undefined),
      before: { revokedAt: null },
      after: { revokedAt: record.revokedAt },
      note: null,
    });
    return { record, historyId };
  });
}
