/**
 * Database commands: `migrate` applies pending migrations, `migration:new` writes the next
 * migration from a change to prisma/schema.prisma, `seed` loads the Dorset plan and the demo users.
 */
import { createMigration, seedDorset } from '@plan-tracker/db';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { withDatabase } from '../database.js';
import { ensureDemoUsers } from '../demo-users.js';
import type { CliDependencies } from '../dependencies.js';
import { progressOn } from '../progress.js';

export function registerDatabaseCommands(program: Command, deps: CliDependencies): void {
  program
    .command('migrate')
    .description(
      'Apply pending migrations to DATABASE_URL, or to the embedded database in data/pglite when it is unset.',
    )
    .action(async () => {
      await withDatabase(deps, async () => {});
    });

  program
    .command('migration:new')
    .description(
      'Write the next migration (prisma/migrations/<timestamp>_<name>) from the changes to prisma/schema.prisma.',
    )
    .argument('<name>', 'what the migration does, in snake_case, e.g. add_measure_source')
    .option('--empty', 'write an empty migration for hand-written SQL (triggers, data fixes)')
    .action(async (name: string, options: { empty?: boolean }) => {
      if (!/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(name)) {
        throw new CliError(
          `"${name}" is not a migration name: use snake_case such as add_measure_source`,
        );
      }
      const created = await createMigration(name, { empty: options.empty === true });
      if (!created) {
        deps.stdout.write(
          'prisma/schema.prisma and the migrations agree: no migration needed (use --empty for hand-written SQL).\n',
        );
        return;
      }
      deps.stdout.write(`wrote ${created.file}\n`);
    });

  program
    .command('seed')
    .description(
      'Load the Dorset Police & Crime Plan 2021–29, its demo delivery data and one demo user per role (see apps/api/README.md). Running it again changes nothing.',
    )
    .action(async () => {
      await withDatabase(deps, async ({ prisma }) => {
        const progress = progressOn(deps.stderr);
        const done = progress.step('Seeding the Dorset plan');
        const result = await seedDorset(prisma, (step, n, total) => {
          if (n !== undefined && total !== undefined) progress.counter(step, n, total);
        });
        done(
          result.created
            ? Object.entries(result.counts)
                .map(([what, n]) => `${n} ${what}`)
                .join(', ')
            : 'already seeded, nothing changed',
        );
        await ensureDemoUsers(deps, prisma, result.organisationId);
      });
    });
}
