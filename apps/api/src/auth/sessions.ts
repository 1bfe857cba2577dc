/**
 * Opening a session, the same for every way of signing in (email and password in `signIn`,
 * single sign-on in http/oidc.ts): a random token for the cookie, only its hash stored.
 */
import { newSessionToken, sha256 } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';

export interface OpenedSession {
  /** The cookie's value; never stored. */
  readonly token: string;
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/** A new session of `user` for `hours`. */
export async function openSession(
  prisma: PrismaClient,
  user: { readonly id: string; readonly organisationId: string },
  hours: number,
  now = new Date(),
): Promise<OpenedSession> {
  // Expired sessions never identify anyone (identify.ts); sign-in is when they are cleared, one
  // indexed delete, so the table does not grow without a scheduled job.
  await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const session = await prisma.session.create({
    data: {
      organisationId: user.organisationId,
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expiresAt };
}
