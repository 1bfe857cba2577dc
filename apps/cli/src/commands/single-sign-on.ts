/**
 * `pnpm cli sso:configure`: an organisation's single sign-on with OpenID Connect (issuer, client,
 * allowed email domains, group → role). The client secret is never an argument (it would be kept
 * in shell history and shown in `ps`): it comes from PLAN_TRACKER_OIDC_CLIENT_SECRET or a hidden
 * prompt, and is stored sealed under PLAN_TRACKER_SECRET_KEY, the key the API opens it with.
 */
import { SECRET_KEY_VARIABLE, secretBox, secretKeyProblem } from '@plan-tracker/accounts';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { withDatabase } from '../database.js';
import type { CliDependencies } from '../dependencies.js';
import { findOrganisation } from '../organisation.js';
import { serviceFailure } from '../service-failure.js';
import { promptHidden } from './user.js';

const SECRET_VARIABLE = 'PLAN_TRACKER_OIDC_CLIENT_SECRET';

interface SsoOptions {
  organisation: string;
  issuer: string;
  clientId: string;
  domains: string[];
  groupRole: { group: string; role: string }[];
  groupsClaim: string;
  passwords: boolean;
  keepSecret?: boolean;
}

const list = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
];

export function registerSingleSignOnCommands(program: Command, deps: CliDependencies): void {
  program
    .command('sso:configure')
    .description(
      `Configure an organisation's single sign-on with OpenID Connect. The client secret comes from ${SECRET_VARIABLE} or a hidden prompt, and is stored sealed under ${SECRET_KEY_VARIABLE} (the API's key).`,
    )
    .requiredOption('--organisation <slug>', 'the organisation')
    .requiredOption('--issuer <url>', "the identity provider's issuer URL")
    .requiredOption('--client-id <id>', 'the client id the provider issued')
    .requiredOption(
      '--domains <domains>',
      'email domains whose people may sign in, comma-separated',
      list,
      [],
    )
    .option(
      '--group-role <group=ROLE>',
      'a group of the provider and the role a first sign-in in it gets; repeat for more',
      (value: string, previous: { group: string; role: string }[]) => {
        const at = value.lastIndexOf('=');
        if (at < 1) throw new CliError(`"${value}" is not group=ROLE`);
        return [
          ...previous,
          { group: value.slice(0, at), role: value.slice(at + 1).toUpperCase() },
        ];
      },
      [],
    )
    .option('--groups-claim <claim>', 'the ID token claim holding the groups', 'groups')
    .option('--no-passwords', 'stop email and password sign-in for the organisation')
    .option('--keep-secret', 'keep the client secret already stored')
    .action(async (options: SsoOptions) => {
      const problem = secretKeyProblem(deps.env[SECRET_KEY_VARIABLE]);
      if (problem) throw new CliError(problem);
      const box = secretBox(deps.env[SECRET_KEY_VARIABLE]);
      const secret = options.keepSecret ? undefined : await readClientSecret(deps);
      const { configureSingleSignOn, systemActor } = await import('@plan-tracker/db');
      await withDatabase(deps, async ({ prisma }) => {
        const organisation = await findOrganisation(prisma, options.organisation);
        const result = await configureSingleSignOn(
          prisma,
          systemActor(organisation.id, 'pnpm cli sso:configure'),
          {
            input: {
              issuer: options.issuer,
              clientId: options.clientId,
              allowedDomains: options.domains,
              groupRoles: options.groupRole as never,
              groupsClaim: options.groupsClaim,
              passwordSignInAllowed: options.passwords,
            },
            clientSecretSealed: secret === undefined ? undefined : box.seal(secret),
          },
        );
        if (!result.ok) throw serviceFailure('configure single sign-on', result.error);
        const sso = result.value.record;
        deps.stdout.write(
          `Single sign-on for ${organisation.name}: ${sso.issuer} (client ${sso.clientId}), domains ${sso.allowedDomains.join(', ')}; ${sso.groupRoles.length} group mappings; email and password ${sso.passwordSignInAllowed ? 'still allowed' : 'off'}.\nRegister the redirect URI <API_PUBLIC_URL>/auth/oidc/callback at the provider; people start at <API_PUBLIC_URL>/auth/oidc/${options.organisation}/start.\n`,
        );
      });
    });
}

async function readClientSecret(deps: CliDependencies): Promise<string> {
  const fromEnv = deps.env[SECRET_VARIABLE];
  if (fromEnv) return fromEnv;
  if (!deps.stdin?.isTTY) {
    throw new CliError(
      `set ${SECRET_VARIABLE} to the client secret, or run in a terminal to be asked for it (it is never taken as an argument)`,
    );
  }
  const secret = await promptHidden({ stdin: deps.stdin, stderr: deps.stderr }, 'Client secret: ');
  if (!secret) throw new CliError('no client secret given; nothing was changed');
  return secret;
}
