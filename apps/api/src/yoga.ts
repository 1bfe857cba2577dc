/**
 * The GraphQL endpoint: the yoga instance with the schema, the context factory and every
 * protection. `createApi` makes one for a database; server.ts puts it behind node:http, and the
 * tests call its `fetch` in process.
 */

import { randomUUID } from 'node:crypto';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { apiKeyPrefix } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { apiKeyFrom, identify } from './auth/identify.js';
import { TokenBucketLimiter } from './auth/rate-limit.js';
import { sessionCookie } from './auth/session-cookie.js';
import type { Context, CookieToSet } from './context.js';
import { setPrisma } from './database.js';
import { type ApiEnv, parseApiEnv } from './env.js';
import { createLogger } from './logger.js';
import { RequestCache } from './plan/request-cache.js';
import { useMaskedInternalErrors } from './protection/errors.js';
import { LIMITS, useOperationLimits } from './protection/limits.js';
import { schema } from './schema.js';

export interface CreateApiOptions {
  prisma: PrismaClient;
  /** Defaults to the process environment, validated. */
  env?: ApiEnv;
  logger?: Logger;
  /** The API-key rate limiter; tests pass one with a fake clock. */
  limiter?: TokenBucketLimiter;
}

export interface Api {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  logger: Logger;
  env: ApiEnv;
  /** The API-key rate limiter, shared with the downloads so a key has one budget. */
  limiter: TokenBucketLimiter;
}

/** Request ids and cookies to set, by request, between the hooks of one request. */
const perRequest = new WeakMap<Request, { requestId: string; cookies: CookieToSet[] }>();

function stateOf(request: Request): { requestId: string; cookies: CookieToSet[] } {
  let state = perRequest.get(request);
  if (!state) {
    state = { requestId: randomUUID(), cookies: [] };
    perRequest.set(request, state);
  }
  return state;
}

function jsonError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Request ids, body size limit, API-key rate limit, cookies and access log. */
function useHttpGuards(env: ApiEnv, limiter: TokenBucketLimiter, logger: Logger): Plugin<Context> {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request, endResponse }) {
      const state = stateOf(request);
      started.set(request, performance.now());
      if (request.method === 'POST') {
        const length = request.headers.get('content-length');
        if (length === null) {
          endResponse(
            jsonError(
              411,
              'LENGTH_REQUIRED',
              'Send a Content-Length header with the request body.',
            ),
          );
          return;
        }
        if (Number(length) > env.maxBodyBytes) {
          endResponse(
            jsonError(
              413,
              'BODY_TOO_LARGE',
              `The request body may be at most ${env.maxBodyBytes} bytes.`,
            ),
          );
          return;
        }
      }
      const key = apiKeyFrom(request);
      if (key) {
        const decision = limiter.take(apiKeyPrefix(key) ?? 'malformed');
        if (!decision.allowed) {
          endResponse(
            jsonError(
              429,
              'RATE_LIMITED',
              `Too many requests with this API key. Try again in ${decision.retryAfterSeconds} s.`,
              {
                'retry-after': String(decision.retryAfterSeconds),
                'x-request-id': state.requestId,
              },
            ),
          );
        }
      }
    },
    onResponse({ request, response }) {
      const state = stateOf(request);
      response.headers.set('x-request-id', state.requestId);
      for (const cookie of state.cookies) {
        response.headers.append(
          'set-cookie',
          sessionCookie(cookie.value, cookie.maxAge, env.cookieSecure),
        );
      }
      const began = started.get(request);
      logger.info(
        {
          requestId: state.requestId,
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          ms: began === undefined ? undefined : Math.round(performance.now() - began),
        },
        'request',
      );
    },
  };
}

function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** The API for one database. */
export function createApi(options: CreateApiOptions): Api {
  const env = options.env ?? parseApiEnv();
  const logger = options.logger ?? createLogger(env.logLevel);
  const limiter = options.limiter ?? new TokenBucketLimiter(env.apiKeyRequestsPerMinute);
  setPrisma(options.prisma);
  const production = env.nodeEnv === 'production';

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: env.graphiql,
    landingPage: false,
    batching: false,
    // Our own plugin masks and logs (protection/errors.ts); yoga's masking stays on underneath
    // for anything that escapes it (errors while building the context).
    maskedErrors: { isDev: false },
    logging: false,
    plugins: [
      useHttpGuards(env, limiter, logger),
      // Browsers send "simple" requests (GET, forms) cross-site without a preflight; requiring a
      // custom header on them stops cross-site request forgery. JSON POSTs are never simple.
      useCSRFPrevention({
        requestHeaders: ['x-graphql-csrf', 'graphql-preflight', 'apollo-require-preflight'],
      }),
      maxTokensPlugin({ n: LIMITS.tokens }),
      maxDepthPlugin({ n: LIMITS.depth, flattenFragments: true }),
      maxAliasesPlugin({ n: LIMITS.aliases }),
      ...(production ? [blockFieldSuggestionsPlugin()] : []),
      ...(env.introspection ? [] : [useNoIntrospection()]),
      useOperationLimits(),
      useMaskedInternalErrors(),
    ],
    context: async ({ request }): Promise<Context> => {
      const state = stateOf(request);
      const caller = await identify(options.prisma, request).catch((error: unknown) => {
        logger.error({ err: error, requestId: state.requestId }, 'could not identify the caller');
        throw new GraphQLError('Unexpected error.', {
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: state.requestId },
        });
      });
      return {
        requestId: state.requestId,
        caller,
        log: logger.child({ requestId: state.requestId }),
        cookies: state.cookies,
        cookieSecure: env.cookieSecure,
        sessionHours: env.sessionHours,
        cache: new RequestCache(),
        asAt: null,
      };
    },
  });
  return { yoga, logger, env, limiter };
}
