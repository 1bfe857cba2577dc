// Identity: who is calling (`viewer`), signing in with email and password, signing out.

import {
  newSessionToken,
  sha256,
  verifyAgainstNothing,
  verifyPassword,
} from '@plan-tracker/accounts';
import { actorName, forbiddenError } from '@plan-tracker/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { apiError, ForbiddenError, RateLimitedError, ValidationError } from '../errors.js';
import { RoleEnum } from './scalars.js';

const CallerKindEnum = builder.enumType('CallerKind', {
  description: 'How the caller identified itself.',
  values: {
    ANONYMOUS: { description: 'Not signed in: sees published plans and their public fields.' },
    USER: { description: 'A member of staff with a session.' },
    API_KEY: { description: 'A partner system with an API key.' },
  },
});

const ViewerType = builder.objectRef<Context['caller']>('Viewer').implement({
  description: 'Who is calling, and what they may do.',
  fields: (t) => ({
    kind: t.field({
      type: CallerKindEnum,
      description: 'How the caller identified itself.',
      resolve: (c) => (c.kind === 'user' ? 'USER' : c.kind === 'apiKey' ? 'API_KEY' : 'ANONYMOUS'),
    }),
    name: t.string({
      description: 'Your name, or the API key as the audit log shows it.',
      resolve: (c) => actorName(c),
    }),
    role: t.field({
      type: RoleEnum,
      nullable: true,
      description: 'Your role, when signed in.',
      resolve: (c) => (c.kind === 'user' ? c.role : null),
    }),
    email: t.string({
      nullable: true,
      description: 'Your email address, when signed in.',
      resolve: async (c, _args, ctx) =>
        c.kind === 'user'
          ? ((
              await prisma(ctx).user.findUnique({
                where: { id: c.userId },
                select: { email: true },
              })
            )?.email ?? null)
          : null,
    }),
    ownerLabels: t.stringList({
      description:
        'The owners (roles, teams, partners) you answer for: as a contributor you may edit the commitments and actions whose `owner` is one of them (compared without regard to case). Empty for API keys and anonymous callers.',
      resolve: (c) => (c.kind === 'user' ? [...c.ownerLabels] : []),
    }),
    scopes: t.stringList({
      description: "The API key's scopes (`read`, `write:updates`); empty for people.",
      resolve: (c) => (c.kind === 'apiKey' ? [...c.scopes] : []),
    }),
    organisation: t.prismaField({
      type: 'Organisation',
      nullable: true,
      description: 'Your organisation; null when anonymous.',
      resolve: (query, c, _args, ctx) =>
        c.kind === 'anonymous'
          ? null
          : prisma(ctx).organisation.findUnique({ ...query, where: { id: c.organisationId } }),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerType,
    description: 'Who is calling.',
    resolve: (_root, _args, ctx) => ctx.caller,
  }),
);

const SignInInput = builder.inputType('SignInInput', {
  description: 'Email address and password.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'Your work email address.' }),
    password: t.string({ required: true, description: 'Your password.' }),
  }),
  validate: z.object({
    email: z.email('Enter an email address, like name@example.org.').max(320),
    password: z.string().min(1, 'Enter your password.').max(1000),
  }),
});

interface SignedIn {
  caller: Context['caller'];
  expiresAt: Date;
}

const SignInPayload = builder.objectRef<SignedIn>('SignInPayload').implement({
  description:
    'You are signed in: the session cookie is set on the response (HttpOnly, SameSite=Lax, Secure).',
  fields: (t) => ({
    viewer: t.field({
      type: ViewerType,
      description: 'Who you now are.',
      resolve: (s) => s.caller,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the session ends.' }),
  }),
});

const WRONG = 'The email address or password is not right.';

builder.mutationField('signIn', (t) =>
  t.field({
    type: SignInPayload,
    description:
      'Signs a member of staff in with email and password (argon2id). On success the response sets an HttpOnly session cookie; only a hash of its token is stored. A wrong email or password is a ForbiddenError, the same for both; too many attempts for the email address or from your network is a RateLimitedError, before any password is checked.',
    errors: { types: [ValidationError, ForbiddenError, RateLimitedError] },
    args: { input: t.arg({ type: SignInInput, required: true, description: 'Credentials.' }) },
    resolve: async (_root, { input }, ctx) => {
      const email = input.email.trim().toLowerCase();
      // Counted before the lookup and the (expensive) hash: a throttled attempt costs neither.
      const throttled = await ctx.signInThrottle.attempt(email);
      if (throttled) throw apiError(throttled);
      const user = await prisma(ctx).user.findUnique({ where: { email } });
      const ok =
        user && !user.disabledAt
          ? await verifyPassword(input.password, user.passwordHash)
          : await verifyAgainstNothing(input.password);
      if (!user || !ok) throw apiError(forbiddenError(WRONG));
      await ctx.signInThrottle.succeeded(email);
      const now = new Date();
      // Expired sessions never identify anyone (auth/identify.ts); sign-in is when they are
      // cleared, one indexed delete, so the table does not grow without a scheduled job.
      await prisma(ctx).session.deleteMany({ where: { expiresAt: { lte: now } } });
      const token = newSessionToken();
      const expiresAt = new Date(now.getTime() + ctx.sessionHours * 3_600_000);
      const session = await prisma(ctx).session.create({
        data: {
          organisationId: user.organisationId,
          userId: user.id,
          tokenHash: sha256(token),
          expiresAt,
        },
      });
      ctx.sessionCookie.start(token, ctx.sessionHours * 3600);
      ctx.log.info({ userId: user.id }, 'signed in');
      return {
        caller: {
          kind: 'user' as const,
          userId: user.id,
          organisationId: user.organisationId,
          role: user.role,
          name: user.name,
          ownerLabels: user.ownerLabels,
          sessionId: session.id,
        },
        expiresAt,
      };
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: 'Ends your session and clears the cookie. True when there was a session to end.',
    resolve: async (_root, _args, ctx) => {
      ctx.sessionCookie.end();
      if (ctx.caller.kind !== 'user') return false;
      await prisma(ctx).session.deleteMany({ where: { id: ctx.caller.sessionId } });
      return true;
    },
  }),
);
