/**
 * Loads the demo delivery data (dorset-delivery.ts) through the same services staff use, so
 * every action, milestone and progress update has its history, dated when it happened, and
 * "as at" reads replay it like real data.
 *
 * Resumable: an action already there (same commitment and title) is not created again, and an
 * update already recorded on it (same date and narrative) is not added again, so a seed that was
 * interrupted finishes on the next run and a complete one changes nothing.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { createAction } from '../services/action.js';
import { type Actor, systemActor } from '../services/actor.js';
import type { ServiceResult } from '../services/errors.js';
import { createMilestone } from '../services/milestone.js';
import { addProgressUpdate } from '../services/progress-update.js';
import type { SeededStructure, SeedProgress } from './dorset.js';
import { DEMO_SOURCES, type DemoAction, dorsetDemoActions } from './dorset-delivery.js';

/** Seeds every demo action with its milestones and updates; returns what it added. */
export async function seedDemoDelivery(
  prisma: PrismaClient,
  structure: SeededStructure,
  onProgress: SeedProgress,
): Promise<{ actions: number; milestones: number; progressUpdates: number }> {
  const added = { actions: 0, milestones: 0, progressUpdates: 0 };
  for (const [index, demo] of dorsetDemoActions.entries()) {
    const commitmentId = structure.commitmentIdByCode.get(demo.commitmentCode);
    if (!commitmentId)
      throw new Error(
        `Demo action ${demo.ref} names commitment ${demo.commitmentCode}, which the plan lacks.`,
      );
    const actor = systemActor(structure.organisationId, demo.owner);
    const action = await findOrCreateAction(prisma, actor, commitmentId, demo, added);
    await addMissingUpdates(prisma, structure.organisationId, action, demo, added);
    onProgress('demo delivery actions', index + 1, dorsetDemoActions.length);
  }
  return added;
}

async function findOrCreateAction(
  prisma: PrismaClient,
  actor: Actor,
  commitmentId: string,
  demo: DemoAction,
  added: { actions: number; milestones: number },
): Promise<{ id: string }> {
  const existing = await prisma.deliveryAction.findFirst({
    where: { organisationId: actor.organisationId, commitmentId, title: demo.title },
    select: { id: true },
  });
  if (existing) return existing;
  const created = expectOk(
    `demo action ${demo.ref}`,
    await createAction(prisma, actor, {
      effectiveOn: demo.startDate,
      input: {
        commitmentId,
        title: demo.title,
        owner: demo.owner,
        startDate: demo.startDate,
        dueDate: demo.dueDate,
      },
    }),
  );
  added.actions += 1;
  for (const milestone of demo.milestones) {
    expectOk(
      `milestone "${milestone.title}" of ${demo.ref}`,
      await createMilestone(prisma, actor, {
        effectiveOn: demo.startDate,
        input: { actionId: created.record.id, ...milestone },
      }),
    );
    added.milestones += 1;
  }
  return { id: created.record.id };
}

async function addMissingUpdates(
  prisma: PrismaClient,
  organisationId: string,
  action: { id: string },
  demo: DemoAction,
  added: { progressUpdates: number },
): Promise<void> {
  const recorded = await prisma.progressUpdate.findMany({
    where: { organisationId, actionId: action.id },
    select: { narrative: true },
  });
  const done = new Set(recorded.map((u) => u.narrative));
  for (const update of demo.updates) {
    if (done.has(update.narrative)) continue;
    const current = await prisma.deliveryAction.findUniqueOrThrow({
      where: { id: action.id },
      select: { version: true },
    });
    expectOk(
      `update of ${update.recordedOn} on ${demo.ref}`,
      await addProgressUpdate(prisma, systemActor(organisationId, update.author), {
        subject: { type: 'DeliveryAction', id: action.id },
        expectedVersion: current.version,
        input: {
          period: update.period,
          recordedOn: update.recordedOn,
          narrative: update.narrative,
          statusAfter: update.statusAfter,
          ragAfter: update.ragAfter,
          progressAfter: update.progressAfter,
          evidence: [DEMO_SOURCES[update.source]],
        },
      }),
    );
    added.progressUpdates += 1;
  }
}

/** The demo data is ours: a refusal is a bug in it, so stop with what was refused. */
function expectOk<T>(what: string, result: ServiceResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(`Seeding ${what} was refused: ${JSON.stringify(result.error)}`);
}
