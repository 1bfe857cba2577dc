/**
 * The security headers of every response (audit, issue 15), as one table. Not helmet: it is
 * Connect/Express middleware and this server answers with node:http and fetch `Response`s; the
 * fetch-style ports (e.g. `@mcansh/http-helmet`) are archived or framework-bound. Eight fixed
 * headers do not need a library; the policies below are the part that needs thought.
 */
import type { ApiEnv } from '../env.js';

/**
 * The admin app: Vite's build is one module script, one stylesheet and SVG images, all from this
 * origin (GOV.UK Frontend's styles are bundled; its fonts are the system's); no inline script.
 * React's `style={{…}}` sets styles through the CSSOM, which `style-src` does not govern.
 */
export const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON, plain text and downloads: nothing in them may load anything or be framed. */
export const DATA_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** One year; no `includeSubDomains`, as the API cannot know what else its domain serves. */
const HSTS = 'max-age=31536000';

/**
 * The headers for a response of `kind`. `graphiql` is GraphiQL's page (development only; off in
 * production): it loads its code from a CDN with inline script, so it gets no CSP of ours.
 */
export function securityHeaders(
  env: Pick<ApiEnv, 'nodeEnv'>,
  kind: 'app' | 'data' | 'graphiql',
): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    ...(kind === 'graphiql'
      ? {}
      : { 'content-security-policy': kind === 'app' ? APP_POLICY : DATA_POLICY }),
    ...(env.nodeEnv === 'production' ? { 'strict-transport-security': HSTS } : {}),
  };
}
