/**
 * Malformed JSON in the URL's `variables` or `extensions` (GET) is the client's mistake: 400 with
 * a message naming the parameter. yoga's GET (and form) parser calls `JSON.parse` on them
 * unguarded, so without this the SyntaxError reaches the masking as an unexpected error: a 500.
 * yoga's JSON body parser already answers 400 "POST body sent invalid JSON."
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const JSON_PARAMS = ['variables', 'extensions'] as const;

function malformed(request: Request, error: SyntaxError): GraphQLError {
  const params = new URL(request.url).searchParams;
  const name = JSON_PARAMS.find((param) => {
    const value = params.get(param);
    if (!value) return false;
    try {
      JSON.parse(value);
      return false;
    } catch {
      return true;
    }
  });
  const which = name
    ? `The "${name}" parameter is`
    : 'The "variables" or "extensions" parameter is';
  return new GraphQLError(`${which} not valid JSON: ${error.message}`, {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

/** Turns a JSON syntax error while reading the GraphQL parameters into a 400. */
export function useMalformedParamsAreBadRequests(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof SyntaxError) throw malformed(request, error);
          throw error;
        }
      });
    },
  };
}
