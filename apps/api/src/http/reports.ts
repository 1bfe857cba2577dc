/**
 * Downloads from the running server, behind the API's access rules (published plans for anyone;
 * unpublished ones for a session or `read` API key of the plan's organisation):
 *
 * - `/reports/<plan slug>/<2021-22-Q2>.<html|md|csv|json|pdf>`: the quarterly monitoring report;
 * - `/reports/<2021-22-Q2>.<format>`: the same for the default plan (the caller's organisation's
 *   oldest plan, else the oldest published plan);
 * - `/open-data/<plan slug>.<json|csv>`: the plan and the current status of every commitment,
 *   public fields only, for the OPCC's website (CORS-enabled for published plans).
 *
 * Callers who are not staff of the plan's organisation get the public report (no authors, no
 * override reasons). Failures are plain-text messages a person can read: 404 for an unknown
 * plan, period or file name, 405 for a method other than GET or HEAD, 503 for a PDF when
 * Chromium is not installed. The handler speaks fetch (`Request` → `Response`) so tests call it
 * in process; `serveNode` puts it behind node:http.
 */

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@plan-tracker/db';
import type { Caller } from '@plan-tracker/domain';
import {
  isOpenDataFormat,
  isReportFormat,
  OPEN_DATA_FORMATS,
  parseReportFileName,
  renderOpenData,
  reportFileName,
} from '@plan-tracker/domain';
import type { Logger } from 'pino';
import { identify } from '../auth/identify.js';
import type { Limits } from '../auth/rate-limit.js';
import type { ApiEnv } from '../env.js';
import {
  findDefaultPlan,
  findVisiblePlan,
  openDataFor,
  ReportPeriodError,
  type ReportPlan,
  reportFileFor,
} from '../report/load.js';
import { ChromiumMissingError, htmlToPdf } from '../report/pdf.js';
import { clientAddressOf, type ServerContext } from './client-address.js';

/** The paths this handler answers; anything else is not its business. */
export const DOWNLOAD_PREFIXES = ['/reports/', '/open-data/'] as const;

export interface DownloadOptions {
  readonly prisma: PrismaClient;
  readonly logger: Logger;
  /** Prints HTML to PDF; tests pass one that fails as if Chromium were missing. */
  readonly pdf?: (html: string) => Promise<Uint8Array>;
  /**
   * The API's limits (`Api.limits`): a download with an API key spends from the same budget as
   * the key's GraphQL requests, and anonymous PDFs are limited per client address. Without
   * them, downloads are not rate-limited.
   */
  readonly limits?: Limits;
  /** The client address (`API_TRUST_PROXY`) and the session cookie's name; default: the socket's peer, Secure. */
  readonly env?: Pick<ApiEnv, 'trustProxy' | 'cookieSecure'>;
}

/** Answers a download request; `null` when the path is not a download path. */
export type DownloadHandler = (
  request: Request,
  server?: ServerContext,
) => Promise<Response | null>;

/** PDFs kept in memory (a report's PDF is some 100 kB). */
const PDF_CACHE_ENTRIES = 64;
/** The HTML report is self-contained: no scripts, no requests, inline styles and SVG only. */
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function message(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(`${text}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

const notFound = (text: string) => message(404, text);

function file(
  body: string | Uint8Array,
  mediaType: string,
  fileName: string,
  plan: ReportPlan,
  extra: Record<string, string> = {},
): Response {
  const inline = mediaType.startsWith('text/html');
  return new Response(body as BodyInit, {
    status: 200,
    headers: {
      'content-type': mediaType,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`,
      // Published plans may be cached by the browser but must be revalidated; others are private.
      'cache-control': plan.published ? 'no-cache' : 'private, no-store',
      'x-content-type-options': 'nosniff',
      ...(inline ? { 'content-security-policy': HTML_POLICY } : {}),
      ...extra,
    },
  });
}

/** Makes the download handler for a database. */
export function createDownloadHandler(options: DownloadOptions): DownloadHandler {
  const { prisma, logger } = options;
  const pdf = options.pdf ?? htmlToPdf;
  // One Chromium at a time: printing is heavy, and requests queue rather than pile up.
  let printing: Promise<unknown> = Promise.resolve();
  const print = (html: string): Promise<Uint8Array> => {
    const next = printing.then(() => pdf(html));
    printing = next.catch(() => undefined);
    return next;
  };
  // Printed PDFs by a hash of their HTML: a report is built from history as at its quarter's end,
  // so a closed quarter's HTML, and so its PDF, never changes; a changed report is a new key.
  // Bounded, oldest out first; requests for a PDF being printed wait for that one.
  const printed = new Map<string, Promise<Uint8Array>>();
  const printPdf = (html: string): Promise<Uint8Array> => {
    const key = createHash('sha256').update(html).digest('hex');
    const cached = printed.get(key);
    if (cached) {
      printed.delete(key);
      printed.set(key, cached);
      return cached;
    }
    const bytes = print(html);
    printed.set(key, bytes);
    bytes.catch(() => printed.delete(key));
    while (printed.size > PDF_CACHE_ENTRIES) {
      const oldest = printed.keys().next().value;
      if (oldest === undefined) break;
      printed.delete(oldest);
    }
    return bytes;
  };

  async function report(
    caller: Caller,
    plan: ReportPlan | null,
    name: string,
    planNamed: string | null,
  ): Promise<Response> {
    const usage = `Use /reports/<plan>/<period>.<format>, e.g. /reports/${planNamed ?? plan?.slug ?? 'dorset-2021-29'}/2021-22-Q2.html; formats: html, md, csv, json, pdf.`;
    const parsed = parseReportFileName(name);
    if (!parsed) return notFound(`"${name}" is not a report file name. ${usage}`);
    const { format } = parsed;
    if (format !== 'pdf' && !isReportFormat(format)) {
      return notFound(`There is no "${format}" format. ${usage}`);
    }
    if (!plan) {
      return notFound(
        planNamed
          ? `There is no plan "${planNamed}" that you can see. Unpublished plans need you to sign in as staff of their organisation.`
          : 'There is no published plan to report on.',
      );
    }
    let sent: Awaited<ReturnType<typeof reportFileFor>>;
    try {
      sent = await reportFileFor(prisma, caller, plan, parsed.period, format, printPdf);
    } catch (error) {
      if (error instanceof ReportPeriodError) return notFound(error.message);
      if (error instanceof ChromiumMissingError) {
        return message(503, `${error.message} The other formats work without it.`, {
          'retry-after': '3600',
        });
      }
      throw error;
    }
    const fileName = `${plan.slug}-${reportFileName(sent.period, format)}`;
    return file(sent.body, sent.mediaType, fileName, plan);
  }

  async function openData(caller: Caller, name: string): Promise<Response> {
    const match = /^([a-z0-9-]+)\.([a-z]+)$/.exec(name);
    const usage = 'Use /open-data/<plan>.json or /open-data/<plan>.csv.';
    if (!match) return notFound(`"${name}" is not an open data file name. ${usage}`);
    const [, slug = '', format = ''] = match;
    if (!isOpenDataFormat(format)) return notFound(`There is no "${format}" format. ${usage}`);
    const plan = await findVisiblePlan(prisma, caller, slug);
    if (!plan) {
      return notFound(
        `There is no plan "${slug}" that you can see. Unpublished plans need you to sign in as staff of their organisation.`,
      );
    }
    const data = await openDataFor(prisma, plan);
    return file(
      renderOpenData(data, format),
      OPEN_DATA_FORMATS[format].mediaType,
      `${plan.slug}-open-data.${format}`,
      plan,
      // The OPCC's website may fetch published open data from its own origin.
      plan.published ? { 'access-control-allow-origin': '*' } : {},
    );
  }

  return async (request, server) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (!DOWNLOAD_PREFIXES.some((prefix) => path.startsWith(prefix))) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return message(405, 'Downloads are read with GET.', { allow: 'GET, HEAD' });
    }
    let parts: string[];
    try {
      parts = path.split('/').slice(2).map(decodeURIComponent);
    } catch {
      return notFound('The address is not valid.');
    }
    const caller = await identify(prisma, request, {
      cookieSecure: options.env?.cookieSecure ?? true,
    });
    const limits = options.limits;
    // A key's budget is spent once the key is verified; anonymous PDFs (seconds of Chromium
    // each) per client address. Signed-in staff are not limited.
    const limited =
      limits && caller.kind === 'apiKey'
        ? { decision: await limits.apiKey.take(caller.apiKeyId), what: 'with this API key' }
        : limits && caller.kind === 'anonymous' && path.endsWith('.pdf')
          ? {
              decision: await limits.anonymousPdf.take(
                clientAddressOf(request, server, options.env ?? { trustProxy: false }),
              ),
              what: 'for PDF reports from your network without signing in',
            }
          : null;
    if (limited && !limited.decision.allowed) {
      const wait = limited.decision.retryAfterSeconds;
      return message(429, `Too many requests ${limited.what}. Try again in ${wait} s.`, {
        'retry-after': String(wait),
      });
    }
    const started = performance.now();
    const response = await (async () => {
      if (path.startsWith('/open-data/')) {
        return parts.length === 1 && parts[0]
          ? openData(caller, parts[0])
          : notFound('Use /open-data/<plan>.json or /open-data/<plan>.csv.');
      }
      if (parts.length === 1 && parts[0]) {
        return report(caller, await findDefaultPlan(prisma, caller), parts[0], null);
      }
      if (parts.length === 2 && parts[0] && parts[1]) {
        const organisation = url.searchParams.get('organisation');
        const plan = await findVisiblePlan(prisma, caller, parts[0], organisation);
        return report(caller, plan, parts[1], parts[0]);
      }
      return notFound(
        'Use /reports/<plan>/<period>.<format>, e.g. /reports/dorset-2021-29/2021-22-Q2.html.',
      );
    })();
    logger.info(
      {
        method: request.method,
        path,
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      'download',
    );
    return request.method === 'HEAD'
      ? new Response(null, { status: response.status, headers: response.headers })
      : response;
  };
}

/** Answers a node:http request with the download handler (GET and HEAD only, so no body). */
export async function serveNode(
  handler: DownloadHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const request = new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method: req.method ?? 'GET',
    headers,
  });
  const response = await handler(request, { req });
  if (!response) return false;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  return true;
}
