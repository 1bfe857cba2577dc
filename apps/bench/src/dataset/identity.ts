/**
 * A member of staff for the status mutation, made in the database the way the API's sign-in
 * would leave it (apps/api/src/schema/auth.ts): an EDITOR in the benchmark plan's organisation
 * and a session row holding the SHA-256 of a session token (`@plan-tracker/accounts`). The token goes in the plain-HTTP session
 * cookie, which the API reads as well as the `__Host-` one. The user has no usable password:
 * nobody signs in as it.
 */
import { newSessionToken, sha256 } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';

/**
 * The cookie name the API accepts on plain HTTP (apps/api/src/auth/session-cookie.ts), written
 * out rather than imported: this process drives the API over HTTP and must not load it.
 */
const SESSION_COOKIE = 'plan-tracker-session';

export interface BenchEditor {
  readonly userId: string;
  /** The `Cookie` header value to send. */
  readonly cookie: string;
}

export async function createEditorSession(
  prisma: PrismaClient,
  organisationId: string,
): Promise<BenchEditor> {
  const user = await prisma.user.create({
    data: {
      organisationId,
      email: `bench-editor@${organisationId}.example`,
      name: 'Benchmark Editor',
      // Not a password hash: no password verifies against it.
      passwordHash: '!benchmark-no-password',
      role: 'EDITOR',
    },
  });
  const token = newSessionToken();
  await prisma.session.create({
    data: {
      organisationId,
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    },
  });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}
