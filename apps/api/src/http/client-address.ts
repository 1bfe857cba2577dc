/**
 * The address a request came from, for the limits that count per client (sign-in attempts,
 * anonymous PDF downloads): the socket's peer, or, when `API_TRUST_PROXY` says a reverse proxy
 * is in front, the last `X-Forwarded-For` entry, the one that proxy added.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiEnv } from '../env.js';

/** What node:http (or a test calling `yoga.fetch`) tells the handlers about the connection. */
export interface ServerContext {
  readonly req?: IncomingMessage;
  /** Given directly, e.g. by in-process tests. */
  readonly clientAddress?: string;
}

export function clientAddressOf(
  request: Request,
  server: ServerContext | undefined,
  env: Pick<ApiEnv, 'trustProxy'>,
): string {
  if (server?.clientAddress) return server.clientAddress;
  if (env.trustProxy) {
    const forwarded = request.headers
      .get('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
  }
  return server?.req?.socket.remoteAddress ?? 'unknown';
}
