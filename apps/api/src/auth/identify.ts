/**
 * Who is calling, from the request: a session cookie (staff) or an API key (partner systems,
 * `Authorization: Bearer ptk_…`). Anything missing, expired, revoked or wrong is anonymous: the
 * caller then sees what the public sees, and writes are refused.
 */
import { apiKeyPrefix, sameHash, sha256 } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import {
  ANONYMOUS,
  API_KEY_SCOPES,
  type ApiKeyScope,
  type Caller,
  type UserCaller,
} from '@plan-tracker/domain';
import { sessionTokenFrom } from './session-cookie.js';

/** The API key a request carries, if any (Bearer token or `X-Api-Key`). */
export function apiKeyFrom(request: Request): string | null {
  const authorization = request.headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  return request.headers.get('x-api-key');
}

function isScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** How often a key's `lastUsedAt` is written at most: a busy key costs one write a minute. */
export const LAST_USED_INTERVAL_MS = 60_000;

/** Who a request comes from, for the GraphQL context. */
export interface Identified {
  /** Who the access rules judge. */
  readonly caller: Caller;
  /**
   * A session of a user who signed in with a temporary password: the caller is then anonymous
   * for everything, and this person may only change their password (`changePassword`).
   */
  readonly passwordChangeOnly: UserCaller | null;
}

/** The caller of `request`. */
export async function identify(
  prisma: PrismaClient,
  request: Request,
  options: { readonly cookieSecure: boolean },
  now = new Date(),
): Promise<Caller> {
  return (await identifyRequest(prisma, request, options, now)).caller;
}

/** The caller of `request`, and a session that may only change its password. */
export async function identifyRequest(
  prisma: PrismaClient,
  request: Request,
  options: { readonly cookieSecure: boolean },
  now = new Date(),
): Promise<Identified> {
  const { caller, mustChangePassword } = await identifyCaller(prisma, request, options, now);
  return caller.kind === 'user' && mustChangePassword
    ? { caller: ANONYMOUS, passwordChangeOnly: caller }
    : { caller, passwordChangeOnly: null };
}

async function identifyCaller(
  prisma: PrismaClient,
  request: Request,
  options: { readonly cookieSecure: boolean },
  now: Date,
): Promise<{ caller: Caller; mustChangePassword: boolean }> {
  const key = apiKeyFrom(request);
  if (key) {
    const prefix = apiKeyPrefix(key);
    if (!prefix) return NOBODY;
    const row = await prisma.apiKey.findUnique({ where: { prefix } });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return NOBODY;
    if (!sameHash(row.hash, sha256(key))) return NOBODY;
    await touchApiKey(prisma, row, now);
    return {
      caller: {
        kind: 'apiKey',
        apiKeyId: row.id,
        organisationId: row.organisationId,
        prefix: row.prefix,
        scopes: row.scopes.filter(isScope),
      },
      mustChangePassword: false,
    };
  }
  const token = sessionTokenFrom(request, options.cookieSecure);
  if (token) {
    const session = await prisma.session.findUnique({
      where: { tokenHash: sha256(token) },
      include: { user: true },
    });
    if (!session || session.expiresAt <= now || session.user.disabledAt) return NOBODY;
    return {
      caller: {
        kind: 'user',
        userId: session.user.id,
        organisationId: session.user.organisationId,
        role: session.user.role,
        name: session.user.name,
        ownerLabels: session.user.ownerLabels,
        sessionId: session.id,
        platformOperator: session.user.platformOperator,
      },
      mustChangePassword: session.user.mustChangePassword,
    };
  }
  return NOBODY;
}

const NOBODY = { caller: ANONYMOUS, mustChangePassword: false } as const;

/**
 * Records that a key was used, at most once per {@link LAST_USED_INTERVAL_MS}: skipped without a
 * statement while the stored time is recent, and conditional in the database so that concurrent
 * requests (or several processes) write it once.
 */
async function touchApiKey(
  prisma: PrismaClient,
  row: { id: string; lastUsedAt: Date | null },
  now: Date,
): Promise<void> {
  const due = new Date(now.getTime() - LAST_USED_INTERVAL_MS);
  if (row.lastUsedAt && row.lastUsedAt > due) return;
  await prisma.apiKey.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: due } }] },
    data: { lastUsedAt: now },
  });
}
