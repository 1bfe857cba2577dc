/**
 * `pnpm cli dev:postgres`: starts a throwaway PostgreSQL server from Debian's packages on
 * loopback, prints its DATABASE_URL and keeps it running until Ctrl-C, then deletes it. For
 * trying the product and the concurrency tests against a real server without installing one
 * as a service.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliDependencies } from '../dependencies.js';
import { progressOn } from '../progress.js';

// Waits for the process's own SIGINT and SIGTERM: this command only runs under `pnpm cli`.
export function registerDevPostgres(program: Command, deps: CliDependencies): void {
  program
    .command('dev:postgres')
    .description(
      "Start a throwaway PostgreSQL server on 127.0.0.1 (needs Debian's postgresql package), print its DATABASE_URL, stop and delete it on Ctrl-C.",
    )
    .action(async () => {
      const { findPostgresBin, startThrowawayPostgres } = await import('@plan-tracker/db/testing');
      if (!findPostgresBin()) {
        throw new CliError(
          'PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install postgresql',
        );
      }
      const progress = progressOn(deps.stderr);
      const done = progress.step('Starting a throwaway PostgreSQL server');
      const server = await startThrowawayPostgres();
      done(server.url);
      deps.stdout.write(
        `\nIn another terminal:\n  DATABASE_URL=${server.url} pnpm start\n\nPress Ctrl-C to stop the server and delete its data.\n`,
      );
      // The server runs detached, so nothing else keeps this process alive while we wait.
      const keepAlive = setInterval(() => {}, 60_000);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(keepAlive);
      const stopping = progress.step('Stopping PostgreSQL');
      await server.stop();
      stopping();
    });
}
