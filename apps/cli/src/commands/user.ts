/**
 * `pnpm cli user:create`: makes a staff account, typically the first administrator of a new
 * installation. The password never appears on the command line (it would be kept in shell
 * history and shown in `ps`): it comes from PLAN_TRACKER_PASSWORD or is typed at a hidden prompt.
 */

import { DEMO_USERS, hashPassword, weakPasswordReason } from '@plan-tracker/accounts';
import { dorsetOrganisation, ROLES, type Role } from '@plan-tracker/domain';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { withDatabase } from '../database.js';
import type { CliDependencies, TerminalInput } from '../dependencies.js';
import { findOrganisation } from '../organisation.js';
import { serviceFailure } from '../service-failure.js';

const PASSWORD_VARIABLE = 'PLAN_TRACKER_PASSWORD';

interface UserCreateOptions {
  email: string;
  name: string;
  role: Role;
  owner: string[];
  organisation: string;
  platformOperator?: boolean;
}

export function registerUserCommands(program: Command, deps: CliDependencies): void {
  program
    .command('user:create')
    .description(
      `Create a staff account (e.g. the first administrator). The password comes from ${PASSWORD_VARIABLE}, or is asked for without echo on a terminal; at least 12 characters.`,
    )
    .requiredOption('--email <email>', 'work email address; signs in')
    .requiredOption('--name <name>', 'the person’s name, as history shows it')
    .addOption(
      new Option('--role <role>', 'what they may do')
        .choices(ROLES)
        .argParser((value: string) => {
          const role = value.toUpperCase();
          if (!(ROLES as readonly string[]).includes(role)) {
            throw new CliError(`"${value}" is not a role: use one of ${ROLES.join(', ')}`);
          }
          return role;
        })
        .makeOptionMandatory(),
    )
    .option(
      '--owner <label>',
      'an owner (role, team or partner, as actions name it) they answer for; repeat for more. Contributors edit only such work.',
      (label: string, labels: string[]) => [...labels, label],
      [],
    )
    .option('--organisation <slug>', 'the organisation they belong to', dorsetOrganisation.slug)
    .option(
      '--platform-operator',
      'they run this deployment for every organisation on it, and may create organisations',
    )
    .addHelpText(
      'after',
      `\nExample:\n  ${PASSWORD_VARIABLE}='…' pnpm cli user:create --email ada@dorset-opcc.example --name "Ada Lovelace" --role ADMIN\n`,
    )
    .action(async (options: UserCreateOptions) => {
      const password = await readPassword(deps);
      const weak = weakPasswordReason(password);
      if (weak) throw new CliError(weak);
      const { createUserAccount, systemActor } = await import('@plan-tracker/db');
      await withDatabase(deps, async ({ prisma }) => {
        const organisation = await organisationFor(prisma, options.organisation);
        const result = await createUserAccount(
          prisma,
          systemActor(organisation.id, 'pnpm cli user:create'),
          {
            input: {
              email: options.email,
              name: options.name,
              role: options.role,
              ownerLabels: options.owner,
            },
            passwordHash: await hashPassword(password),
          },
        );
        if (!result.ok) {
          throw serviceFailure('create the user', result.error, {
            email: '--email',
            name: '--name',
            role: '--role',
            ownerLabels: '--owner',
          });
        }
        const user = result.value.record;
        if (options.platformOperator) {
          // createUserAccount takes no platformOperator: set it straight after, by the system.
          await prisma.user.update({
            where: { id: user.id },
            data: { platformOperator: true, version: { increment: 1 } },
          });
        }
        deps.stdout.write(
          `Created ${user.role} ${user.email} (${user.name}) in ${organisation.name}${options.platformOperator ? ', a platform operator (may create organisations)' : ''}.\n`,
        );
        const demo = await prisma.user.count({
          where: {
            organisationId: organisation.id,
            email: { in: DEMO_USERS.map((u) => u.email) },
            disabledAt: null,
          },
        });
        if (demo > 0) {
          deps.stderr.write(
            `warning: this organisation also has ${demo} demo users with the published demo password; disable them (updateUser with disabled: true) before real use.\n`,
          );
        }
      });
    });
}

/** The organisation by slug; the Dorset office is created when absent (a new installation). */
async function organisationFor(
  prisma: import('@plan-tracker/db').PrismaClient,
  slug: string,
): Promise<{ id: string; name: string }> {
  if (slug === dorsetOrganisation.slug) {
    // The same upsert the Dorset seed makes, so seeding afterwards finds it.
    return prisma.organisation.upsert({
      where: { slug },
      update: {},
      create: { slug, name: dorsetOrganisation.name },
      select: { id: true, name: true },
    });
  }
  return findOrganisation(prisma, slug);
}

/** The new password: from the environment, else typed twice at a hidden prompt. */
async function readPassword(deps: CliDependencies): Promise<string> {
  const fromEnv = deps.env[PASSWORD_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const { stdin, stderr } = deps;
  if (!stdin?.isTTY) {
    throw new CliError(
      `set ${PASSWORD_VARIABLE} to the new password, or run in a terminal to be asked for it (it is never taken as an argument)`,
    );
  }
  const terminal = { stdin, stderr };
  const first = await promptHidden(terminal, 'Password (at least 12 characters): ');
  const second = await promptHidden(terminal, 'The same password again: ');
  if (first !== second)
    throw new CliError('the two passwords are not the same; nothing was created');
  return first;
}

/** Reads one line from the terminal without echoing it. */
export function promptHidden(
  { stdin, stderr }: { stdin: TerminalInput; stderr: CliDependencies['stderr'] },
  question: string,
): Promise<string> {
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: CliError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003' || character === '\u0004') {
          return finish(new CliError('cancelled; nothing was created', 130));
        }
        if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
        else value += character;
      }
    };
    stdin.on('data', onData);
  });
}
