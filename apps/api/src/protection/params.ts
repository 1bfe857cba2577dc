/**
 * Malformed JSON in the URL's `variables` or `extensions` (GET) is the client's mistake: 400 with
 * a message naming the parameter. yoga's GET (and form) parser calls `JSON.parse` on them
 * unguarded, so without this the SyntaxError reaches the masking as an unexpected error: a 500.
 * yoga's JSON body parser already answers 400 "POST body sent invalid JSON."
 *
 * Text with a NUL character (U+0000), in the variables or as `\u0000` in the document, is a 400
 * too: PostgreSQL cannot store or even compare it, so it would reach the database as an error
 * (a slug, a filter) and be masked as unexpected, with a stack in the log.
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

const NUL = String.fromCharCode(0);

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes(NUL) || containsNul(item));
  }
  return false;
}

function hasNul(params: { query?: string; variables?: unknown }): boolean {
  const { query, variables } = params;
  // In the document, a NUL is written as the escape `\u0000` (or `\u{0}`) in a string.
  return (
    (typeof query === 'string' && (query.includes(NUL) || /\\u(0000|\{0+\})/i.test(query))) ||
    containsNul(variables)
  );
}

const nulRefused = () =>
  new GraphQLError(
    'Text may not contain the NUL character (U+0000); remove it and send the request again.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );

/** Turns a JSON syntax error, or a NUL in the text, while reading the parameters into a 400. */
export function useMalformedParamsAreBadRequests(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        let parsed: Awaited<ReturnType<typeof requestParser>>;
        try {
          parsed = await requestParser(request);
        } catch (error) {
          if (error instanceof SyntaxError) throw malformed(request, error);
          throw error;
        }
        for (const params of Array.isArray(parsed) ? parsed : [parsed]) {
          if (!(params instanceof Response) && hasNul(params)) throw nulRefused();
        }
        return parsed;
      });
    },
  };
}
