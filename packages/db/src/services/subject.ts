/**
 * The one path by which the status and figures of a commitment or a delivery action change,
 * shared by status changes and progress updates: load and lock in the caller's organisation,
 * check access on that row, the version, the lifecycle transition (domain `checkTransition`),
 * the figure rules on the merged record (domain `figureIssues`) and the override rule (domain
 * `checkFigureOverride`), then a conditional update.
 */
import {
  checkFigureOverride,
  checkTransition,
  figureIssues,
  type IsoDate,
  type LifecycleStatus,
  type Rag,
  type WorkOwnership,
} from '@plan-tracker/domain';
import type { Actor } from './actor.js';
import { toDbDateOrNull } from './dates.js';
import {
  conflictError,
  type EntityName,
  notFoundError,
  transitionError,
  validationError,
} from './errors.js';
import {
  type ActionRecord,
  actionRecord,
  type CommitmentRecord,
  commitmentRecord,
} from './records.js';
import { abort, abortInvalid, type Tx } from './write.js';

/** Whose figures change. */
export type SubjectKind = 'Commitment' | 'DeliveryAction';

/** A commitment or action as loaded for a change. */
export type LoadedSubject =
  | {
      readonly kind: 'Commitment';
      readonly record: CommitmentRecord;
      readonly planId: string;
      readonly commitmentId: string;
      /** Who answers for it, for the access rules. */
      readonly ownership: WorkOwnership & { readonly organisationId: string };
      /** Delivery actions that are not archived; the figures roll up from them. */
      readonly activeActions: number;
    }
  | {
      readonly kind: 'DeliveryAction';
      readonly record: ActionRecord;
      readonly planId: string;
      readonly commitmentId: string;
      /** Who answers for it (its owner and its commitment's), for the access rules. */
      readonly ownership: WorkOwnership & { readonly organisationId: string };
    };

/** A delivery action as loaded for a change. */
export type LoadedAction = Extract<LoadedSubject, { kind: 'DeliveryAction' }>;

/**
 * Loads a commitment or action of the actor's organisation, locked for the rest of the write,
 * or aborts with NOT_FOUND.
 */
export async function loadSubject(
  tx: Tx,
  actor: Actor,
  kind: SubjectKind,
  id: string,
): Promise<LoadedSubject> {
  if (kind === 'DeliveryAction') return loadAction(tx, actor, id);
  await lockCommitment(tx, actor, id);
  const row = await tx.commitment.findFirst({
    where: { id, organisationId: actor.organisationId },
  });
  if (!row) abort(notFoundError('Commitment', id));
  const activeActions = await tx.deliveryAction.count({
    where: { commitmentId: id, archivedAt: null },
  });
  return {
    kind,
    record: commitmentRecord(row),
    planId: row.planId,
    commitmentId: row.id,
    ownership: { organisationId: row.organisationId, owner: row.owner },
    activeActions,
  };
}

/**
 * Locks a commitment row of the actor's organisation (`FOR UPDATE`) until the write commits.
 * Every write to a commitment or to anything under it takes this lock first, so writers on one
 * commitment take turns in one order: no deadlock between an insert's foreign-key lock and the
 * roll-up's update, and the owner an access check read cannot change before the write commits.
 * A missing row locks nothing; the load that follows reports it.
 */
export async function lockCommitment(tx: Tx, actor: Actor, commitmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Commitment"
    WHERE "id" = ${commitmentId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
}

/**
 * Loads a delivery action of the actor's organisation with its commitment locked (see
 * {@link lockCommitment}), or aborts with NOT_FOUND.
 */
export async function loadAction(tx: Tx, actor: Actor, id: string): Promise<LoadedAction> {
  const parent = await tx.deliveryAction.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: { commitmentId: true },
  });
  if (!parent) abort(notFoundError('DeliveryAction', id));
  await lockCommitment(tx, actor, parent.commitmentId);
  const row = await tx.deliveryAction.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: { commitment: { select: { planId: true, owner: true } } },
  });
  if (!row) abort(notFoundError('DeliveryAction', id));
  return {
    kind: 'DeliveryAction',
    record: actionRecord(row),
    planId: row.commitment.planId,
    commitmentId: row.commitmentId,
    ownership: {
      organisationId: row.organisationId,
      owner: row.owner,
      parentOwner: row.commitment.owner,
    },
  };
}

/** Aborts with CONFLICT when the caller's version is not the row's. */
export function assertVersion(
  entity: EntityName,
  current: { id: string; version: number } & Record<string, unknown>,
  expectedVersion: number,
): void {
  if (current.version !== expectedVersion) {
    abort(conflictError(entity, current.id, expectedVersion, current));
  }
}

/** A change to a subject's figures; `undefined` leaves a field as it is. */
export interface FigureChange {
  readonly status?: LifecycleStatus | undefined;
  readonly rag?: Rag | null | undefined;
  readonly owner?: string | null | undefined;
  readonly startDate?: IsoDate | null | undefined;
  readonly dueDate?: IsoDate | null | undefined;
  readonly progressPercent?: number | undefined;
}

/** The state after a change: what is saved and what history records. */
export type SubjectState = CommitmentRecord | ActionRecord;

/**
 * Merges `change` into the subject and checks the result; aborts with TRANSITION or
 * VALIDATION. `paths` maps a figure to the input field to blame (a progress update calls
 * status `statusAfter`).
 */
export function mergeFigures(
  subject: LoadedSubject,
  change: FigureChange,
  options: {
    readonly reason: string | null;
    readonly effectiveOn: IsoDate;
    readonly paths?: Partial<Record<keyof FigureChange | 'reason' | 'completedOn', string>>;
  },
): SubjectState {
  const pathOf = (field: keyof FigureChange | 'reason' | 'completedOn') => [
    options.paths?.[field] ?? field,
  ];
  if (change.status !== undefined) {
    const check = checkTransition(subject.record.status, change.status, { reason: options.reason });
    if (!check.ok) abort(transitionError(check));
  }
  const defined = Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined),
  ) as FigureChange;
  if (subject.kind === 'Commitment') {
    const current = subject.record;
    const next: CommitmentRecord = { ...current, ...defined };
    const figuresChanged =
      next.status !== current.status ||
      next.rag !== current.rag ||
      next.progressPercent !== current.progressPercent;
    const override = checkFigureOverride(current, subject.activeActions, {
      figuresChange: figuresChanged,
      reason: options.reason,
    });
    if (!override.ok) abortInvalid(pathOf('reason'), override.message);
    next.statusOverrideReason = override.statusOverrideReason;
    if (
      subject.activeActions > 0 &&
      (next.owner !== current.owner || next.dueDate !== current.dueDate)
    ) {
      abortInvalid(
        pathOf(next.owner !== current.owner ? 'owner' : 'dueDate'),
        'This commitment takes its owner and due date from its delivery actions (the lead owner and the soonest open due date). Change them on its actions.',
      );
    }
    assertFigures(next, pathOf);
    return next;
  }
  const current = subject.record;
  const next: ActionRecord = { ...current, ...defined };
  if (next.status === 'COMPLETED') {
    if (current.status !== 'COMPLETED') next.completedOn = options.effectiveOn;
  } else {
    next.completedOn = null;
  }
  assertFigures(next, pathOf);
  return next;
}

function assertFigures(
  state: SubjectState,
  pathOf: (field: keyof FigureChange | 'completedOn') => string[],
): void {
  const issues = figureIssues(state);
  if (issues.length > 0) {
    abort(
      validationError(
        issues.map((issue) => ({
          path: pathOf(issue.path[0] as keyof FigureChange | 'completedOn'),
          message: issue.message,
        })),
      ),
    );
  }
}

/**
 * Saves the subject's new state if its version is still `expectedVersion` (a conditional
 * update, safe under READ COMMITTED); otherwise aborts with CONFLICT and the current row.
 * Returns the saved record.
 */
export async function saveSubject(
  tx: Tx,
  actor: Actor,
  subject: LoadedSubject,
  next: SubjectState,
  expectedVersion: number,
): Promise<SubjectState> {
  const where = {
    id: subject.record.id,
    organisationId: actor.organisationId,
    version: expectedVersion,
  };
  const figures = {
    status: next.status,
    rag: next.rag,
    owner: next.owner,
    startDate: toDbDateOrNull(next.startDate),
    dueDate: toDbDateOrNull(next.dueDate),
    progressPercent: next.progressPercent,
    version: { increment: 1 },
  };
  if (subject.kind === 'Commitment') {
    const { count } = await tx.commitment.updateMany({
      where,
      data: { ...figures, statusOverrideReason: (next as CommitmentRecord).statusOverrideReason },
    });
    if (count === 0)
      await abortWithCurrent(tx, actor, subject.kind, subject.record.id, expectedVersion);
    return commitmentRecord(await tx.commitment.findUniqueOrThrow({ where: { id: where.id } }));
  }
  const { count } = await tx.deliveryAction.updateMany({
    where,
    data: { ...figures, completedOn: toDbDateOrNull((next as ActionRecord).completedOn) },
  });
  if (count === 0)
    await abortWithCurrent(tx, actor, subject.kind, subject.record.id, expectedVersion);
  return actionRecord(await tx.deliveryAction.findUniqueOrThrow({ where: { id: where.id } }));
}

/** After a conditional update matched nothing: CONFLICT with the row as it is now. */
export async function abortWithCurrent(
  tx: Tx,
  actor: Actor,
  kind: SubjectKind,
  id: string,
  expectedVersion: number,
): Promise<never> {
  const where = { id, organisationId: actor.organisationId };
  const current =
    kind === 'Commitment'
      ? await tx.commitment.findFirst({ where }).then((r) => r && commitmentRecord(r))
      : await tx.deliveryAction.findFirst({ where }).then((r) => r && actionRecord(r));
  if (!current) abort(notFoundError(kind, id));
  abort(conflictError(kind, id, expectedVersion, { ...current }));
}
