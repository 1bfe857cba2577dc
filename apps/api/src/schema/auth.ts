// Identity: who is calling (`viewer`), signing in with email and password, signing out, and
// changing your own password (the only thing a session opened with a temporary password may do).

import {
  DEMO_USERS,
  hashPassword,
  NewPasswordSchema,
  PASSWORD_MAX_LENGTH,
  verifyAgainstNothing,
  verifyPassword,
} from '@plan-tracker/accounts';
import { changeOwnPassword } from '@plan-tracker/db';
import { actorName, forbiddenError, type UserCaller } from '@plan-tracker/domain';
import { z } from 'zod';
import { openSession } from '../auth/sessions.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { apiError, ForbiddenError, RateLimitedError, ValidationError } from '../errors.js';
import { RoleEnum } from './scalars.js';
import { unwrap } from './write.js';

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
    mustChangePassword: t.boolean({
      description:
        'True when you signed in with a temporary password an administrator set: until you change it (`changePassword`) you are treated as anonymous, and that is all you may do.',
      resolve: (c, _args, ctx) => c.kind === 'anonymous' && ctx.passwordChangeOnly !== null,
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
  mustChangePassword: boolean;
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
    mustChangePassword: t.exposeBoolean('mustChangePassword', {
      description:
        'True when this was a temporary password: the session may only `changePassword` until you do.',
    }),
  }),
});

const WRONG = 'The email address or password is not right.';
const DEMO_EMAILS = new Set(DEMO_USERS.map((u) => u.email));

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
      // The demo users' password is published: on a production server they are refused unless
      // the operator says otherwise (API_ALLOW_DEMO_USERS).
      if (!ctx.demoUsersAllowed && DEMO_EMAILS.has(user.email)) {
        ctx.log.warn({ userId: user.id }, 'demo user refused');
        throw apiError(forbiddenError('demo accounts cannot sign in on this server.'));
      }
      const sso = await prisma(ctx).oidcConnection.findUnique({
        where: { organisationId: user.organisationId },
        select: { passwordSignInAllowed: true },
      });
      if (sso && !sso.passwordSignInAllowed) {
        throw apiError(
          forbiddenError('your organisation signs in with single sign-on, not a password.'),
        );
      }
      const { token, sessionId, expiresAt } = await openSession(
        prisma(ctx),
        user,
        ctx.sessionHours,
      );
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
          sessionId,
        },
        expiresAt,
        mustChangePassword: user.mustChangePassword,
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

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  description: 'Your current password and the new one.',
  fields: (t) => ({
    currentPassword: t.string({
      required: true,
      description: 'The password you signed in with (the temporary one, if you were given one).',
    }),
    newPassword: t.string({
      required: true,
      description: 'The new password: at least 12 characters, not the current one.',
    }),
  }),
  validate: z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH),
      newPassword: NewPasswordSchema,
    })
    .refine((input) => input.currentPassword !== input.newPassword, {
      path: ['newPassword'],
      message: 'Choose a new password that is not the current one.',
    }),
});

const PasswordChangedPayload = builder
  .objectRef<{ caller: UserCaller }>('PasswordChanged')
  .implement({
    description:
      'Your password is changed. This session stays signed in; your other sessions have ended.',
    fields: (t) => ({
      viewer: t.field({
        type: ViewerType,
        description: 'Who you are, with full use of your role again.',
        resolve: (p) => p.caller,
      }),
    }),
  });

builder.mutationField('changePassword', (t) =>
  t.field({
    type: PasswordChangedPayload,
    description:
      'Changes your own password, giving the current one (a wrong one is a ForbiddenError). Ends your other sessions and clears a temporary password. The one thing a session opened with a temporary password may do. Audited, never with the password or its hash.',
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      input: t.arg({ type: ChangePasswordInput, required: true, description: 'The passwords.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const person = ctx.caller.kind === 'user' ? ctx.caller : ctx.passwordChangeOnly;
      if (!person) throw apiError(forbiddenError('sign in to change your password.'));
      const { record } = await unwrap(
        changeOwnPassword(
          prisma(ctx),
          {
            organisationId: person.organisationId,
            userId: person.userId,
            apiKeyId: null,
            label: `${person.name} (${person.role})`,
            caller: person,
          },
          {
            verifyCurrent: (hash) => verifyPassword(input.currentPassword, hash),
            passwordHash: await hashPassword(input.newPassword),
            keepSessionId: person.sessionId,
          },
        ),
      );
      ctx.log.info({ userId: record.id }, 'password changed');
      return { caller: { ...person, role: record.role, name: record.name } };
    },
  }),
);
