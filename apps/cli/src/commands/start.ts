/**
 * `pnpm cli start` (what `pnpm start` runs): opens the database (embedded PGlite unless
 * DATABASE_URL is set), applies pending migrations, seeds the Dorset plan and the demo users when
 * they are absent, and serves the GraphQL API and the admin app on one origin until SIGTERM or
 * Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { openMigratedDatabase } from '../database.js';
import { ensureDemoUsers } from '../demo-users.js';
import type { CliDependencies } from '../dependencies.js';
import { progressOn } from '../progress.js';

const DEFAULT_PORT = 3000;

export function registerStart(program: Command, deps: CliDependencies): void {
  program
    .command('start')
    .description(
      'Serve the GraphQL API at /graphql and the admin app at /, on the embedded database (seeded with the Dorset plan on first start) or on DATABASE_URL.',
    )
    .option('-p, --port <port>', `port to listen on (default: PORT or ${DEFAULT_PORT})`)
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const port = parsePort(options.port ?? deps.env.PORT ?? String(DEFAULT_PORT));
      const host = options.host ?? deps.env.HOST ?? '127.0.0.1';
      // Loaded here, not at the top: the other commands must not pay for the API's start-up.
      const [{ seedDorset, repoRoot }, { startServer }] = await Promise.all([
        import('@plan-tracker/db'),
        import('@plan-tracker/api'),
      ]);
      const database = await openMigratedDatabase(deps);
      const seeded = progressOn(deps.stderr).step('Checking the Dorset plan');
      const result = await seedDorset(database.prisma);
      seeded(result.created ? 'seeded' : 'present');
      await ensureDemoUsers(deps, database.prisma, result.organisationId);

      const staticDir = join(repoRoot, 'apps/admin/dist');
      const running = await startServer({
        port,
        host,
        database,
        ...(existsSync(staticDir) ? { staticDir } : {}),
      }).catch(async (error: unknown) => {
        await database.close();
        throw new CliError(
          `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)} — choose another port with --port or PORT`,
        );
      });
      deps.stderr.write(
        `\nPlan delivery tracker running at ${running.url}/\n` +
          `  GraphQL:   ${running.url}/graphql\n` +
          (existsSync(staticDir)
            ? `  Admin app: ${running.url}/\n`
            : '  Admin app: not built (pnpm build)\n') +
          'Press Ctrl-C to stop.\n',
      );
      await new Promise<void>((resolve) => running.server.once('close', () => resolve()));
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliError(`"${value}" is not a port: use a number from 0 to 65535`);
  }
  return port;
}
