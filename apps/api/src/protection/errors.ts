/**
 * What callers see of errors, decided in one place: the `maskError` that yoga.ts gives yoga's
 * `maskedErrors`, which yoga applies to every error it answers with (execution, context,
 * request parsing).
 *
 * Expected errors pass unchanged: GraphQL errors raised on purpose (syntax and validation errors,
 * the limits' refusals such as PAGE_SIZE_TOO_LARGE and QUERY_TOO_COMPLEX, the scalars' and
 * Pothos' refusals), and our typed failures (src/errors.ts) that reach a field without an
 * `errors` union, with their code. Anything else (a bug, a database failure) reaches the client as
 * "Unexpected error." with code INTERNAL_SERVER_ERROR and the request id, and is logged with the
 * same request id and a short stack: once per request, however many fields it failed.
 */
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { ApiError } from '../errors.js';

/** What masking needs of the request being answered. */
export interface MaskingScope {
  readonly requestId: string;
  /** Errors of this request already logged. */
  readonly logged: WeakSet<object>;
}

/** Stack frames logged per error: enough to find the line, not a screenful per failure. */
const STACK_FRAMES = 8;

/** An error as one small log field: type, message, code, the first frames, and its causes' messages. */
export function compactError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at ') && !line.includes('(node:internal'))
    .slice(0, STACK_FRAMES)
    // pnpm's store paths are long and say nothing the package name does not.
    .map((line) =>
      line.replace(/file:\/\/|\/\S*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//g, ''),
    );
  const causes: string[] = [];
  for (let cause = error.cause; cause instanceof Error && causes.length < 5; cause = cause.cause) {
    causes.push(`${cause.name}: ${cause.message}`);
  }
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: frames,
    ...(causes.length > 0 ? { causes } : {}),
  };
}

/** A GraphQL error raised as such all the way down, as yoga's own masking tells them apart. */
function isOriginalGraphQLError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isOriginalGraphQLError(error.originalError);
}

/** Where an error happened in the operation, kept on its replacement. */
function locationOf(error: GraphQLError | undefined): GraphQLErrorOptions {
  if (!error) return {};
  return {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
}

/**
 * yoga's `maskError`. `scope` is the request being answered (yoga.ts keeps it in an
 * AsyncLocalStorage, since yoga passes `maskError` the error only).
 */
export function createMaskError(logger: Logger, scope: () => MaskingScope | undefined): MaskError {
  return (error, message) => {
    if (isOriginalGraphQLError(error)) return error as GraphQLError;
    const located = error instanceof GraphQLError ? error : undefined;
    const cause: unknown = located?.originalError ?? error;
    if (cause instanceof ApiError) {
      return new GraphQLError(cause.message, {
        ...locationOf(located),
        extensions: { code: cause.code },
      });
    }
    const request = scope();
    const seen = typeof cause === 'object' && cause !== null && request?.logged.has(cause);
    if (!seen) {
      if (typeof cause === 'object' && cause !== null) request?.logged.add(cause);
      logger.error(
        {
          requestId: request?.requestId,
          path: located?.path?.join('.'),
          error: compactError(cause),
        },
        'unexpected error',
      );
    }
    return new GraphQLError(message, {
      ...locationOf(located),
      // yoga leaves `unexpected` out of the response; it answers 500 when there is no data.
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        requestId: request?.requestId,
        unexpected: true,
      },
    });
  };
}
