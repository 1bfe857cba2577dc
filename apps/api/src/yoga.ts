/**
 * The GraphQL endpoint: the yoga instance with the schema, the context factory and every
 * protection. `createApi` makes one for a database; server.ts puts it behind node:http, and the
 * tests call its `fetch` in process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { secretBox } from '@plan-tracker/accounts';
import type { PrismaClient } from '@plan-tracker/db';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { apiKeyFrom, type Identified, identifyRequest } from './auth/identify.js';
import { createLimits, type Limits, signInThrottle } from './auth/rate-limit.js';
import { sessionCookieInto } from './auth/session-cookie.js';
import type { Context } from './context.js';
import { withDatabase } from './database.js';
import { type ApiEnv, parseApiEnv } from './env.js';
import { clientAddressOf, type ServerContext } from './http/client-address.js';
import { securityHeaders } from './http/security-headers.js';
import { createLogger } from './logger.js';
import { RequestCache } from './plan/request-cache.js';
import { createMaskError } from './protection/errors.js';
import { LIMITS, useOperationLimits } from './protection/limits.js';
import { useMalformedParamsAreBadRequests } from './protection/params.js';
import { schema } from './schema.js';

export interface CreateApiOptions {
  prisma: PrismaClient;
  /** Defaults to the process environment, validated. */
  env?: ApiEnv;
  logger?: Logger;
}

export interface Api {
  yoga: YogaServerInstance<ServerContext, Context>;
  logger: Logger;
  env: ApiEnv;
  /** The limits, in the database; the downloads spend from the same budgets. */
  limits: Limits;
}

/** What the hooks, the context and the masking of one request share. */
interface RequestState {
  readonly requestId: string;
  readonly startedAt: number;
  /** The `Set-Cookie` values of the response. */
  readonly setCookies: string[];
  /** Unexpected errors already logged (protection/errors.ts). */
  readonly logged: WeakSet<object>;
  /** The caller, once identified: early for API keys, whose budget is spent before parsing. */
  identified?: Promise<Identified>;
}

/**
 * Runs each request inside `requests.run`, through yoga's instrumentation of the whole request
 * (hooks, parsing, context, execution, response), so code that yoga hands no request, such as
 * `maskError`, still finds the request it works for.
 */
function useRequestScope(requests: AsyncLocalStorage<RequestState>): Plugin {
  return {
    instrumentation: {
      request: (_payload, wrapped) =>
        requests.run(
          {
            requestId: randomUUID(),
            startedAt: performance.now(),
            setCookies: [],
            logged: new WeakSet(),
          },
          wrapped,
        ),
    },
  };
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

/**
 * Body size limit, API-key rate limit, and on the response its request id, security headers,
 * cookies and log line.
 */
function useHttpGuards(
  env: ApiEnv,
  prisma: PrismaClient,
  limits: Limits,
  logger: Logger,
  current: () => RequestState,
): Plugin<Context> {
  const headers = (kind: 'data' | 'graphiql') => securityHeaders(env, kind);
  return {
    onRequest({ request, endResponse }) {
      const state = current();
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
      if (!apiKeyFrom(request)) return;
      // An API key's budget is its id's, spent only once its secret is verified: a wrong or
      // unknown key is anonymous and spends nobody's budget.
      state.identified = identifyRequest(prisma, request, env);
      return state.identified.then(
        async ({ caller }) => {
          if (caller.kind !== 'apiKey') return;
          const decision = await limits.apiKey.take(caller.apiKeyId);
          if (decision.allowed) return;
          endResponse(
            jsonError(
              429,
              'RATE_LIMITED',
              `Too many requests with this API key. Try again in ${decision.retryAfterSeconds} s.`,
              { 'retry-after': String(decision.retryAfterSeconds) },
            ),
          );
        },
        // Left to the context factory, which awaits the same promise: masked and logged there.
        () => undefined,
      );
    },
    onResponse({ request, response }) {
      const state = current();
      response.headers.set('x-request-id', state.requestId);
      const graphiql = response.headers.get('content-type')?.startsWith('text/html') ?? false;
      for (const [name, value] of Object.entries(headers(graphiql ? 'graphiql' : 'data'))) {
        if (!response.headers.has(name)) response.headers.set(name, value);
      }
      // The CORS answer depends on the Origin once some are trusted; caches must know.
      if (env.corsOrigins.length > 0) response.headers.append('vary', 'Origin');
      for (const setCookie of state.setCookies) response.headers.append('set-cookie', setCookie);
      logger.info(
        {
          requestId: state.requestId,
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          ms: Math.round(performance.now() - state.startedAt),
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
  const limits = createLimits(options.prisma, env);
  const production = env.nodeEnv === 'production';
  const requests = new AsyncLocalStorage<RequestState>();
  const secrets = env.secretKey ? secretBox(env.secretKey) : null;
  const current = (): RequestState => {
    const state = requests.getStore();
    if (!state) throw new Error('No request in scope: useRequestScope must wrap every request.');
    return state;
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: env.graphiql,
    landingPage: false,
    batching: false,
    // The one masking layer: yoga applies it to every error it answers with; it logs the
    // unexpected ones itself, with the request id, so yoga's own logger stays off.
    maskedErrors: { maskError: createMaskError(logger, () => requests.getStore()) },
    logging: false,
    // yoga's default CORS reflects any Origin with credentials. The admin app is same-origin, so
    // no other origin (another port of this host included) gets CORS headers unless listed.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin !== null && env.corsOrigins.includes(origin)
        ? {
            origin: [origin],
            credentials: true,
            methods: ['GET', 'POST'],
            allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-graphql-csrf'],
            maxAge: 600,
          }
        : false;
    },
    plugins: [
      useRequestScope(requests),
      useHttpGuards(env, options.prisma, limits, logger, current),
      useMalformedParamsAreBadRequests(),
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
    ],
    context: async ({ request, ...server }): Promise<Context> => {
      const state = current();
      // A failure here (the database) is masked and logged like any other.
      const { caller, passwordChangeOnly } = await (state.identified ??
        identifyRequest(options.prisma, request, env));
      return withDatabase(
        {
          requestId: state.requestId,
          caller,
          passwordChangeOnly,
          demoUsersAllowed: env.demoUsersAllowed,
          secrets,
          log: logger.child({ requestId: state.requestId }),
          sessionCookie: sessionCookieInto(state.setCookies, env.cookieSecure),
          sessionHours: env.sessionHours,
          signInThrottle: signInThrottle(limits, clientAddressOf(request, server, env)),
          cache: new RequestCache(),
        },
        options.prisma,
      );
    },
  });
  return { yoga, logger, env, limits };
}
