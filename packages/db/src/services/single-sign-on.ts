// Single sign-on with OpenID Connect, one identity provider per organisation: its settings
// (validated here, the one schema for the API and the CLI) and the audited write that
// configures it; who may come in is the domain's rules (access/single-sign-on.ts). The client secret arrives sealed (@plan-tracker/accounts' SecretBox) and never
// leaves: history records only whether one is set.

import { ROLES } from '@plan-tracker/domain';
import { z } from 'zod';
import type { OidcConnection, PrismaClient, Role } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { type ServiceResult, zodValidationError } from './errors.js';
import type { Changed } from './status.js';
import {
  abortInvalid,
  appendHistory,
  authorise,
  changedFields,
  cleanNote,
  commonIssues,
  effectiveFrom,
  pickFields,
  rejectIssues,
  runWrite,
} from './write.js';

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'Give a domain such as dorset.pcc.police.uk.');

/** The settings of an organisation's identity provider, as an administrator gives them. */
export const SingleSignOnInputSchema = z.strictObject({
  issuer: z
    .url('Give the issuer URL, such as https://login.example.org/tenant/v2.0.')
    .refine((value) => /^https?:\/\//.test(value), 'The issuer is an http(s) URL.'),
  clientId: z.string().trim().min(1, 'Give the client id the provider issued.').max(500),
  /** Email domains whose people may sign in this way; at least one. */
  allowedDomains: z
    .array(DomainSchema)
    .min(1, 'Give at least one email domain, such as dorset.pcc.police.uk.')
    .max(50)
    .transform((domains) => [...new Set(domains)]),
  /** The provider's group → role; a first sign-in gets the most powerful role of its groups. */
  groupRoles: z
    .array(
      z.strictObject({
        group: z.string().trim().min(1, 'Name the group.').max(500),
        role: z.enum(ROLES, 'Choose a role: ADMIN, EDITOR, CONTRIBUTOR or VIEWER.'),
      }),
    )
    .max(100)
    .default([]),
  /** The ID token claim holding the groups (default `groups`). */
  groupsClaim: z.string().trim().min(1).max(100).default('groups'),
  /** Whether the organisation's staff may still sign in with email and password. */
  passwordSignInAllowed: z.boolean().default(true),
});
export type SingleSignOnInput = z.input<typeof SingleSignOnInputSchema>;

/** The settings as services hand them out: never the client secret. */
export interface SingleSignOnRecord {
  id: string;
  organisationId: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  allowedDomains: string[];
  groupRoles: { group: string; role: Role }[];
  groupsClaim: string;
  passwordSignInAllowed: boolean;
  version: number;
}

const STATE_FIELDS = [
  'issuer',
  'clientId',
  'clientSecretSet',
  'allowedDomains',
  'groupRoles',
  'groupsClaim',
  'passwordSignInAllowed',
] as const satisfies readonly (keyof SingleSignOnRecord)[];

export function singleSignOnRecord(row: OidcConnection): SingleSignOnRecord {
  return {
    id: row.id,
    organisationId: row.organisationId,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretSealed !== '',
    allowedDomains: [...row.allowedDomains],
    groupRoles: groupRolesOf(row.groupRoles),
    groupsClaim: row.groupsClaim,
    passwordSignInAllowed: row.passwordSignInAllowed,
    version: row.version,
  };
}

function groupRolesOf(value: unknown): { group: string; role: Role }[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is { group: string; role: Role } =>
      typeof entry?.group === 'string' && (ROLES as readonly string[]).includes(entry?.role),
  );
}

export interface ConfigureSingleSignOnArgs {
  readonly input: SingleSignOnInput;
  /**
   * The client secret sealed with the deployment's key; `undefined` keeps the one stored (a
   * first configuration needs one).
   */
  readonly clientSecretSealed?: string | undefined;
  readonly note?: string | null | undefined;
}

/** Creates or replaces the organisation's single sign-on settings. Administrators only; audited. */
export async function configureSingleSignOn(
  prisma: PrismaClient,
  actor: Actor,
  args: ConfigureSingleSignOnArgs,
): Promise<ServiceResult<Changed<SingleSignOnRecord>>> {
  const invalid = rejectIssues(commonIssues({ note: args.note }));
  if (invalid) return invalid;
  const parsed = SingleSignOnInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const input = parsed.data;
  return runWrite(prisma, async (tx) => {
    authorise(actor, 'manageUsers', { organisationId: actor.organisationId });
    await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${actor.organisationId} FOR UPDATE`;
    const row = await tx.oidcConnection.findUnique({
      where: { organisationId: actor.organisationId },
    });
    if (!row && !args.clientSecretSealed) {
      abortInvalid(['clientSecret'], 'Give the client secret the provider issued.');
    }
    const data = {
      issuer: input.issuer,
      clientId: input.clientId,
      allowedDomains: input.allowedDomains,
      groupRoles: input.groupRoles,
      groupsClaim: input.groupsClaim,
      passwordSignInAllowed: input.passwordSignInAllowed,
      ...(args.clientSecretSealed ? { clientSecretSealed: args.clientSecretSealed } : {}),
    };
    const saved = row
      ? await tx.oidcConnection.update({
          where: { id: row.id },
          data: { ...data, version: { increment: 1 } },
        })
      : await tx.oidcConnection.create({
          data: {
            organisationId: actor.organisationId,
            clientSecretSealed: args.clientSecretSealed ?? '',
            ...data,
          },
        });
    const record = singleSignOnRecord(saved);
    const before = row ? singleSignOnRecord(row) : null;
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'OidcConnection',
      entityId: record.id,
      action: row ? 'update' : 'create',
      effective: effectiveFrom(undefined),
      ...(before
        ? changedFields(before, record, STATE_FIELDS)
        : { before: null, after: pickFields(record, STATE_FIELDS) }),
      ...(row && args.clientSecretSealed
        ? { note: cleanNote(args.note) ?? 'client secret replaced' }
        : { note: cleanNote(args.note) }),
    });
    return { record, historyId };
  });
}
