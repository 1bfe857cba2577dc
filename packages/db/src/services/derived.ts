/**
 * A commitment's figures roll up from its delivery actions unless staff set them with a reason
 * (DESIGN.md). The commitment row keeps those rolled-up figures: every write that can move them
 * (an action created, changed, updated or archived; an override cleared) calls
 * {@link syncCommitmentFigures} in its own transaction, which writes the commitment and a history
 * entry of its own. So a commitment reads the same everywhere: GraphQL fields, filters and
 * ordering in SQL, "as at" replays, the reports and the open data.
 */
import { rollUpCommitment } from '@plan-tracker/domain';
import type { Actor } from './actor.js';
import { fromDbDateOrNull } from './dates.js';
import { COMMITMENT_STATE_FIELDS, type CommitmentRecord, commitmentRecord } from './records.js';
import { appendHistory, changedFields, type Effective, type Tx } from './write.js';

/**
 * Writes a commitment's figures as rolled up from its delivery actions that are not archived,
 * when they differ from what it holds. Leaves it alone when staff set its figures with a reason
 * (an override) or it has no actions (its own figures are then its figures).
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
  await tx.$queryRaw`SELECT "id" FROM "Commitment" WHERE "id" = ${commitmentId} FOR UPDATE`;
  const row = await tx.commitment.findFirst({
    where: { id: commitmentId, organisationId: actor.organisationId },
  });
  if (!row || row.statusOverrideReason?.trim()) return null;
  const actions = await tx.deliveryAction.findMany({
    where: { commitmentId, archivedAt: null },
    select: { status: true, rag: true, progressPercent: true, dueDate: true },
  });
  if (actions.length === 0) return null;
  const current = commitmentRecord(row);
  const rollUp = rollUpCommitment(
    current,
    actions.map((a) => ({ ...a, dueDate: fromDbDateOrNull(a.dueDate) })),
    effective.effectiveOn,
  );
  const next: CommitmentRecord = {
    ...current,
    status: rollUp.status ?? current.status,
    rag: rollUp.rag,
    progressPercent: rollUp.progressPercent ?? current.progressPercent,
  };
  const diff = changedFields(current, next, COMMITMENT_STATE_FIELDS);
  if (Object.keys(diff.after).length === 0) return null;
  const saved = await tx.commitment.update({
    where: { id: commitmentId },
    data: {
      status: next.status,
      rag: next.rag,
      progressPercent: next.progressPercent,
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
