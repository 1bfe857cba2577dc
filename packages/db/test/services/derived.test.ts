// A commitment with delivery actions holds the figures rolled up from them: every action write
// that moves them writes the commitment too, with a history entry of its own, in the same
// transaction; an override or a commitment without actions is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  archiveAction,
  changeActionStatus,
  changeCommitmentStatus,
  createAction,
  type Database,
  planStateAsAt,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture } from './fixtures.js';

let db: Database;
let f: Fixture;

beforeAll(async () => {
  db = await openTestDatabase();
  f = await planFixture(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.error)}`);
  return result.value;
}

const figures = async (id: string) =>
  db.prisma.commitment.findUniqueOrThrow({
    where: { id },
    select: { status: true, rag: true, progressPercent: true, version: true },
  });

describe('a commitment rolled up from its delivery actions', () => {
  it('takes its figures from its actions as they are created, changed and updated', async () => {
    const c = await f.commitment();
    const first = value(
      await createAction(db.prisma, f.actor, {
        effectiveOn: '2021-06-01',
        input: {
          commitmentId: c.id,
          title: 'Patrols',
          status: 'IN_PROGRESS',
          rag: 'GREEN',
          progressPercent: 40,
        },
      }),
    ).record;
    expect(await figures(c.id)).toEqual({
      status: 'IN_PROGRESS',
      rag: 'GREEN',
      progressPercent: 40,
      version: 2,
    });

    value(
      await createAction(db.prisma, f.actor, {
        effectiveOn: '2021-07-01',
        input: { commitmentId: c.id, title: 'Kits', status: 'IN_PROGRESS', progressPercent: 20 },
      }),
    );
    // The mean of 40 and 20; the worst rating of the open actions that have one.
    expect(await figures(c.id)).toMatchObject({ progressPercent: 30, rag: 'GREEN', version: 3 });

    value(
      await changeActionStatus(db.prisma, f.actor, {
        id: first.id,
        expectedVersion: 1,
        effectiveOn: '2021-08-01',
        input: { rag: 'RED' },
      }),
    );
    expect(await figures(c.id)).toMatchObject({ rag: 'RED', version: 4 });

    value(
      await addProgressUpdate(db.prisma, f.actor, {
        subject: { type: 'DeliveryAction', id: first.id },
        expectedVersion: 2,
        input: {
          period: '2021/22 Q2',
          recordedOn: '2021-09-30',
          narrative: 'Patrols finished',
          statusAfter: 'COMPLETED',
          ragAfter: 'GREEN',
          progressAfter: 100,
        },
      }),
    );
    expect(await figures(c.id)).toMatchObject({
      status: 'IN_PROGRESS',
      rag: null,
      progressPercent: 60,
      version: 5,
    });

    const history = await db.prisma.auditLog.findMany({
      where: { entityId: c.id },
      orderBy: { sequence: 'asc' },
    });
    expect(history.map((h) => [h.action, h.effectiveOn?.toISOString().slice(0, 10)])).toEqual([
      ['roll-up', '2021-06-01'],
      ['roll-up', '2021-07-01'],
      ['roll-up', '2021-08-01'],
      ['roll-up', '2021-09-30'],
    ]);
    expect(history[3]).toMatchObject({
      actor: 'Jo Bloggs (EDITOR)',
      before: { rag: 'RED', progressPercent: 30 },
      after: { rag: null, progressPercent: 60 },
      note: 'Worked out from its delivery actions: an update on “Patrols”.',
    });

    // "As at" a past date replays the commitment's own history to what the actions said then.
    const asAt = await planStateAsAt(db.prisma, f.plan.id, '2021-08-31');
    expect(asAt?.commitments.find((x) => x.id === c.id)).toMatchObject({
      rag: 'RED',
      progressPercent: 30,
    });
  });

  it('follows an archived action out, and writes nothing when nothing moves', async () => {
    const c = await f.commitment();
    const keep = value(
      await createAction(db.prisma, f.actor, {
        input: { commitmentId: c.id, title: 'Keep', status: 'IN_PROGRESS', progressPercent: 80 },
      }),
    ).record;
    const drop = value(
      await createAction(db.prisma, f.actor, {
        input: { commitmentId: c.id, title: 'Drop', status: 'IN_PROGRESS', progressPercent: 0 },
      }),
    ).record;
    expect(await figures(c.id)).toMatchObject({ progressPercent: 40, version: 3 });
    value(await archiveAction(db.prisma, f.actor, { id: drop.id, expectedVersion: 1 }));
    expect(await figures(c.id)).toMatchObject({ progressPercent: 80, version: 4 });
    // The commitment's owner is its lead action's owner: an owner change moves it.
    value(
      await changeActionStatus(db.prisma, f.actor, {
        id: keep.id,
        expectedVersion: 1,
        input: { owner: 'Someone else', dueDate: '2030-01-31' },
      }),
    );
    expect(await figures(c.id)).toMatchObject({ version: 5 });
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.owner).toBe('Someone else');
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2030-01-31');
    // A start date is the action's own: nothing of the commitment moves, it is not written.
    value(
      await changeActionStatus(db.prisma, f.actor, {
        id: keep.id,
        expectedVersion: 2,
        input: { startDate: '2021-06-01' },
      }),
    );
    expect(await figures(c.id)).toMatchObject({ version: 5 });
  });

  it('takes owner and due date from the open actions: the lead owner, the soonest due', async () => {
    const c = await f.commitment();
    for (const [title, owner, dueDate, status] of [
      ['One', 'Force', '2022-03-31', 'IN_PROGRESS'],
      ['Two', 'OPCC', '2021-12-31', 'COMPLETED'],
      ['Three', 'force ', '2022-06-30', 'NOT_STARTED'],
      ['Four', 'OPCC', '2022-01-31', 'IN_PROGRESS'],
    ] as const) {
      value(
        await createAction(db.prisma, f.actor, {
          input: {
            commitmentId: c.id,
            title,
            owner,
            dueDate,
            status,
            ...(status === 'COMPLETED' && { progressPercent: 100 }),
          },
        }),
      );
    }
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    // Open: Force twice (One, Three), OPCC once (Four); the completed Two neither counts nor is due.
    expect(row.owner).toBe('Force');
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2022-01-31');
    const refused = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: row.version,
      input: { owner: 'Someone' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('leaves figures staff set with a reason alone', async () => {
    const c = await f.commitment();
    const action = value(
      await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: 'A' } }),
    ).record;
    const version = (await figures(c.id)).version;
    value(
      await changeCommitmentStatus(db.prisma, f.actor, {
        id: c.id,
        expectedVersion: version,
        input: { rag: 'AMBER', reason: 'The Force reports a risk the action does not show' },
      }),
    );
    value(
      await changeActionStatus(db.prisma, f.actor, {
        id: action.id,
        expectedVersion: 1,
        input: { status: 'IN_PROGRESS', rag: 'GREEN', progressPercent: 50 },
      }),
    );
    expect(await figures(c.id)).toMatchObject({
      status: 'NOT_STARTED',
      rag: 'AMBER',
      progressPercent: 0,
      version: version + 1,
    });
  });
});
