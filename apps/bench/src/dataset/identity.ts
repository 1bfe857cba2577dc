/**
 * A member of staff for the status mutation, made in the database the way the API's sign-in
 * would leave it (apps/api/src/auth): an EDITOR in the benchmark plan's organisation and a
 * session row holding the SHA-256 of a random token. The token goes in the plain-HTTP session
 * cookie, which the API reads as well as the `__Host-` one. The user has no usable password:
 * nobody signs in as it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@plan-tracker/db';

/** The cookie name the API accepts on plain HTTP (apps/api/src/auth/tokens.ts). */
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
  const token = randomBytes(32).toString('base64url');
  await prisma.session.create({
    data: {
      organisationId,
      userId: user.id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    },
  });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}
