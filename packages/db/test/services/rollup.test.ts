// planRollUp: the domain's rollUpPlan over a plan's live figures, or over its state as at a date
// rebuilt from history; a commitment's own figures win when staff set them with a reason.
// (These tests sat in reads.test.ts beside the plan tree and list reads, which were removed.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  changeCommitmentStatus,
  createAction,
  type Database,
  planRollUp,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture } from './fixtures.js';

let db: Database;
let f: Fixture;
const ids: Record<string, string> = {};

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  db = await openTestDatabase();
  f = await planFixture(db.prisma);
  const p = db.prisma;
  const c121 = await f.commitment({ status: 'IN_PROGRESS' });
  await f.commitment({ status: 'COMPLETED' });
  const a1 = value(
    await createAction(p, f.actor, {
      effectiveOn: '2021-06-01',
      input: {
        commitmentId: c121.id,
        title: 'Burglary hot-spot patrols',
        owner: 'Neighbourhood Policing',
        dueDate: '2021-09-30',
        status: 'IN_PROGRESS',
        rag: 'RED',
        progressPercent: 30,
      },
    }),
  ).record;
  value(
    await createAction(p, f.actor, {
      effectiveOn: '2021-06-01',
      input: { commitmentId: c121.id, title: 'Target hardening kits', description: 'Locks' },
    }),
  );
  Object.assign(ids, { c121: c121.id, a1: a1.id });
});

afterAll(async () => {
  await db?.close();
});

describe('planRollUp', () => {
  it('rolls the plan up from live figures, and from history as at a date', async () => {
    const live = await planRollUp(db.prisma, f.plan.id, '2021-10-01');
    // The commitment rolls up from its two live actions: one in progress and RED, one not started.
    expect(live?.commitments.get(ids.c121 as string)).toMatchObject({
      basis: 'ACTIONS',
      count: 2,
      rag: 'RED',
      progressPercent: 15,
      overdue: 1,
    });
    expect(live?.plan.count).toBe(2);

    value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'DeliveryAction', id: ids.a1 as string },
        expectedVersion: 1,
        input: {
          period: '2021/22 Q3',
          recordedOn: '2021-11-15',
          narrative: 'Patrols complete',
          statusAfter: 'COMPLETED',
          progressAfter: 100,
          ragAfter: 'GREEN',
        },
      }),
    );
    const before = await planRollUp(db.prisma, f.plan.id, '2021-10-01', { fromHistory: true });
    const after = await planRollUp(db.prisma, f.plan.id, '2021-11-15', { fromHistory: true });
    expect(before?.commitments.get(ids.c121 as string)).toMatchObject({
      rag: 'RED',
      progressPercent: 15,
    });
    expect(after?.commitments.get(ids.c121 as string)).toMatchObject({
      progressPercent: 50,
      byStatus: expect.objectContaining({ COMPLETED: 1 }),
    });
    // Before the actions existed the commitment had only its own figures.
    const june = await planRollUp(db.prisma, f.plan.id, '2021-05-31', { fromHistory: true });
    expect(june?.commitments.get(ids.c121 as string)).toMatchObject({ basis: 'OWN_FIGURES' });
    expect(await planRollUp(db.prisma, 'nope', '2021-10-01')).toBeNull();
  });

  it('uses a commitment’s own figures when staff set them with a reason', async () => {
    const c = await db.prisma.commitment.findUniqueOrThrow({ where: { id: ids.c121 as string } });
    value(
      await changeCommitmentStatus(db.prisma, f.actor, {
        id: c.id,
        expectedVersion: c.version,
        input: { rag: 'GREEN', reason: 'Burglary down 20% on last year' },
      }),
    );
    const rollUp = await planRollUp(db.prisma, f.plan.id, '2021-10-01');
    expect(rollUp?.commitments.get(c.id)).toMatchObject({ basis: 'OVERRIDE', rag: 'GREEN' });
  });
});
