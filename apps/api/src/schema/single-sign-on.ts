// Single sign-on settings of the caller's organisation, for administrators: reading them (never
// the client secret) and configuring them. Signing in itself is HTTP (http/oidc.ts).
import {
  configureSingleSignOn,
  type SingleSignOnRecord,
  singleSignOnRecord,
} from '@plan-tracker/db';
import { invalidField } from '@plan-tracker/domain';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { apiError, ForbiddenError, ValidationError } from '../errors.js';
import { RoleEnum } from './scalars.js';
import { actorOf, unwrap } from './write.js';

const GroupRoleRef = builder
  .objectRef<SingleSignOnRecord['groupRoles'][number]>('GroupRole')
  .implement({
    description: 'A group of the identity provider and the role a first sign-in in it gets.',
    fields: (t) => ({
      group: t.exposeString('group', { description: 'The group, as the groups claim names it.' }),
      role: t.field({ type: RoleEnum, description: 'The role.', resolve: (g) => g.role }),
    }),
  });

const SingleSignOnRef = builder.objectRef<SingleSignOnRecord>('SingleSignOn').implement({
  description:
    "Your organisation's OpenID Connect identity provider. The client secret is stored sealed and never shown; `clientSecretSet` says whether there is one.",
  fields: (t) => ({
    issuer: t.exposeString('issuer', { description: "The provider's issuer URL." }),
    clientId: t.exposeString('clientId', { description: 'The client id the provider issued.' }),
    clientSecretSet: t.exposeBoolean('clientSecretSet', {
      description: 'True when a client secret is stored (it cannot be read back).',
    }),
    allowedDomains: t.exposeStringList('allowedDomains', {
      description: 'Email domains whose people may sign in this way.',
    }),
    groupRoles: t.field({
      type: [GroupRoleRef],
      description: 'Group → role for first sign-ins; the most powerful matching role wins.',
      resolve: (s) => s.groupRoles,
    }),
    groupsClaim: t.exposeString('groupsClaim', {
      description: 'The ID token claim with the groups.',
    }),
    passwordSignInAllowed: t.exposeBoolean('passwordSignInAllowed', {
      description: 'Whether staff may still sign in with email and password.',
    }),
    version: t.exposeInt('version', { description: 'Changes each time the settings are saved.' }),
  }),
});

builder.queryField('singleSignOn', (t) =>
  t.field({
    type: SingleSignOnRef,
    nullable: true,
    description:
      "Your organisation's single sign-on settings; null when there are none or you are not an administrator.",
    resolve: async (_root, _args, ctx) => {
      if (ctx.caller.kind !== 'user' || ctx.caller.role !== 'ADMIN') return null;
      const row = await prisma(ctx).oidcConnection.findUnique({
        where: { organisationId: ctx.caller.organisationId },
      });
      return row ? singleSignOnRecord(row) : null;
    },
  }),
);

const GroupRoleInput = builder.inputType('GroupRoleInput', {
  description: 'A group of the identity provider and the role it gives.',
  fields: (t) => ({
    group: t.string({ required: true, description: 'The group, as the groups claim names it.' }),
    role: t.field({ type: RoleEnum, required: true, description: 'The role.' }),
  }),
});

const ConfigureSingleSignOnInput = builder.inputType('ConfigureSingleSignOnInput', {
  description: "Your organisation's OpenID Connect settings; they replace the current ones.",
  fields: (t) => ({
    issuer: t.string({ required: true, description: "The provider's issuer URL." }),
    clientId: t.string({ required: true, description: 'The client id the provider issued.' }),
    clientSecret: t.string({
      description: 'The client secret; omit it to keep the stored one (needed the first time).',
    }),
    allowedDomains: t.stringList({
      required: true,
      description: 'Email domains whose people may sign in this way; at least one.',
    }),
    groupRoles: t.field({
      type: [GroupRoleInput],
      description: 'Group → role for first sign-ins.',
    }),
    groupsClaim: t.string({
      description: 'The ID token claim with the groups (default `groups`).',
    }),
    passwordSignInAllowed: t.boolean({
      description: 'Whether staff may still sign in with email and password (default true).',
    }),
  }),
});

builder.mutationField('configureSingleSignOn', (t) =>
  t.field({
    type: SingleSignOnRef,
    description:
      "Creates or replaces your organisation's single sign-on settings. The client secret is sealed and never readable back. Administrators only; audited without the secret.",
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      input: t.arg({
        type: ConfigureSingleSignOnInput,
        required: true,
        description: 'The settings.',
      }),
      note: t.arg.string({ description: 'A note for the audit log.' }),
    },
    resolve: async (_root, { input, note }, ctx) => {
      const actor = actorOf(ctx);
      if (input.clientSecret && !ctx.secrets) {
        throw apiError(
          invalidField(
            ['input', 'clientSecret'],
            'This server has no PLAN_TRACKER_SECRET_KEY to seal the secret with.',
          ),
        );
      }
      const { record } = await unwrap(
        configureSingleSignOn(prisma(ctx), actor, {
          input: {
            issuer: input.issuer,
            clientId: input.clientId,
            allowedDomains: [...input.allowedDomains],
            groupRoles: (input.groupRoles ?? []).map((g) => ({ group: g.group, role: g.role })),
            ...(input.groupsClaim ? { groupsClaim: input.groupsClaim } : {}),
            ...(input.passwordSignInAllowed !== null && input.passwordSignInAllowed !== undefined
              ? { passwordSignInAllowed: input.passwordSignInAllowed }
              : {}),
          },
          clientSecretSealed:
            input.clientSecret && ctx.secrets ? ctx.secrets.seal(input.clientSecret) : undefined,
          note,
        }),
      );
      ctx.log.info({ issuer: record.issuer }, 'single sign-on configured');
      return record;
    },
  }),
);
