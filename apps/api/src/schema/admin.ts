// Administration: API keys for partner systems, created by an administrator, shown once,
// stored hashed, scoped, revocable.

import { newApiKey } from '@plan-tracker/accounts';
import { createApiKey, revokeApiKey } from '@plan-tracker/db';
import { API_KEY_SCOPES, ApiKeyInputSchema } from '@plan-tracker/domain';
import { NO_ORGANISATION } from '../access/where.js';
import { builder } from '../builder.js';
import { prisma } from '../database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { actorOf, unwrap } from './write.js';

const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What an API key may do.',
  values: {
    READ: {
      value: 'read',
      description: "Read the organisation's plans, published or not (no people's details).",
    },
    WRITE_UPDATES: { value: 'write:updates', description: 'Add progress updates.' },
  },
});

const ApiKeyRef = builder.prismaNode('ApiKey', {
  description:
    'An API key for a partner system. The key itself is shown once, when created; only its hash is kept.',
  id: { field: 'id' },
  nullable: true,
  // Administrators of the key's organisation only.
  findUnique: (id, ctx) => ({
    id,
    organisationId:
      ctx.caller.kind === 'user' && ctx.caller.role === 'ADMIN'
        ? ctx.caller.organisationId
        : NO_ORGANISATION,
  }),
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'What it is for, e.g. "Dorset Police performance system".',
    }),
    prefix: t.exposeString('prefix', {
      description: 'The visible start of the key, to tell keys apart.',
    }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: 'What it may do.',
      resolve: (k) =>
        k.scopes.filter((s): s is (typeof API_KEY_SCOPES)[number] =>
          (API_KEY_SCOPES as readonly string[]).includes(s),
        ),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last used, if recorded.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it stops working, if ever.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; revoked keys never work again.',
    }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    description:
      "Your organisation's API keys, newest first. Administrators only; empty for others.",
    resolve: (query, _root, _args, ctx) =>
      ctx.caller.kind === 'user' && ctx.caller.role === 'ADMIN'
        ? prisma(ctx).apiKey.findMany({
            ...query,
            where: { organisationId: ctx.caller.organisationId },
            orderBy: { createdAt: 'desc' },
          })
        : [],
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What it is for.' }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      required: true,
      description: 'What it may do; at least one.',
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When it stops working; never when omitted.',
    }),
  }),
  validate: ApiKeyInputSchema,
});

interface CreatedKey {
  key: string;
  apiKey: { id: string };
}

const CreatedApiKey = builder.objectRef<CreatedKey>('CreatedApiKey').implement({
  description: 'A new API key. `secret` is shown this once and cannot be recovered: store it now.',
  fields: (t) => ({
    secret: t.exposeString('key', {
      description: 'The key to send as `Authorization: Bearer <secret>`. Shown once.',
    }),
    apiKey: t.prismaField({
      type: ApiKeyRef,
      description: 'The key as listed from now on.',
      resolve: (query, created, _args, ctx) =>
        prisma(ctx).apiKey.findUniqueOrThrow({ ...query, where: { id: created.apiKey.id } }),
    }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    description: 'Creates an API key for a partner system. Administrators only.',
    errors: { types: [ValidationError, ForbiddenError] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The key.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { key, prefix, hash } = newApiKey();
      const { record } = await unwrap(
        createApiKey(prisma(ctx), actorOf(ctx), {
          input: {
            name: input.name,
            scopes: [...input.scopes],
            expiresAt: input.expiresAt ?? null,
          },
          prefix,
          hash,
        }),
      );
      ctx.log.info({ apiKeyId: record.id, prefix }, 'API key created');
      return { key, apiKey: { id: record.id } };
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.prismaField({
    type: ApiKeyRef,
    description: 'Revokes an API key at once and for good. Administrators only.',
    errors: { types: [ForbiddenError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, description: 'The key (global ID).', for: ApiKeyRef }),
    },
    resolve: async (query, _root, { id }, ctx) => {
      const { record } = await unwrap(revokeApiKey(prisma(ctx), actorOf(ctx), { id: id.id }));
      return prisma(ctx).apiKey.findUniqueOrThrow({ ...query, where: { id: record.id } });
    },
  }),
);
