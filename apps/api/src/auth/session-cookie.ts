/**
 * The session cookie: how a session token (made by `@plan-tracker/accounts`) travels between
 * the browser and the API. HTTP, so it stays in the API.
 */

/** Name of the session cookie. `__Host-` pins it to this origin, path `/`, Secure. */
export const SESSION_COOKIE = '__Host-plan-tracker-session';
/** The same cookie without the prefix, for plain-HTTP development where Secure cannot be set. */
export const INSECURE_SESSION_COOKIE = 'plan-tracker-session';

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure unless turned off for local HTTP. */
export function sessionCookie(value: string, maxAge: number, secure: boolean): string {
  const name = secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE;
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
