// Staff accounts, for administrators: the organisation's users, creating one, and changing a
// user's role, name, owner labels or access. Every change is audited by the db services (who,
// when, before and after; never the password hash).
import { hashPassword, NewPasswordSchema } from '@plan-tracker/accounts';
import {
  createUserAccount,
  setTemporaryPassword,
  UserAccountInputSchema,
  UserAccountPatchSchema,
  updateUserAccount,
} from '@plan-tracker/db';
import { z } from 'zod';
import { NO_ORGANISATION } from '../access/where.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { prisma } from '../database.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { RoleEnum } from './scalars.js';
import { actorOf, idOf, unwrap, WRITE_ERRORS } from './write.js';

/** The caller's organisation when they are an administrator; an id no row has otherwise. */
function adminOrganisation(ctx: Context): string {
  return ctx.caller.kind === 'user' && ctx.caller.role === 'ADMIN'
    ? ctx.caller.organisationId
    : NO_ORGANISATION;
}

// The hash is never selected into the GraphQL layer: fields below expose what admins need only.
export const UserRef = builder.prismaNode('User', {
  description:
    'A member of staff who signs in. Seen by administrators of their organisation only; never their password.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, organisationId: adminOrganisation(ctx) }),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Work email address, lower-cased; signs in.' }),
    name: t.exposeString('name', { description: 'Name, as history shows it.' }),
    role: t.field({ type: RoleEnum, description: 'What they may do.', resolve: (u) => u.role }),
    ownerLabels: t.stringList({
      description:
        'The owners (roles, teams, partners) they answer for: as a contributor they may edit work whose `owner` is one of them.',
      resolve: (u) => [...u.ownerLabels],
    }),
    disabled: t.boolean({
      description: 'True when they can no longer sign in.',
      resolve: (u) => u.disabledAt !== null,
    }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When they were disabled, if they are.',
    }),
    mustChangePassword: t.exposeBoolean('mustChangePassword', {
      description:
        'True while they have a temporary password from `setTemporaryPassword`: their session may only change it.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the account was made.',
    }),
    version: t.exposeInt('version', {
      description: 'Version for optimistic concurrency: send it back with `updateUser`.',
    }),
  }),
});

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    description:
      "Your organisation's staff accounts, by name. Administrators only; empty for others.",
    complexity: { field: 1, multiplier: 20 },
    resolve: (query, _root, _args, ctx) =>
      ctx.caller.kind === 'user' && ctx.caller.role === 'ADMIN'
        ? prisma(ctx).user.findMany({
            ...query,
            where: { organisationId: ctx.caller.organisationId },
            orderBy: [{ name: 'asc' }, { email: 'asc' }],
          })
        : [],
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'A new member of staff, with the password they will sign in with.',
  validate: UserAccountInputSchema.extend({
    password: NewPasswordSchema,
  }),
  fields: (t) => ({
    email: t.string({ required: true, description: 'Work email address; must be unused.' }),
    name: t.string({ required: true, description: 'Their name, as history will show it.' }),
    role: t.field({ type: RoleEnum, required: true, description: 'What they may do.' }),
    ownerLabels: t.stringList({
      description:
        'The owners (roles, teams, partners, as commitments and actions name them) they answer for; needed for contributors to edit anything.',
    }),
    password: t.string({
      required: true,
      description: 'Their first password: at least 12 characters. Stored as an argon2id hash.',
    }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: UserRef,
    description:
      'Adds a member of staff to your organisation. A used email address is a ValidationError on `email`. Administrators only; audited.',
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      input: t.arg({ type: CreateUserInput, required: true, description: 'The account.' }),
      note: t.arg.string({ description: 'A note for the audit log.' }),
    },
    resolve: async (query, _root, { input, note }, ctx) => {
      const actor = actorOf(ctx);
      const { password, ...account } = input;
      const { record } = await unwrap(
        createUserAccount(prisma(ctx), actor, {
          input: { ...account, ownerLabels: account.ownerLabels ?? [] },
          passwordHash: await hashPassword(password),
          note,
        }),
      );
      ctx.log.info({ userId: record.id, role: record.role }, 'user created');
      return prisma(ctx).user.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: "A change to a member of staff's account; at least one field.",
  validate: UserAccountPatchSchema,
  fields: (t) => ({
    name: t.string({ description: 'Their name.' }),
    role: t.field({ type: RoleEnum, description: 'What they may do.' }),
    ownerLabels: t.stringList({
      description: 'The owners they answer for, replacing the current list; [] clears it.',
    }),
    disabled: t.boolean({
      description: 'True stops them signing in and ends their sessions; false lets them back.',
    }),
  }),
});

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: UserRef,
    description:
      "Changes a member of staff's name, role, owner labels or access. You cannot change your own role or disable yourself. Administrators only; audited.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The user (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      input: t.arg({ type: UpdateUserInput, required: true, description: 'The change.' }),
      note: t.arg.string({ description: 'A note for the audit log.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const id = idOf(String(args.id), 'User');
      await unwrap(
        updateUserAccount(prisma(ctx), actor, {
          id,
          expectedVersion: args.expectedVersion,
          note: args.note,
          input: args.input as Parameters<typeof updateUserAccount>[2]['input'],
        }),
      );
      return prisma(ctx).user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const SetTemporaryPasswordInput = builder.inputType('SetTemporaryPasswordInput', {
  description: 'A temporary password for a member of staff, to tell them by a safe route.',
  validate: z.object({
    password: NewPasswordSchema,
  }),
  fields: (t) => ({
    password: t.string({
      required: true,
      description:
        'The temporary password: at least 12 characters. They must change it when they next sign in.',
    }),
  }),
});

builder.mutationField('setTemporaryPassword', (t) =>
  t.prismaField({
    type: UserRef,
    description:
      "Replaces a member of staff's password with a temporary one that they must change when they next sign in (until then their session may only `changePassword`). Ends all their sessions. Administrators only; audited, never with the password or its hash.",
    errors: { types: WRITE_ERRORS },
    args: {
      id: t.arg.id({ required: true, description: 'The user (global ID).' }),
      expectedVersion: t.arg.int({
        required: true,
        description: 'The `version` you read; a stale one is a ConflictError.',
      }),
      input: t.arg({
        type: SetTemporaryPasswordInput,
        required: true,
        description: 'The password.',
      }),
      note: t.arg.string({ description: 'A note for the audit log.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = actorOf(ctx);
      const id = idOf(String(args.id), 'User');
      await unwrap(
        setTemporaryPassword(prisma(ctx), actor, {
          id,
          expectedVersion: args.expectedVersion,
          note: args.note,
          passwordHash: await hashPassword(args.input.password),
        }),
      );
      ctx.log.info({ userId: id }, 'temporary password set');
      return prisma(ctx).user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
