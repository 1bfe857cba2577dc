/**
 * `pnpm --filter @plan-tracker/bench run profile`: the cost of one request alone, in process. Seeds
 * the benchmark's synthetic plans (or reuses a database that has them), builds the API with
 * `createApi` and sends each read scenario through `yoga.fetch` one at a time: no HTTP, no load
 * generator, no queueing. Prints each scenario's fastest and median time, the median CPU time of
 * this process (JavaScript, Prisma and the driver: steadier than wall time on a busy machine) and
 * the SQL statements.
 * Run it under `node --cpu-prof` (see apps/bench/README.md) to see where the time goes.
 */
import { parseArgs } from 'node:util';
import { createApi, parseApiEnv } from '@plan-tracker/api';
import { openDatabase } from '@plan-tracker/db';
import { startThrowawayPostgres } from '@plan-tracker/db/testing';
import { previousPeriod, quarterOf, todayInPlanTimeZone } from '@plan-tracker/domain';
import { loadDataset } from './dataset/load.js';
import { COMMITMENTS_PAGE, MONITORING_REPORT, PLAN_AS_AT, PLAN_TREE } from './scenarios.js';
import { countingPrisma } from './server/counting.js';

const USAGE = `Usage: pnpm --filter @plan-tracker/bench run profile [--url URL] [--scale N] [--runs N] [--only NAME]

  --url URL    a PostgreSQL database holding the benchmark's plans (seeded first if it has none);
               default: a throwaway PostgreSQL server, seeded and removed
  --scale N    plans to seed into an empty database (default 43, as \`pnpm bench\`)
  --runs N     measured requests per scenario, after one not measured (default 5)
  --only NAME  scenarios whose name contains NAME (e.g. "page")`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    scale: { type: 'string', default: '43' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const today = todayInPlanTimeZone();
const throwaway = values.url ? null : await startThrowawayPostgres();
const url = values.url ?? throwaway?.url ?? '';

try {
  const database = await openDatabase({ url, migrate: true });
  const first = await database.prisma.plan.findFirst({
    orderBy: { slug: 'asc' },
    select: { slug: true },
  });
  let slug = first?.slug;
  if (!slug) {
    say(`Seeding ${values.scale} plans…`);
    const dataset = await loadDataset(database.prisma, {
      plans: Number(values.scale),
      today,
      concurrency: 2,
    });
    await database.prisma.$executeRawUnsafe('ANALYZE');
    slug = dataset.first.plan.slug;
  }
  const counter = { statements: 0, active: 0 };
  const { yoga } = createApi({
    prisma: countingPrisma(database, counter),
    env: parseApiEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }),
  });
  // The last quarter that has ended, as `pnpm bench` asks for.
  const lastQuarter = previousPeriod(quarterOf(today));
  const scenarios: { name: string; query: string; variables: Record<string, unknown> }[] = [
    { name: 'plan tree', query: PLAN_TREE, variables: { slug } },
    { name: 'filtered commitments page (20)', query: COMMITMENTS_PAGE, variables: { slug } },
    {
      name: 'plan as at a quarter end',
      query: PLAN_AS_AT,
      variables: { slug, asAt: lastQuarter.endDate },
    },
    {
      name: 'monitoring report',
      query: MONITORING_REPORT,
      variables: { slug, period: lastQuarter.label },
    },
  ].filter((s) => !values.only || s.name.includes(values.only));

  const send = async (query: string, variables: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    });
    const text = await response.text();
    const errors = (JSON.parse(text) as { errors?: unknown[] }).errors;
    if (response.status !== 200 || errors) {
      throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
    }
    return text.length;
  };

  say(`Plan ${slug}; ${values.runs} sequential requests per scenario after one not measured.`);
  console.log('| scenario | fastest ms | median ms | median CPU ms | SQL statements | response |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const scenario of scenarios) {
    await send(scenario.query, scenario.variables);
    const times: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    counter.statements = 0;
    for (let run = 0; run < Number(values.runs); run += 1) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      size = await send(scenario.query, scenario.variables);
      const cpuUsed = process.cpuUsage(cpuBefore);
      times.push(performance.now() - started);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    console.log(
      `| ${scenario.name} | ${Math.round(Math.min(...times))} | ${Math.round(median(times))} | ${Math.round(median(cpu))} | ${
        counter.statements / times.length
      } | ${(size / 1024).toFixed(1)} kB |`,
    );
  }
  await database.close();
} finally {
  await throwaway?.stop();
}
