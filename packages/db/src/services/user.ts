// Staff accounts: creating a user and changing their role, name, owner labels or access, each
// with an audit entry in the same transaction. Passwords arrive already hashed (the API owns
// hashing); the hash is never returned, compared in history or written to the audit log.
import { ROLES } from '@plan-tracker/domain';
import { z } from 'zod';
import type { PrismaClient, Role, User } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { isoInstantOrNull } from './dates.js';
import {
  conflictError,
  forbiddenError,
  invalidField,
  notFoundError,
  type ServiceResult,
  zodValidationError,
} from './errors.js';
import type { Changed } from './status.js';
import {
  abort,
  abortInvalid,
  appendHistory,
  authorise,
  changedFields,
  cleanNote,
  commonIssues,
  effectiveFrom,
  isUniqueViolation,
  pickFields,
  rejectIssues,
  runWrite,
  type VersionedArgs,
} from './write.js';

// The roles, most powerful first: the domain's vocabulary, re-exported for the db's callers.
export { ROLES } from '@plan-tracker/domain';

/** A user as services hand it out: never the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  ownerLabels: string[];
  disabledAt: string | null;
  /** True while they sign in with a temporary password an administrator set. */
  mustChangePassword: boolean;
  version: number;
}

/** The fields of a user that history records. */
export const USER_STATE_FIELDS = [
  'email',
  'name',
  'role',
  'ownerLabels',
  'disabledAt',
  'mustChangePassword',
] as const satisfies readonly (keyof UserRecord)[];

export function userRecord(row: User): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    ownerLabels: [...row.ownerLabels],
    disabledAt: isoInstantOrNull(row.disabledAt),
    mustChangePassword: row.mustChangePassword,
    version: row.version,
  };
}

const NameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the person’s name.')
  .max(200, 'A name can be at most 200 characters.');

/**
 * Owner labels as commitments and actions name their owner ("OPCC Policy and Commissioning");
 * trimmed, blanks dropped, duplicates (ignoring case) dropped.
 */
export const OwnerLabelsSchema = z
  .array(z.string().trim().max(300, 'An owner label can be at most 300 characters.'))
  .max(50, 'Give at most 50 owner labels.')
  .transform((labels) => {
    const seen = new Set<string>();
    return labels.filter((label) => {
      const key = label.toLocaleLowerCase('en-GB');
      if (!label || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** A new member of staff. The email address is stored lower-cased. */
export const UserAccountInputSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter an email address, like name@example.org.').max(320)),
  name: NameSchema,
  role: z.enum(ROLES, 'Choose a role: ADMIN, EDITOR, CONTRIBUTOR or VIEWER.'),
  ownerLabels: OwnerLabelsSchema.default([]),
});
export type UserAccountInput = z.infer<typeof UserAccountInputSchema>;

/** A change to a member of staff; at least one field. `disabled: true` ends their sessions. */
export const UserAccountPatchSchema = z
  .strictObject({
    name: NameSchema.optional(),
    role: z.enum(ROLES, 'Choose a role: ADMIN, EDITOR, CONTRIBUTOR or VIEWER.').optional(),
    ownerLabels: OwnerLabelsSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Nothing to change. Give at least one of name, role, owner labels or disabled.',
  });
export type UserAccountPatch = z.infer<typeof UserAccountPatchSchema>;

export interface CreateUserArgs {
  readonly input: z.input<typeof UserAccountInputSchema>;
  /** The argon2id PHC string of the password; made by the caller (@plan-tracker/accounts). */
  readonly passwordHash: string;
  readonly note?: string | null | undefined;
}

/** Adds a member of staff to the actor's organisation. A taken email address is a VALIDATION. */
export async function createUserAccount(
  prisma: PrismaClient,
  actor: Actor,
  args: CreateUserArgs,
): Promise<ServiceResult<Changed<UserRecord>>> {
  const invalid = rejectIssues(commonIssues({ note: args.note }));
  if (invalid) return invalid;
  const parsed = UserAccountInputSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  assertPasswordHash(args.passwordHash, 'createUserAccount');
  const input = parsed.data;
  try {
    return await runWrite(prisma, async (tx) => {
      authorise(actor, 'manageUsers', { organisationId: actor.organisationId });
      const taken = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true },
      });
      if (taken) abortInvalid(['email'], 'There is already a user with this email address.');
      const record = userRecord(
        await tx.user.create({
          data: { organisationId: actor.organisationId, passwordHash: args.passwordHash, ...input },
        }),
      );
      const historyId = await appendHistory(tx, actor, {
        planId: null,
        entityType: 'User',
        entityId: record.id,
        action: 'create',
        effective: effectiveFrom(undefined),
        before: null,
        after: pickFields(record, USER_STATE_FIELDS),
        note: cleanNote(args.note),
      });
      return { record, historyId };
    });
  } catch (error) {
    // Two creations of the same address at once: the unique index decides.
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        error: invalidField(['email'], 'There is already a user with this email address.'),
      };
    }
    throw error;
  }
}

export interface UpdateUserArgs extends Omit<VersionedArgs, 'effectiveOn'> {
  readonly input: z.input<typeof UserAccountPatchSchema>;
}

/**
 * Changes a member of staff's name, role, owner labels or access. Disabling ends their
 * sessions in the same transaction; enabling lets them sign in again. An actor cannot disable
 * themselves or give up their own role, so an organisation keeps the administrator making changes.
 */
export async function updateUserAccount(
  prisma: PrismaClient,
  actor: Actor,
  args: UpdateUserArgs,
): Promise<ServiceResult<Changed<UserRecord>>> {
  const invalid = rejectIssues(
    commonIssues({ id: args.id, expectedVersion: args.expectedVersion, note: args.note }),
  );
  if (invalid) return invalid;
  const parsed = UserAccountPatchSchema.safeParse(args.input);
  if (!parsed.success) return { ok: false, error: zodValidationError(parsed.error) };
  const patch = parsed.data;
  return runWrite(prisma, async (tx) => {
    const where = { id: args.id, organisationId: actor.organisationId };
    authorise(actor, 'manageUsers', { organisationId: actor.organisationId });
    const row = await tx.user.findFirst({ where });
    if (!row) abort(notFoundError('User', args.id));
    const current = userRecord(row);
    if (current.version !== args.expectedVersion) {
      abort(conflictError('User', args.id, args.expectedVersion, { ...current }));
    }
    if (actor.userId === current.id) {
      if (patch.disabled === true)
        abortInvalid(['disabled'], 'You cannot disable your own account.');
      if (patch.role !== undefined && patch.role !== current.role) {
        abortInvalid(['role'], 'You cannot change your own role; ask another administrator.');
      }
    }
    const disabledAt =
      patch.disabled === undefined
        ? undefined
        : patch.disabled
          ? (row.disabledAt ?? new Date())
          : null;
    const { count } = await tx.user.updateMany({
      where: { ...where, version: args.expectedVersion },
      data: {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.ownerLabels !== undefined && { ownerLabels: patch.ownerLabels }),
        ...(disabledAt !== undefined && { disabledAt }),
        version: { increment: 1 },
      },
    });
    const record = userRecord(await tx.user.findUniqueOrThrow({ where: { id: args.id } }));
    if (count === 0) abort(conflictError('User', args.id, args.expectedVersion, { ...record }));
    if (record.disabledAt) await tx.session.deleteMany({ where: { userId: record.id } });
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'User',
      entityId: record.id,
      action: 'update',
      effective: effectiveFrom(undefined),
      ...changedFields(current, record, USER_STATE_FIELDS),
      note: cleanNote(args.note),
    });
    return { record, historyId };
  });
}

/** Services take hashes made by @plan-tracker/accounts, never passwords. */
function assertPasswordHash(hash: string, service: string): void {
  if (!hash.startsWith('$argon2')) {
    throw new Error(`${service} needs an argon2 password hash, never a password.`);
  }
}

export interface SetTemporaryPasswordArgs extends Omit<VersionedArgs, 'effectiveOn'> {
  /** The argon2id PHC string of the temporary password (@plan-tracker/accounts). */
  readonly passwordHash: string;
}

/**
 * An administrator gives a member of staff a temporary password: it replaces theirs, every
 * session of theirs ends, and until they change it (`changeOwnPassword`) a session of theirs
 * may do nothing else. History says a temporary password was set; never the password or hash.
 */
export async function setTemporaryPassword(
  prisma: PrismaClient,
  actor: Actor,
  args: SetTemporaryPasswordArgs,
): Promise<ServiceResult<Changed<UserRecord>>> {
  const invalid = rejectIssues(
    commonIssues({ id: args.id, expectedVersion: args.expectedVersion, note: args.note }),
  );
  if (invalid) return invalid;
  assertPasswordHash(args.passwordHash, 'setTemporaryPassword');
  return runWrite(prisma, async (tx) => {
    const where = { id: args.id, organisationId: actor.organisationId };
    authorise(actor, 'manageUsers', { organisationId: actor.organisationId });
    const row = await tx.user.findFirst({ where });
    if (!row) abort(notFoundError('User', args.id));
    const current = userRecord(row);
    if (current.version !== args.expectedVersion) {
      abort(conflictError('User', args.id, args.expectedVersion, { ...current }));
    }
    const { count } = await tx.user.updateMany({
      where: { ...where, version: args.expectedVersion },
      data: {
        passwordHash: args.passwordHash,
        mustChangePassword: true,
        version: { increment: 1 },
      },
    });
    const record = userRecord(await tx.user.findUniqueOrThrow({ where: { id: args.id } }));
    if (count === 0) abort(conflictError('User', args.id, args.expectedVersion, { ...record }));
    await tx.session.deleteMany({ where: { userId: record.id } });
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'User',
      entityId: record.id,
      action: 'password-reset',
      effective: effectiveFrom(undefined),
      before: { mustChangePassword: current.mustChangePassword },
      after: { mustChangePassword: true },
      note: cleanNote(args.note),
    });
    return { record, historyId };
  });
}

export interface ChangeOwnPasswordArgs {
  /**
   * Checks the current password against the stored hash, inside the transaction on the row as
   * loaded (the caller owns verification: @plan-tracker/accounts' `verifyPassword`).
   */
  readonly verifyCurrent: (passwordHash: string) => Promise<boolean>;
  /** The argon2id PHC string of the new password. */
  readonly passwordHash: string;
  /** The session making the change, which stays; every other session of the user ends. */
  readonly keepSessionId: string | null;
}

/**
 * A member of staff changes their own password, giving the current one: a wrong current
 * password is FORBIDDEN; the temporary-password flag clears; their other sessions end.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  actor: Actor,
  args: ChangeOwnPasswordArgs,
): Promise<ServiceResult<Changed<UserRecord>>> {
  assertPasswordHash(args.passwordHash, 'changeOwnPassword');
  const userId = actor.userId;
  if (!userId || actor.caller.kind !== 'user') {
    return { ok: false, error: forbiddenError('only a signed-in person can change a password.') };
  }
  return runWrite(prisma, async (tx) => {
    // Locked so two changes at once take turns and the second checks against the first's hash.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const row = await tx.user.findFirst({
      where: { id: userId, organisationId: actor.organisationId },
    });
    if (!row || row.disabledAt) abort(forbiddenError('your account cannot sign in.'));
    if (!(await args.verifyCurrent(row.passwordHash))) {
      abort(forbiddenError('the current password is not right.'));
    }
    const current = userRecord(row);
    const record = userRecord(
      await tx.user.update({
        where: { id: userId },
        data: {
          passwordHash: args.passwordHash,
          mustChangePassword: false,
          version: { increment: 1 },
        },
      }),
    );
    await tx.session.deleteMany({
      where: {
        userId,
        ...(args.keepSessionId ? { id: { not: args.keepSessionId } } : {}),
      },
    });
    const historyId = await appendHistory(tx, actor, {
      planId: null,
      entityType: 'User',
      entityId: userId,
      action: 'password-change',
      effective: effectiveFrom(undefined),
      before: { mustChangePassword: current.mustChangePassword },
      after: { mustChangePassword: false },
      note: null,
    });
    return { record, historyId };
  });
}
