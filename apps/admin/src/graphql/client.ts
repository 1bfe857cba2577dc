/**
 * Sends typed operations to `/graphql` on the app's own origin. The session cookie goes with
 * every request; the CSRF header tells the API the request came from script, not a form.
 *
 * Failures that are part of the contract (wrong input, conflicts, refusals) come back as typed
 * results inside `data` and are handled by each screen. What is left here is transport: the
 * network, a session that has ended, and errors nobody expected.
 */
import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { routes } from '../app/routes.js';

/** Header the API's CSRF prevention requires on every POST (see apps/api). */
export const CSRF_HEADER = 'x-graphql-csrf';

/** Why a request failed outside the typed results. */
export type RequestFailureKind =
  | 'NETWORK'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SERVER';

export class RequestFailure extends Error {
  constructor(
    readonly kind: RequestFailureKind,
    message: string,
    readonly requestId?: string | undefined,
  ) {
    super(message);
    this.name = 'RequestFailure';
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; requestId?: string } | undefined;
}

type Listener = (failure: RequestFailure) => void;
const listeners = new Set<Listener>();

/** Called for every failed request; the session uses it to notice an ended sign-in. */
export function onRequestFailure(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function failureFrom(errors: readonly GraphQLErrorShape[]): RequestFailure {
  const first = errors[0];
  const code = first?.extensions?.code;
  const requestId = first?.extensions?.requestId;
  if (code === 'UNAUTHENTICATED') {
    return new RequestFailure(
      'UNAUTHENTICATED',
      'Your session has ended. Sign in again to carry on.',
      requestId,
    );
  }
  if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED') {
    return new RequestFailure('FORBIDDEN', 'You do not have permission to see this.', requestId);
  }
  return new RequestFailure(
    'SERVER',
    first?.message && code === 'BAD_USER_INPUT'
      ? first.message
      : 'Sorry, there is a problem with the service. Try again later.',
    requestId,
  );
}

/**
 * Runs one operation. Resolves with its data; rejects with a {@link RequestFailure}.
 */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] | [Variables] : [Variables]
): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(routes.graphql(), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
  } catch {
    throw report(
      new RequestFailure(
        'NETWORK',
        'The service cannot be reached. Check your connection and try again.',
      ),
    );
  }
  let body: { data?: Result | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw report(
      new RequestFailure('SERVER', 'Sorry, there is a problem with the service. Try again later.'),
    );
  }
  if (body.errors && body.errors.length > 0) throw report(failureFrom(body.errors));
  if (!response.ok || body.data == null) {
    throw report(
      new RequestFailure('SERVER', 'Sorry, there is a problem with the service. Try again later.'),
    );
  }
  return body.data;
}

function report(failure: RequestFailure): RequestFailure {
  for (const listener of listeners) listener(failure);
  return failure;
}
