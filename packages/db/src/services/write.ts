/**
 * What every write shares: one interactive transaction; typed failures that roll it back; the
 * caller's expected version checked by a conditional update; closed reporting periods; and the
 * history entry appended in the same transaction.
 */
import {
  type IsoDate,
  IsoDateSchema,
  quarterOf,
  todayInPlanTimeZone,
  type WorkOwnership,
  type WriteKind,
  writeRefusal,
} from '@plan-tracker/domain';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import { toDbDate } from './dates.js';
import {
  forbiddenError,
  invalidField,
  ok,
  periodClosedError,
  type ServiceError,
  type ServiceResult,
  type ValidationIssue,
  validationError,
} from './errors.js';

/** The client inside a transaction. */
export type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back and return `failure`; never escapes a service. */
class Abort extends Error {
  constructor(readonly failure: ServiceError) {
    super(failure.message);
  }
}

/** Rolls back the current write and makes the service return `failure`. */
export function abort(failure: ServiceError): never {
  throw new Abort(failure);
}

/**
 * Runs `work` in one transaction and returns its value, or the failure it aborted with (after
 * rolling everything back). Unexpected errors roll back too and are rethrown.
 *
 * READ COMMITTED, PostgreSQL's default, is enough: every write changes its row with a
 * conditional update on the version the caller read, which PostgreSQL re-checks against the
 * committed row after waiting for a concurrent writer's lock, so of two writers with the same
 * version exactly one updates a row.
 */
export async function runWrite<T>(
  prisma: PrismaClient,
  work: (tx: Tx) => Promise<T>,
  options: WriteOptions = {},
): Promise<ServiceResult<T>> {
  const timeout = options.timeoutMs ?? 30_000;
  try {
    // Generous waits: on a busy pool a transaction may queue for a connection.
    const value = await prisma.$transaction(
      async (tx) => {
        const done = await work(tx);
        if (options.dryRun) throw new RollBack(done);
        return done;
      },
      { maxWait: 30_000, timeout },
    );
    return ok(value);
  } catch (error) {
    if (error instanceof Abort) return { ok: false, error: error.failure };
    if (error instanceof RollBack) return ok(error.value as T);
    throw error;
  }
}

/** How {@link runWrite} runs a write. */
export interface WriteOptions {
  /**
   * Do everything, then roll it back and return what it gave: a preview that makes exactly the
   * checks and writes applying would make.
   */
  readonly dryRun?: boolean | undefined;
  /** How long the transaction may take; 30 s unless a write loads a whole plan. */
  readonly timeoutMs?: number | undefined;
}

/** Thrown at the end of a dry run to roll it back with its result. */
class RollBack extends Error {
  constructor(readonly value: unknown) {
    super('dry run: rolled back');
  }
}

/** What a caller passes with every change of an existing row. */
export interface VersionedArgs {
  readonly id: string;
  /** The `version` of the row the caller read; a stale one is a CONFLICT. */
  readonly expectedVersion: number;
  /** The date the change is true from; today in Europe/London when omitted. */
  readonly effectiveOn?: IsoDate | undefined;
  /** Why, in the caller's words; kept in history. */
  readonly note?: string | null | undefined;
}

const VersionSchema = z
  .number({ error: 'Give the version of the record you read.' })
  .int('A version is a whole number.')
  .min(1, 'A version is 1 or more.');
const NoteSchema = z.string().trim().max(5000, 'A note can be at most 5000 characters.');

/** Checks the arguments every write shares; the issues name the argument. */
export function commonIssues(args: {
  id?: unknown;
  expectedVersion?: unknown;
  effectiveOn?: unknown;
  note?: unknown;
}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if ('id' in args && (typeof args.id !== 'string' || args.id === '')) {
    issues.push({ path: ['id'], message: 'Give the id of the record to change.' });
  }
  if ('expectedVersion' in args) {
    const version = VersionSchema.safeParse(args.expectedVersion);
    if (!version.success) {
      issues.push({ path: ['expectedVersion'], message: version.error.issues[0]?.message ?? '' });
    }
  }
  if (args.effectiveOn !== undefined) {
    const date = IsoDateSchema.safeParse(args.effectiveOn);
    if (!date.success) {
      issues.push({ path: ['effectiveOn'], message: date.error.issues[0]?.message ?? '' });
    }
  }
  if (args.note !== undefined && args.note !== null) {
    const note = NoteSchema.safeParse(args.note);
    if (!note.success)
      issues.push({ path: ['note'], message: note.error.issues[0]?.message ?? '' });
  }
  return issues;
}

/** Returns a VALIDATION result when there are issues, else undefined. */
export function rejectIssues(issues: ValidationIssue[]): ServiceResult<never> | undefined {
  return issues.length > 0 ? { ok: false, error: validationError(issues) } : undefined;
}

/** Blank notes are no note. */
export function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
}

/** When a change is true from, and the reporting period that date falls in. */
export interface Effective {
  readonly effectiveOn: IsoDate;
  readonly period: string;
}

export function effectiveFrom(effectiveOn: IsoDate | undefined): Effective {
  const date = effectiveOn ?? todayInPlanTimeZone();
  return { effectiveOn: date, period: quarterOf(date).label };
}

/**
 * Aborts with PERIOD_CLOSED when any of `labels` is a closed reporting period of the
 * organisation. The periods are read `FOR SHARE`, so a period cannot be closed while a write
 * dated in it is still committing (closing updates the row and waits for this lock).
 */
export async function assertPeriodsOpen(
  tx: Tx,
  organisationId: string,
  labels: readonly string[],
): Promise<void> {
  const unique = [...new Set(labels)];
  if (unique.length === 0) return;
  const rows = await tx.$queryRaw<{ label: string; closedAt: Date | null }[]>`
    SELECT "label", "closedAt" FROM "ReportingPeriod"
    WHERE "organisationId" = ${organisationId} AND "label" IN (${Prisma.join(unique)})
    FOR SHARE`;
  const closed = rows.find((row) => row.closedAt !== null);
  if (closed) abort(periodClosedError(closed.label));
}

/**
 * Aborts with FORBIDDEN unless the actor may make this write to the record, as the write loaded
 * (and locked) it inside its transaction: the domain's `writeRefusal`, the one access rule.
 */
export function authorise(
  actor: Actor,
  kind: WriteKind,
  record: WorkOwnership & { readonly organisationId: string },
): void {
  const refusal = writeRefusal(actor.caller, kind, record);
  if (refusal) abort(forbiddenError(refusal));
}

/** Aborts with VALIDATION on one field. */
export function abortInvalid(path: string[], message: string): never {
  abort(invalidField(path, message));
}

/** The history entity types the services write. */
export type HistoryEntityType =
  | 'Organisation'
  | 'Plan'
  | 'PlanRevision'
  | 'Priority'
  | 'Theme'
  | 'Measure'
  | 'Commitment'
  | 'DeliveryAction'
  | 'Milestone'
  | 'MeasureValue'
  | 'ReportingPeriod'
  | 'User'
  | 'ApiKey'
  | 'OidcConnection';

/** What a history entry says happened. */
export type HistoryAction =
  | 'create'
  | 'update'
  | 'status'
  | 'progress-update'
  /** A commitment's figures worked out again from its delivery actions. */
  | 'roll-up'
  | 'archive'
  | 'complete'
  | 'record'
  | 'close'
  | 'reopen'
  | 'revoke'
  /** An administrator set a temporary password (history never holds a password or hash). */
  | 'password-reset'
  /** Someone changed their own password. */
  | 'password-change'
  /** A plan loaded from its text. */
  | 'import'
  /** A plan revised from a newer text. */
  | 'revise'
  /** A commitment's wording changed by a revision. */
  | 'reword'
  /** A commitment's code and place changed by a revision. */
  | 'renumber'
  /** A commitment withdrawn by a revision. */
  | 'withdraw'
  | 'publish'
  | 'unpublish'
  /** An archived record brought back. */
  | 'restore';

/** A JSON object of field values (dates as IsoDate strings). */
export type FieldValues = Record<string, Prisma.InputJsonValue | null>;

export interface HistoryEntry {
  readonly planId: string | null;
  readonly entityType: HistoryEntityType;
  readonly entityId: string;
  readonly action: HistoryAction;
  readonly effective: Effective;
  /** Values of the changed fields before (`null` for a creation). */
  readonly before: FieldValues | null;
  /** Values of the changed fields after. */
  readonly after: FieldValues | null;
  readonly note: string | null;
}

/** Who a history entry names as acting. */
type HistoryActor = Pick<Actor, 'organisationId' | 'userId' | 'apiKeyId' | 'label'>;

/** The audit-log row of one history entry. */
function historyRow(actor: HistoryActor, entry: HistoryEntry) {
  return {
    organisationId: actor.organisationId,
    planId: entry.planId,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    actor: actor.label,
    effectiveOn: toDbDate(entry.effective.effectiveOn),
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    period: entry.effective.period,
    before: entry.before ?? Prisma.DbNull,
    after: entry.after ?? Prisma.DbNull,
    note: entry.note,
  };
}

/** Appends one history entry in the write's transaction; returns its id. */
export async function appendHistory(
  tx: Tx,
  actor: HistoryActor,
  entry: HistoryEntry,
): Promise<string> {
  const row = await tx.auditLog.create({ data: historyRow(actor, entry), select: { id: true } });
  return row.id;
}

/** Appends many history entries in the write's transaction, in the order given. */
export async function appendHistoryMany(
  tx: Tx,
  actor: HistoryActor,
  entries: readonly HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  // One statement: `sequence` follows the rows' order, which is the order given.
  await tx.auditLog.createMany({ data: entries.map((entry) => historyRow(actor, entry)) });
}

/**
 * The fields whose values differ between two states, as `{ before, after }` objects holding
 * only those fields (compared as JSON, so dates compare as their strings).
 */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { before: FieldValues; after: FieldValues } {
  const was: FieldValues = {};
  const now: FieldValues = {};
  for (const field of fields) {
    const a = (before[field] ?? null) as Prisma.InputJsonValue | null;
    const b = (after[field] ?? null) as Prisma.InputJsonValue | null;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      was[field] = a;
      now[field] = b;
    }
  }
  return { before: was, after: now };
}

/** The listed fields of a state, for a creation's `after`. */
export function pickFields<T extends object>(
  state: T,
  fields: readonly (keyof T & string)[],
): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) out[field] = (state[field] ?? null) as Prisma.InputJsonValue | null;
  return out;
}

/** True for Prisma's unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
