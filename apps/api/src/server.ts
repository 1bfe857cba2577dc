/**
 * The HTTP server: GraphQL at `/graphql`, report and open-data downloads at `/reports/` and
 * `/open-data/` (http/reports.ts), `/healthz` (the process is alive), `/readyz` (the database
 * answers), and optionally the admin app's built files at `/`. Structured logs with a
 * request id; a graceful shutdown on SIGTERM/SIGINT that stops accepting connections, lets
 * requests in flight finish, then closes the database.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Database } from '@plan-tracker/db';
import type { Logger } from 'pino';
import type { ApiEnv } from './env.js';
import { createOidcHandler, OIDC_PREFIX, serveOidc } from './http/oidc.js';
import { createDownloadHandler, DOWNLOAD_PREFIXES, serveNode } from './http/reports.js';
import { securityHeaders } from './http/security-headers.js';
import { createApi } from './yoga.js';

export interface StartServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback by default; `0.0.0.0` to listen on every interface. */
  host?: string;
  /** The open database; the server closes it when it shuts down. */
  database: Database;
  /** A folder of built static files (the admin app) served at `/`, with index.html for unknown paths. */
  staticDir?: string;
  env?: ApiEnv;
  logger?: Logger;
  /** Shut down on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** How long in-flight requests may take to finish before connections are cut (default 10 s). */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** e.g. `http://127.0.0.1:4000` */
  readonly url: string;
  /** Stops accepting, waits for requests in flight, closes the database. Idempotent. */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  const base = resolve(root);
  const wanted = resolve(join(base, normalize(decodeURIComponent(pathname))));
  if (wanted !== base && !wanted.startsWith(base + sep)) return false;
  for (const file of [wanted, join(wanted, 'index.html'), join(base, 'index.html')]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) {
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(res);
      return true;
    }
  }
  return false;
}

/** Starts the server; resolves once it is listening. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { database } = options;
  const api = createApi({
    prisma: database.prisma,
    ...(options.env ? { env: options.env } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const { yoga, logger, limits, env } = api;
  const dataHeaders = securityHeaders(env, 'data');
  const appHeaders = securityHeaders(env, 'app');
  const downloads = createDownloadHandler({
    prisma: database.prisma,
    logger,
    limits,
    env,
  });
  const singleSignOn = createOidcHandler({ prisma: database.prisma, logger, env });
  let shuttingDown = false;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (shuttingDown) res.setHeader('connection', 'close');
    // yoga sets its own (yoga.ts; GraphiQL's page differs); every other answer starts from these.
    if (pathname !== '/graphql') {
      for (const [name, value] of Object.entries(dataHeaders)) res.setHeader(name, value);
    }
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/readyz') {
      if (shuttingDown) return sendJson(res, 503, { status: 'shutting down' });
      try {
        await database.prisma.$queryRaw`SELECT 1`;
        return sendJson(res, 200, { status: 'ready', database: database.kind });
      } catch (error) {
        logger.error({ err: error }, 'readiness check: database unreachable');
        return sendJson(res, 503, { status: 'database unreachable' });
      }
    }
    if (pathname === '/graphql') return yoga(req, res);
    if (pathname.startsWith(OIDC_PREFIX) && (await serveOidc(singleSignOn, req, res))) return;
    if (DOWNLOAD_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      if (await serveNode(downloads, req, res)) return;
    }
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      if (await serveStatic(options.staticDir, pathname, res, appHeaders)) return;
    }
    return sendJson(res, 404, { error: 'Not found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Unexpected error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', fail);
      ready();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.info({ url, database: database.location }, 'listening');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      shuttingDown = true;
      logger.info('shutting down: no new connections, finishing requests in flight');
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const timeout = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownTimeoutMs ?? 10_000,
      );
      await closed;
      clearTimeout(timeout);
      await database.close();
      logger.info('shut down');
    })();
    return closing;
  };

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'signal received');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }

  return { server, port, url, close };
}
