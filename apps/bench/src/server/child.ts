/**
 * The process under test, started by the benchmark with IPC: the real API (`startServer` from
 * @plan-tracker/api) and the baseline server, both on free loopback ports, over the database in
 * BENCH_DATABASE_URL. It runs apart from autocannon so the load generator does not take the
 * server's CPU time. It counts SQL statements and reports them when asked.
 */
import { parseApiEnv, startServer } from '@plan-tracker/api';
import {
  openDatabase,
  type PGliteAdapterFactory,
  type PostgresAdapterFactory,
} from '@plan-tracker/db';
import { type RunSql, startBaseline } from './baseline.js';
import { countingPrisma } from './counting.js';
import type { FromServer, ToServer } from './protocol.js';

const send = (message: FromServer) => process.send?.(message);

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) {
  console.error('Started by the benchmark only (needs BENCH_DATABASE_URL and an IPC channel).');
  process.exit(2);
}

const database = await openDatabase({ url });
const apiCounter = { statements: 0, active: 0 };
const baselineCounter = { statements: 0, active: 0 };
const prisma = countingPrisma(database, apiCounter);
const api = await startServer({
  port: 0,
  database: {
    ...database,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await database.close();
    },
  },
  // As deployed: production settings, request logs on; plain HTTP on loopback, so cookies are
  // not Secure; no API key is used, the rate limit does not apply.
  env: parseApiEnv({ NODE_ENV: 'production', LOG_LEVEL: 'info', API_COOKIE_SECURE: 'false' }),
  handleSignals: false,
});
const runSql: RunSql =
  database.kind === 'postgresql'
    ? async (sql, params) =>
        (await (database.adapterFactory as PostgresAdapterFactory).pool.query(sql, params)).rows
    : async (sql, params) =>
        (await (database.adapterFactory as PGliteAdapterFactory).client.query(sql, params))
          .rows as Record<string, unknown>[];
const baseline = await startBaseline(runSql, baselineCounter);

// Requests in flight on either server: a scenario starts only when the last one's are done.
// autocannon closes its sockets when time is up, but the API goes on working on what it had
// received, so quiet means no open request and no SQL statement running for a while.
let inFlight = 0;
for (const server of [api.server, baseline.server]) {
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
  });
}
async function drained(): Promise<void> {
  let quietSince = performance.now();
  while (performance.now() - quietSince < 250) {
    await new Promise((resume) => setTimeout(resume, 10));
    if (inFlight > 0 || apiCounter.active > 0 || baselineCounter.active > 0) {
      quietSince = performance.now();
    }
  }
}

process.on('message', (message: ToServer) => {
  if (message.type === 'count') {
    send({ type: 'count', api: apiCounter.statements, baseline: baselineCounter.statements });
    apiCounter.statements = 0;
    baselineCounter.statements = 0;
  } else if (message.type === 'drain') {
    drained().then(() => send({ type: 'drained' }));
  } else if (message.type === 'stop') {
    drained()
      .then(() => Promise.all([baseline.close(), api.close()]))
      .finally(() => process.exit(0));
  }
});
send({ type: 'ready', apiUrl: api.url, baselineUrl: baseline.url });
