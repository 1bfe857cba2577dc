/**
 * `pnpm bench`: seeds a throwaway database with synthetic plans, starts the real API and a
 * hand-written SQL baseline in a child process, drives both over loopback HTTP with autocannon,
 * and prints a table. It measures and prints; it fails only when something is broken (a scenario
 * answered with errors), never on timing. See apps/bench/README.md.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openDatabase } from '@plan-tracker/db';
import { startThrowawayPostgres } from '@plan-tracker/db/testing';
import { previousPeriod, quarterOf, todayInPlanTimeZone } from '@plan-tracker/domain';
import { createEditorSession } from './dataset/identity.js';
import { loadDataset } from './dataset/load.js';
import { type LoadSettings, runScenario, type Scenario, type ScenarioResult } from './drive.js';
import {
  COMMITMENTS_PAGE,
  documentProblems,
  graphqlProblem,
  hasMonitoringReport,
  hasStatusMutation,
  MONITORING_REPORT,
  type MutationOutcomes,
  type MutationTarget,
  PLAN_AS_AT,
  PLAN_TREE,
  recordStatusChange,
  statusChangeBody,
} from './scenarios.js';
import type { FromServer, ToServer } from './server/protocol.js';
import { resultTable } from './table.js';

const USAGE = `Usage: pnpm bench [--scale N] [--pglite] [--duration S] [--warmup S] [--connections N]

  --scale N        synthetic plans to seed, one organisation each (default 43)
  --pglite         embedded PGlite instead of a throwaway PostgreSQL server
  --duration S     seconds of load per scenario (default 10)
  --warmup S       seconds of load before each measurement, not counted (default 2)
  --connections N  concurrent connections autocannon keeps open (default 4)`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '43' },
      pglite: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '4' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      console.error(`--${name} must be a whole number, at least ${min}.\n\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  return {
    scale: whole('scale', values.scale, 1),
    pglite: values.pglite,
    durationSeconds: whole('duration', values.duration, 1),
    warmupSeconds: whole('warmup', values.warmup, 0),
    connections: whole('connections', values.connections, 1),
  };
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const interactive = process.stderr.isTTY === true;

/** The process serving the API and the baseline, and a way to ask it for statement counts. */
async function startServers(databaseUrl: string) {
  const child: ChildProcess = fork(new URL('./server/child.ts', import.meta.url), {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // The API logs one JSON line per request; show only warnings and errors.
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        if ((entry.level ?? 0) >= 40) say(`  api: ${line}`);
      } catch {
        say(`  api: ${line}`);
      }
    });
  }
  const next = () =>
    new Promise<FromServer>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the server process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message: FromServer) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the server process did not start');
  const ask = async () => {
    const reply = next();
    child.send({ type: 'count' } satisfies ToServer);
    const message = await reply;
    if (message.type !== 'count') throw new Error('unexpected reply from the server process');
    return message;
  };
  const drain = async () => {
    const reply = next();
    child.send({ type: 'drain' } satisfies ToServer);
    await reply;
  };
  return {
    drain,
    apiUrl: ready.apiUrl,
    baselineUrl: ready.baselineUrl,
    countApi: async () => (await ask()).api,
    countBaseline: async () => (await ask()).baseline,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.send({ type: 'stop' } satisfies ToServer);
      }),
  };
}

async function main(): Promise<number> {
  const settings = options();
  const today = todayInPlanTimeZone();
  const started = performance.now();

  // Every GraphQL document must be valid against the API's schema before anything starts.
  const mutation = hasStatusMutation();
  const report = hasMonitoringReport();
  for (const [name, document] of Object.entries({
    PLAN_TREE,
    COMMITMENTS_PAGE,
    PLAN_AS_AT,
    ...(report ? { MONITORING_REPORT } : {}),
  })) {
    const problems = documentProblems(document);
    if (problems.length > 0) {
      say(`The ${name} query no longer fits the API's schema:\n  ${problems.join('\n  ')}`);
      return 1;
    }
  }

  let stopDatabase: () => Promise<void>;
  let databaseUrl: string;
  if (settings.pglite) {
    const folder = mkdtempSync(join(tmpdir(), 'plan-tracker-bench-'));
    databaseUrl = `file:${folder}`;
    stopDatabase = async () => rmSync(folder, { recursive: true, force: true });
    say(`Database: embedded PGlite in ${folder}`);
  } else {
    say('Database: starting a throwaway PostgreSQL server…');
    const server = await startThrowawayPostgres();
    databaseUrl = server.url;
    stopDatabase = server.stop;
  }

  try {
    const database = await openDatabase({ url: databaseUrl, migrate: true });
    const [row] = await database.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version()');
    const databaseVersion = row?.version.split(/ on |,/)[0] ?? 'PostgreSQL';
    const seeding = performance.now();
    const dataset = await loadDataset(database.prisma, {
      plans: settings.scale,
      today,
      concurrency: settings.pglite ? 1 : 2,
      onPlan: (done, total, rows) => {
        const line = `Seeding: plan ${done}/${total}, ${rows.toLocaleString('en-GB')} rows`;
        if (interactive) process.stderr.write(`\r\x1b[K${line}`);
        else if (done === total || done % 10 === 0) say(line);
        if (interactive && done === total) process.stderr.write('\n');
      },
    });
    // Fresh planner statistics, as autovacuum would have gathered on a database that grew slowly.
    await database.prisma.$executeRawUnsafe('ANALYZE');
    const seedSeconds = (performance.now() - seeding) / 1000;
    say(
      `Seeded ${dataset.rows.toLocaleString('en-GB')} rows in ${seedSeconds.toFixed(1)} s (${Object.entries(
        dataset.counts,
      )
        .filter(([, n]) => n > settings.scale)
        .map(([table, n]) => `${n.toLocaleString('en-GB')} ${table}`)
        .join(', ')})`,
    );
    const { first } = dataset;
    const editor = await createEditorSession(database.prisma, first.organisation.id);
    const targets: MutationTarget[] = first.commitments
      .filter(
        (c) =>
          (c.status === 'IN_PROGRESS' || c.status === 'ONGOING') &&
          !first.actions.some((a) => a.commitmentId === c.id),
      )
      .map((c) => ({ id: c.id, version: c.version, rag: c.rag }));
    await database.close();

    const servers = await startServers(databaseUrl);
    try {
      const slug = first.plan.slug;
      // The last quarter that has ended: what the Panel's latest monitoring report covers.
      const reportQuarter = previousPeriod(quarterOf(today));
      const reportDate = reportQuarter.endDate;
      const graphql = (query: string, variables: Record<string, unknown>) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      const outcomes: MutationOutcomes = {};
      const scenarios: Scenario[] = [
        {
          name: 'plan tree (one plan, everything)',
          server: 'api',
          request: graphql(PLAN_TREE, { slug }),
          check: graphqlProblem,
        },
        {
          name: 'plan tree',
          server: 'baseline',
          request: { method: 'GET', path: `/tree?slug=${slug}`, headers: {} },
          check: graphqlProblem,
        },
        {
          name: 'filtered commitments page (20)',
          server: 'api',
          request: graphql(COMMITMENTS_PAGE, { slug }),
          check: graphqlProblem,
        },
        {
          name: 'filtered commitments page (20)',
          server: 'baseline',
          request: { method: 'GET', path: `/commitments?slug=${slug}`, headers: {} },
          check: graphqlProblem,
        },
        {
          name: `plan as at ${reportDate} with roll-ups`,
          server: 'api',
          request: graphql(PLAN_AS_AT, { slug, asAt: reportDate }),
          check: graphqlProblem,
        },
        ...(report
          ? [
              {
                name: `monitoring report ${reportQuarter.label}`,
                server: 'api' as const,
                request: graphql(MONITORING_REPORT, { slug, period: reportQuarter.label }),
                check: graphqlProblem,
              },
            ]
          : []),
      ];
      const notes: string[] = report
        ? []
        : ['monitoring report skipped: the API has no plan { monitoringReport } query yet'];
      if (mutation && targets.length > 0) {
        scenarios.push({
          name: 'status mutation (changeCommitmentStatus)',
          server: 'api',
          request: {
            method: 'POST',
            path: '/graphql',
            headers: {
              'content-type': 'application/json',
              'x-graphql-csrf': '1',
              cookie: editor.cookie,
            },
            body: (turn) => statusChangeBody(targets, turn),
          },
          check: (status, text) => {
            const problem = graphqlProblem(status, text);
            if (problem) return problem;
            const type = (
              JSON.parse(text) as { data: { changeCommitmentStatus: { __typename: string } } }
            ).data.changeCommitmentStatus.__typename;
            return type === 'Commitment' ? undefined : `answered ${type}`;
          },
          onLoadResponse: (body, text) => {
            const outcome = recordStatusChange(targets, body, text);
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          },
          note: () =>
            Object.entries(outcomes)
              .map(([type, n]) => `${n} ${type}`)
              .join(', '),
        });
      } else {
        notes.push(
          mutation
            ? 'status mutation skipped: the plan has no commitment to change without a reason'
            : 'status mutation skipped: the API has no changeCommitmentStatus mutation yet',
        );
      }

      const load: LoadSettings = {
        durationSeconds: settings.durationSeconds,
        warmupSeconds: settings.warmupSeconds,
        connections: settings.connections,
        probes: 3,
      };
      const results: ScenarioResult[] = [];
      for (const scenario of scenarios) {
        say(`Running: ${scenario.name} (${scenario.server})…`);
        const isApi = scenario.server === 'api';
        const result = await runScenario(
          isApi ? servers.apiUrl : servers.baselineUrl,
          scenario,
          load,
          isApi ? servers.countApi : servers.countBaseline,
          servers.drain,
        );
        results.push(result);
      }

      const machine = cpus();
      console.log('');
      console.log(resultTable(results));
      console.log('');
      console.log(
        [
          `Machine: ${machine.length} × ${machine[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM; Node ${process.version}; ${settings.pglite ? `PGlite (${databaseVersion}, in the server process)` : `${databaseVersion} (throwaway cluster, fsync off, same machine)`}.`,
          `Data: ${settings.scale} synthetic plans, ${dataset.rows.toLocaleString('en-GB')} rows (${dataset.counts.commitments?.toLocaleString('en-GB')} commitments, ${dataset.counts.actions?.toLocaleString('en-GB')} actions, ${dataset.counts.progressUpdates?.toLocaleString('en-GB')} progress updates, ${dataset.counts.auditLogs?.toLocaleString('en-GB')} history entries); every scenario reads or writes plan "${slug}".`,
          `Load: autocannon, ${settings.connections} connections, ${settings.durationSeconds} s per scenario (up to ${settings.durationSeconds * 3} s for slow requests) after ${settings.warmupSeconds} s of warm-up, loopback HTTP; SQL statements counted over ${load.probes} sequential requests.`,
          `Run took ${Math.round((performance.now() - started) / 1000)} s, ${seedSeconds.toFixed(0)} s of it seeding.`,
          ...notes,
        ].join('\n'),
      );
      // Broken: a wrong answer or an error status. Timeouts and socket errors under load are
      // reported in the table but are about timing, so they do not fail the run.
      const broken = results.filter((r) => r.problems.length > 0 || r.non2xx > 0);
      const mutationBroken = (outcomes.broken ?? 0) > 0;
      if (broken.length > 0 || mutationBroken) {
        say(
          `\nBroken: ${[...broken.map((r) => `${r.name} (${r.server}): ${r.problems.join('; ') || `${r.non2xx} non-2xx responses`}`), ...(mutationBroken ? [`status mutation: ${outcomes.broken} responses with errors`] : [])].join('\n  ')}`,
        );
        return 1;
      }
      return 0;
    } finally {
      await servers.stop();
    }
  } finally {
    await stopDatabase();
  }
}

// The wasm migrator leaves a timer behind (packages/db README): exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
