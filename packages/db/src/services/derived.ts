/**
 * A commitment's figures roll up from its delivery actions unless staff set them with a reason
 * (DESIGN.md). The commitment row keeps those rolled-up figures: every write that can move them
 * (an action created, changed, updated or archived; an override cleared) calls
 * {@link syncCommitmentFigures} in its own transaction, which writes the commitment and a history
 * entry of its own. So a commitment reads the same everywhere: GraphQL fields, filters and
 * ordering in SQL, "as at" replays, the reports and the open data.
 */
import { commitmentWork, isOverridden, rollUpCommitment } from '@plan-tracker/domain';
import type { Actor } from './actor.js';
import { fromDbDateOrNull, toDbDateOrNull } from './dates.js';
import { COMMITMENT_STATE_FIELDS, type CommitmentRecord, commitmentRecord } from './records.js';
import { lockCommitment } from './subject.js';
import { appendHistory, changedFields, type Effective, type Tx } from './write.js';

/**
 * Writes a commitment's figures as rolled up from its delivery actions that are not archived,
 * and the owner and due date it takes from them (domain `commitmentWork`), when they differ from
 * what it holds. Its figures are left alone when staff set them with a reason (an override);
 * nothing changes when it has no actions (its own figures and work are then its own).
 *
 * The commitment row is locked first, so two writers changing different actions of one
 * commitment take turns and the second rolls up what the first committed.
 *
 * @param cause - what moved the figures, for the history note (e.g. `“Fund a caseworker” updated`)
 * @returns the commitment after the write, or `null` when nothing changed
 */
export async function syncCommitmentFigures(
  tx: Tx,
  actor: Actor,
  commitmentId: string,
  effective: Effective,
  cause: string,
): Promise<CommitmentRecord | null> {
  await lockCommitment(tx, actor, commitmentId);
  const row = await tx.commitment.findFirst({
    where: { id: commitmentId, organisationId: actor.organisationId },
  });
  if (!row) return null;
  const rows = await tx.deliveryAction.findMany({
    where: { commitmentId, archivedAt: null },
    select: { status: true, rag: true, progressPercent: true, dueDate: true, owner: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (rows.length === 0) return null;
  const actions = rows.map((a) => ({ ...a, dueDate: fromDbDateOrNull(a.dueDate) }));
  const current = commitmentRecord(row);
  const work = commitmentWork(current, actions);
  let next: CommitmentRecord = { ...current, owner: work.owner, dueDate: work.dueDate };
  if (!isOverridden(current)) {
    const rollUp = rollUpCommitment(current, actions, effective.effectiveOn);
    next = {
      ...next,
      status: rollUp.status ?? current.status,
      rag: rollUp.rag,
      progressPercent: rollUp.progressPercent ?? current.progressPercent,
    };
  }
  const diff = changedFields(current, next, COMMITMENT_STATE_FIELDS);
  if (Object.keys(diff.after).length === 0) return null;
  const saved = await tx.commitment.update({
    where: { id: commitmentId },
    data: {
      status: next.status,
      rag: next.rag,
      progressPercent: next.progressPercent,
      owner: next.owner,
      dueDate: toDbDateOrNull(next.dueDate),
      version: { increment: 1 },
    },
  });
  await appendHistory(tx, actor, {
    planId: row.planId,
    entityType: 'Commitment',
    entityId: commitmentId,
    action: 'roll-up',
    effective,
    ...diff,
    note: `Worked out from its delivery actions: ${cause}.`,
  });
  return commitmentRecord(saved);
}
