// The one Pothos schema builder. This file only configures it; types and fields live in
// src/schema/, one file per domain type.

import type PrismaTypes from '@plan-tracker/db/pothos-types';
import { getDatamodel } from '@plan-tracker/db/pothos-types';
import { canSeeInternal, isMemberOf } from '@plan-tracker/domain';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.js';
import { prisma } from './database.js';
import { invalidInput } from './errors.js';
import { ANONYMOUS_WRITES_PLUGIN } from './protection/anonymous-writes.js';

/** Largest page a connection returns; a larger `first`/`last` is rejected (see protection/). */
export const MAX_PAGE_SIZE = 100;
/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  AuthScopes: {
    /** A member of staff signed in with a session. */
    signedIn: boolean;
    /** Staff or a `read` API key of this organisation (id). */
    memberOf: string;
    /** Staff of this organisation (id): internal fields and people's details. */
    staffOf: string;
  };
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Fields are non-null unless they say `nullable: true`: clients can trust what the SDL promises.
  defaultFieldNullability: false,
  // Order matters: plugins listed first wrap resolvers outermost.
  // - scope-auth first, so no other plugin's wrapper (errors, validation) runs for a caller who
  //   may not call the field at all;
  // - prisma, then relay: prismaNode and prismaConnection build on relay's node and connections;
  // - errors before validation, so the validation plugin's failures become typed results;
  // - anonymous writes between them: refused (as a typed ForbiddenError) before validation;
  // - complexity last: it only annotates fields (limits are enforced before execution in
  //   protection/limits.ts).
  plugins: [
    ScopeAuthPlugin,
    PrismaPlugin,
    RelayPlugin,
    ErrorsPlugin,
    ANONYMOUS_WRITES_PLUGIN,
    ValidationPlugin,
    ComplexityPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.caller.kind === 'user',
      memberOf: (organisationId: string) => isMemberOf(ctx.caller, organisationId),
      staffOf: (organisationId: string) => canSeeInternal(ctx.caller, organisationId),
    }),
  },
  prisma: {
    // The client of the API serving the request (database.ts), never a module-level one.
    client: (ctx) => prisma(ctx),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // Every resolver must spread `query`; tests and development fail loudly when one does not.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Any object by its global ID, if the caller may see it; null otherwise.',
      args: { id: { description: 'A global ID from an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Objects by their global IDs, each null when the caller may not see it.',
      args: { ids: { description: 'Global IDs from `id` fields.' } },
    },
    firstArgOptions: { description: 'Page size from the start: at most 100 (larger is rejected).' },
    lastArgOptions: { description: 'Page size from the end: at most 100 (larger is rejected).' },
    afterArgOptions: { description: 'Results after this cursor.' },
    beforeArgOptions: { description: 'Results before this cursor.' },
    defaultConnectionTypeOptions: {
      description: 'A page of results.',
    },
    defaultEdgeTypeOptions: {
      description: 'One result and its cursor.',
    },
    pageInfoTypeOptions: {
      description: 'Where this page sits in the whole list.',
    },
    nodeTypeOptions: {
      description: 'An object with a global ID that `node(id:)` can fetch again.',
    },
    idFieldOptions: {
      description: 'Global ID, opaque; pass it to `node(id:)`.',
    },
    cursorFieldOptions: { description: 'Opaque cursor; pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The result.' },
    edgesFieldOptions: { description: 'The results on this page, with their cursors.' },
    pageInfoFieldOptions: { description: 'Paging information.' },
    hasNextPageFieldOptions: { description: 'True when there are results after this page.' },
    hasPreviousPageFieldOptions: { description: 'True when there are results before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first result on this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last result on this page.' },
  },
  validation: {
    // Zod's issues become the schema's typed ValidationError (field path and message).
    validationError: (result) =>
      invalidInput(
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((part) =>
            String(typeof part === 'object' && part !== null ? part.key : part),
          ),
          message: issue.message,
        })),
      ),
  },
  errors: {
    defaultTypes: [],
    // Success payloads are members of the result union themselves (no `data` wrapper).
    directResult: true,
    defaultUnionOptions: {
      description:
        'The result of a mutation: the success payload, or a typed error (see MutationError).',
    },
    // Zod failures from the validation plugin become ValidationError results (schema/errors.ts).
    unsafelyHandleInputErrors: true,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
  },
});

builder.queryType({
  description: 'Reads: start from `plan(slug:)`, `organisation(slug:)`, `viewer` or `node(id:)`.',
});
builder.mutationType({
  description:
    'Writes. Every one needs a signed-in user (or an API key with the right scope) and returns a typed result.',
});
