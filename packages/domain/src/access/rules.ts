/**
 * The access rules, as pure functions of the caller and the record: no database, no GraphQL.
 * The API's auth scopes, the db services' writes (on the record loaded inside the transaction)
 * and the admin app (to offer only what will be allowed) call these; the tests call them directly.
 *
 * - Anonymous callers see published plans and only their public fields.
 * - Staff (any role) and API keys with `read` see everything of their own organisation;
 *   of other organisations they see what anonymous callers see.
 * - Internal fields (version numbers, reasons for overriding figures, archived work, the people
 *   who wrote updates) are shown to staff of the record's organisation only: API keys are for
 *   partner systems and never get people's details.
 * - Writes need a signed-in user or a key with `write:updates` (progress updates only):
 *   ADMIN and EDITOR edit anything in their organisation; CONTRIBUTOR edits only the work they
 *   own ({@link ownsWork}); VIEWER edits nothing. Closing and reopening a reporting period,
 *   managing API keys and managing users are for ADMIN.
 */
import type { Role } from '../model/vocabulary.js';
import type { ApiKeyScope, Caller, Writer } from './caller.js';

/** Where a record sits: its organisation, and whether its plan is published. */
export interface RecordScope {
  readonly organisationId: string;
  /** `false` (or unknown) means the record is seen by its organisation only. */
  readonly published?: boolean | undefined;
}

/** True when the caller belongs to the organisation (staff or API key with `read`). */
export function isMemberOf(caller: Caller, organisationId: string): boolean {
  if (caller.kind === 'user') return caller.organisationId === organisationId;
  if (caller.kind === 'apiKey') {
    return caller.organisationId === organisationId && caller.scopes.includes('read');
  }
  return false;
}

/** True when the caller may see the record at all. */
export function canSee(caller: Caller, record: RecordScope): boolean {
  return record.published === true || isMemberOf(caller, record.organisationId);
}

/** True when the caller may see internal fields and people's details of the organisation's records. */
export function canSeeInternal(caller: Caller, organisationId: string): boolean {
  return caller.kind === 'user' && caller.organisationId === organisationId;
}

/**
 * The condition a Prisma query adds to find only records the caller may see, in terms of the
 * record's organisation and its plan's `published` flag. `null` means no condition beyond
 * published plans (anonymous).
 */
export function visibleOrganisationId(caller: Caller): string | null {
  if (caller.kind === 'user') return caller.organisationId;
  if (caller.kind === 'apiKey' && caller.scopes.includes('read')) return caller.organisationId;
  return null;
}

/** Roles that may edit any content of their organisation. */
const CONTENT_EDITORS: readonly Role[] = ['ADMIN', 'EDITOR'];

/** Owner labels compare trimmed and without regard to case: "OPCC Policy Team" = "opcc policy team". */
export function sameOwner(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

/**
 * True when the caller owns the work: the record's `owner` (a role, team or partner, as the
 * delivery plan names it) is one of the user's owner labels (`User.ownerLabels`, set by an
 * administrator). An action is also owned by whoever owns its commitment.
 */
export function ownsWork(
  person: { readonly ownerLabels: readonly string[] },
  work: WorkOwnership,
): boolean {
  return person.ownerLabels.some(
    (label) => sameOwner(work.owner, label) || sameOwner(work.parentOwner, label),
  );
}

/** Who answers for a piece of work: its own owner and, for an action, its commitment's. */
export interface WorkOwnership {
  readonly owner?: string | null | undefined;
  readonly parentOwner?: string | null | undefined;
}

/** What the write rules need to know of a member of staff. */
export interface StaffMember {
  readonly role: Role;
  readonly ownerLabels: readonly string[];
}

/** Why a write is refused, or `null` when it is allowed. */
export type Refusal = string | null;

/** What kind of write is asked for. */
export type WriteKind =
  /** status, RAG, owner, dates of a commitment or action; milestones of an action */
  | 'editWork'
  /** a progress update on a commitment or action */
  | 'addUpdate'
  /** create or change delivery actions and their details */
  | 'editStructure'
  /** a measure's value for a period */
  | 'recordMeasure'
  /** closing a reporting period */
  | 'closePeriod'
  /** creating and revoking API keys */
  | 'manageKeys'
  /** reopening a closed reporting period */
  | 'reopenPeriod'
  /** creating users, changing their roles and owner labels, disabling them */
  | 'manageUsers'
  /** importing plans and revisions; publishing, renaming and archiving plans */
  | 'managePlans';

/** Writes for administrators only. */
const ADMIN_ONLY: readonly WriteKind[] = [
  'closePeriod',
  'reopenPeriod',
  'manageKeys',
  'manageUsers',
  'managePlans',
];

/**
 * May the caller make this write to this record? Returns the reason for a refusal in plain
 * English, or `null` when allowed.
 *
 * @param caller - who is asking
 * @param kind - what they want to do
 * @param record - the record's organisation and, for work, its owner and its parent's owner
 */
export function writeRefusal(
  caller: Writer,
  kind: WriteKind,
  record: WorkOwnership & { readonly organisationId: string },
): Refusal {
  if (caller.kind === 'anonymous') return 'sign in to make changes.';
  if (caller.organisationId !== record.organisationId) {
    return 'the record belongs to another organisation.';
  }
  if (caller.kind === 'system') return null;
  if (caller.kind === 'apiKey') {
    const needed: ApiKeyScope = 'write:updates';
    if (kind === 'addUpdate' && caller.scopes.includes(needed)) return null;
    return kind === 'addUpdate'
      ? `this API key lacks the ${needed} scope.`
      : 'API keys may only add progress updates.';
  }
  return staffWriteRefusal(caller, kind, record);
}

/**
 * The part of {@link writeRefusal} that holds whatever the write and the record: anonymous
 * callers, viewers and API keys without `write:updates` may change nothing. The API checks it
 * before reading a write's input, so those callers are refused before they learn its rules.
 */
export function blanketWriteRefusal(caller: Caller): Refusal {
  if (caller.kind === 'anonymous') return 'sign in to make changes.';
  if (caller.kind === 'apiKey') {
    return caller.scopes.includes('write:updates')
      ? null
      : 'this API key lacks the write:updates scope.';
  }
  // A platform operator may create organisations whatever their role in their own.
  return caller.role === 'VIEWER' && caller.platformOperator !== true
    ? 'viewers cannot make changes.'
    : null;
}

/**
 * The role part of {@link writeRefusal}, for a member of staff of the record's organisation:
 * what the admin app asks to decide which controls to offer.
 */
export function staffWriteRefusal(
  staff: StaffMember,
  kind: WriteKind,
  work: WorkOwnership = {},
): Refusal {
  const { role } = staff;
  if (ADMIN_ONLY.includes(kind)) {
    return role === 'ADMIN' ? null : 'only administrators may do this.';
  }
  if (CONTENT_EDITORS.includes(role)) return null;
  if (role === 'CONTRIBUTOR') {
    if (kind === 'editWork' || kind === 'addUpdate') {
      return ownsWork(staff, work) ? null : 'contributors may change only the work they own.';
    }
    return 'contributors may change only the status and updates of the work they own.';
  }
  return 'viewers cannot make changes.';
}

/**
 * May the caller read the organisation's audit log (who changed what, before and after)?
 * Administrators only: it names people and shows every change, internal fields included. API
 * keys never may. Returns the reason for a refusal, or `null` when allowed.
 */
export function auditLogRefusal(caller: Caller): Refusal {
  if (caller.kind === 'anonymous') return 'sign in as an administrator to read the audit log.';
  if (caller.kind === 'apiKey') return 'API keys cannot read the audit log.';
  return caller.role === 'ADMIN' ? null : 'only administrators may read the audit log.';
}

/**
 * Why the writer may not create organisations, or `null` when they may: the system (an operator
 * at the command line) and staff marked as platform operators, who run the deployment for every
 * office on it. An organisation's own administrators may not: a new office is not theirs to make.
 */
export function organisationCreationRefusal(writer: Writer): Refusal {
  if (writer.kind === 'system') return null;
  if (writer.kind === 'anonymous') return 'sign in to make changes.';
  if (writer.kind === 'user' && writer.platformOperator === true) return null;
  return 'only a platform operator may create organisations.';
}
