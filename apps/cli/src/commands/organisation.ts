/**
 * `pnpm cli org:create`: a new organisation (an office, a council, any body with a plan) on this
 * deployment, made by the system as a platform operator would; its first administrator and its
 * plan come next, with `user:create` and `plan:import`.
 */
import type { Command } from 'commander';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { serviceFailure } from '../service-failure.js';

interface OrgCreateOptions {
  slug: string;
  name: string;
}

export function registerOrganisationCommands(program: Command, deps: CliDependencies): void {
  program
    .command('org:create')
    .description(
      'Create an organisation (an office with its own staff, plans and settings); then make its first administrator with user:create.',
    )
    .requiredOption(
      '--slug <slug>',
      'its short name in commands and addresses: lower-case letters and digits joined by hyphens, e.g. wessex-opcc',
    )
    .requiredOption('--name <name>', 'its name as people read it')
    .addHelpText(
      'after',
      '\nExample:\n  pnpm cli org:create --slug wessex-opcc --name "Office of the Wessex Police and Crime Commissioner"\n',
    )
    .action(async (options: OrgCreateOptions) => {
      const { createOrganisation, systemCreator } = await import('@plan-tracker/db');
      await withDatabase(deps, async ({ prisma }) => {
        const result = await createOrganisation(prisma, systemCreator('pnpm cli org:create'), {
          slug: options.slug,
          name: options.name,
        });
        if (!result.ok) {
          throw serviceFailure('create the organisation', result.error, {
            slug: '--slug',
            name: '--name',
          });
        }
        const { slug, name } = result.value;
        deps.stdout.write(
          [
            `Created the organisation ${slug}: ${name}.`,
            'Next, make its first administrator:',
            `  PLAN_TRACKER_PASSWORD='…' pnpm cli user:create --organisation ${slug} --email … --name … --role ADMIN`,
            'and load its plan (--dry-run shows what it would create):',
            `  pnpm cli plan:import <file> --organisation ${slug} --slug … --title … --period-start … --period-end … --dry-run`,
            '',
          ].join('\n'),
        );
      });
    });
}
