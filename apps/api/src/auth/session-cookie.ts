/**
 * The session cookie: read from the `Cookie` header and written as `Set-Cookie`, both with the
 * `cookie` package (jshttp's, the one Express uses), which parses and serialises by RFC 6265.
 *
 * Not yoga's cookie plugin (`@whatwg-node/server-plugin-cookies`): its serialiser (cookie-store's
 * `getCookieString`) writes `Expires` and never `Max-Age`, so a browser whose clock is off would
 * keep the session cookie for the wrong time; and its `delete()` writes `SameSite=Strict` without
 * `HttpOnly`, not the attributes the cookie was set with. yoga.ts carries what the resolvers set to
 * the response, as that plugin would.
 */
import { parseCookie, stringifySetCookie } from 'cookie';

/** Name of the session cookie. `__Host-` pins it to this origin, path `/`, Secure. */
export const SESSION_COOKIE = '__Host-plan-tracker-session';
/** The same cookie without the prefix, for plain-HTTP development where Secure cannot be set. */
export const INSECURE_SESSION_COOKIE = 'plan-tracker-session';

/** What a resolver may do to the session cookie; the response carries it. */
export interface SessionCookie {
  /** Sets the cookie to `token` for `maxAgeSeconds`. */
  start(token: string, maxAgeSeconds: number): void;
  /** Deletes the cookie. */
  end(): void;
}

/**
 * The session token a request carries, if any, under the one name this server sets: with
 * `secure`, only `__Host-plan-tracker-session` (a browser sets a `__Host-` cookie only over HTTPS,
 * from this host, for `/`, so a cookie planted by a sibling subdomain or over plain HTTP under
 * the bare name is never taken for a session); without, for plain-HTTP testing, only the bare name.
 */
export function sessionTokenFrom(request: Request, secure: boolean): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  return parseCookie(header)[secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE] || null;
}

/**
 * A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Max-Age, and Secure with the `__Host-`
 * name unless `secure` is off for plain-HTTP local testing. `maxAgeSeconds` 0 deletes it.
 */
export function sessionSetCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie({
    name: secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE,
    value: token,
    maxAge: maxAgeSeconds,
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

/** A {@link SessionCookie} whose `Set-Cookie` values go to `sink`, for the response. */
export function sessionCookieInto(sink: string[], secure: boolean): SessionCookie {
  return {
    start: (token, maxAgeSeconds) => sink.push(sessionSetCookie(token, maxAgeSeconds, secure)),
    end: () => sink.push(sessionSetCookie('', 0, secure)),
  };
}
