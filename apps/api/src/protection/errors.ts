/**
 * Masks unexpected errors: anything a resolver threw that is not a GraphQL error (a bug, a
 * database failure) reaches the client as "Unexpected error" with code INTERNAL_SERVER_ERROR and
 * the request id, and is logged in full with the same request id. Expected failures are typed
 * results (schema/errors.ts) or GraphQL errors with their own codes, and pass unchanged.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/** True when the error was raised on purpose with a message meant for the caller. */
function isExpected(error: GraphQLError): boolean {
  const original = error.originalError;
  if (!original) return true;
  if (original instanceof GraphQLError) return isExpected(original);
  // Pothos' own refusals (bad connection arguments, auth) are written for callers.
  return original.name === 'PothosValidationError' || original.name === 'ForbiddenError';
}

export function useMaskedInternalErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const errors = result.errors.map((error) => {
            if (isExpected(error)) return error;
            ctx.log.error(
              { err: error.originalError, path: error.path?.join('.') },
              'unexpected error in a resolver',
            );
            return new GraphQLError(
              `Unexpected error. Quote request id ${ctx.requestId} when reporting it.`,
              {
                ...(error.path ? { path: error.path } : {}),
                extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: ctx.requestId },
              },
            );
          });
          setResult({ ...result, errors });
        },
      };
    },
  };
}
