// The services on a real PostgreSQL server, where concurrency is real (PGlite is single-user):
// two writers with the same version, fifty writers at once, a failure half-way, and history
// that cannot be changed. Uses PG_TEST_URL when set (an empty database), else a throwaway
// cluster from Debian's server binaries. Skipped only on a developer's machine without them;
// in CI (CI set) a missing server fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  changeActionStatus,
  changeCommitmentStatus,
  createAction,
  type Database,
  openDatabase,
} from '../../src/index.js';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../src/testing/index.js';
import { type Fixture, planFixture, rowCounts } from './fixtures.js';

const externalUrl = process.env.PG_TEST_URL;
const runnable = Boolean(externalUrl) || findPostgresBin() !== undefined || Boolean(process.env.CI);
if (!runnable) {
  console.warn(
    'postgres.integration.test.ts skipped: no PG_TEST_URL and no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)',
  );
}

describe.runIf(runnable)('services on PostgreSQL', () => {
  let server: ThrowawayPostgres | undefined;
  let db: Database;
  let f: Fixture;

  beforeAll(async () => {
    server = externalUrl ? undefined : await startThrowawayPostgres();
    db = await openDatabase({ url: externalUrl ?? server?.url, migrate: true });
    expect(db.kind).toBe('postgresql');
    f = await planFixture(db.prisma);
  });

  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  /** Makes every history insert whose note is `note` wait, holding the writer's row lock. */
  async function slowHistory(note: string, seconds: number) {
    await db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_slow_history"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."note" = '${note}' THEN PERFORM pg_sleep(${seconds}); END IF;
        RETURN NEW;
      END; $$`);
    await db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE TRIGGER "test_slow_history" BEFORE INSERT ON "AuditLog"
      FOR EACH ROW EXECUTE FUNCTION "test_slow_history"()`);
    return () => db.prisma.$executeRawUnsafe('DROP TRIGGER "test_slow_history" ON "AuditLog"');
  }

  it('lets exactly one of two writers with the same version win', async () => {
    const c = await f.commitment();
    // The first writer to update holds the row while its history insert waits, so the other
    // has read version 1 too and meets the conditional update, not the early version check.
    const restore = await slowHistory('race', 0.3);
    try {
      const results = await Promise.all(
        (['RED', 'GREEN'] as const).map((rag) =>
          changeCommitmentStatus(db.prisma, f.actor, {
            id: c.id,
            expectedVersion: 1,
            input: { rag, note: 'race' },
          }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const winner = winners[0];
      const loser = losers[0];
      if (!winner?.ok || loser?.ok !== false) throw new Error('unreachable');
      expect(loser.error).toMatchObject({
        code: 'CONFLICT',
        expectedVersion: 1,
        currentVersion: 2,
        current: { rag: winner.value.record.rag, version: 2 },
      });
      expect(await db.prisma.auditLog.count({ where: { entityId: c.id } })).toBe(1);
      expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
        version: 2,
        rag: winner.value.record.rag,
      });
    } finally {
      await restore();
    }
  });

  it('keeps every one of fifty concurrent writers, with history equal to the writes', async () => {
    const c = await f.commitment();
    let conflicts = 0;
    const writer = async (i: number): Promise<boolean> => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const { version } = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
        const result = await changeCommitmentStatus(db.prisma, f.actor, {
          id: c.id,
          expectedVersion: version,
          input: { owner: `Writer ${i}` },
        });
        if (result.ok) return true;
        if (result.error.code !== 'CONFLICT') throw new Error(result.error.message);
        conflicts += 1;
      }
      return false;
    };
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    const successes = outcomes.filter(Boolean).length;
    const history = await db.prisma.auditLog.findMany({
      where: { entityId: c.id },
      orderBy: { sequence: 'asc' },
    });
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    expect(history).toHaveLength(successes);
    expect(row.version).toBe(1 + successes);
    expect(successes).toBe(50);
    expect(conflicts).toBeGreaterThan(0);
    // No lost update: each entry starts from the state the previous one left.
    const owners = history.map((entry) => ({
      before: (entry.before as { owner: string }).owner,
      after: (entry.after as { owner: string }).owner,
    }));
    for (let k = 1; k < owners.length; k += 1) {
      expect(owners[k]?.before).toBe(owners[k - 1]?.after);
    }
    expect((history.at(-1)?.after as { owner?: string } | undefined)?.owner).toBe(row.owner);
  }, 120_000);

  it('rolls a commitment up from what both of two concurrent action writers saved', async () => {
    const c = await f.commitment();
    const actions = [];
    for (const title of ['North', 'South']) {
      const created = await createAction(db.prisma, f.actor, {
        input: { commitmentId: c.id, title, status: 'IN_PROGRESS', progressPercent: 0 },
      });
      if (!created.ok) throw new Error(created.error.message);
      actions.push(created.value.record);
    }
    // Each writer's history insert waits while it holds its action's row, so both have changed
    // their action before either rolls the commitment up: without the commitment's row lock the
    // later roll-up would not see the other's action.
    const restore = await slowHistory('both', 0.3);
    try {
      const results = await Promise.all(
        actions.map((a) =>
          changeActionStatus(db.prisma, f.actor, {
            id: a.id,
            expectedVersion: 1,
            input: { progressPercent: 60, note: 'both' },
          }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
    } finally {
      await restore();
    }
    expect(
      await db.prisma.commitment.findUniqueOrThrow({
        where: { id: c.id },
        select: { progressPercent: true },
      }),
    ).toEqual({ progressPercent: 60 });
  });

  it('adds forty delivery actions and updates to one commitment at once without a deadlock', async () => {
    // Each insert takes a foreign-key lock on the commitment and each roll-up then updates it:
    // without one lock order (the commitment row first), PostgreSQL aborts most of them (40P01).
    const c = await f.commitment();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createAction(db.prisma, f.actor, {
          input: {
            commitmentId: c.id,
            title: `Action ${i}`,
            status: 'IN_PROGRESS',
            owner: 'Force',
          },
        }),
      ),
    );
    expect(created.filter((r) => !r.ok)).toEqual([]);
    const updated = await Promise.all(
      created.map((r) =>
        r.ok
          ? addProgressUpdate(db.prisma, f.actor, {
              subject: { type: 'DeliveryAction', id: r.value.record.id },
              expectedVersion: 1,
              input: {
                period: '2021/22 Q2',
                recordedOn: '2021-09-30',
                narrative: 'Done',
                statusAfter: 'COMPLETED',
                progressAfter: 100,
              },
            })
          : Promise.reject(new Error('not created')),
      ),
    );
    expect(updated.filter((r) => !r.ok)).toEqual([]);
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'COMPLETED', progressPercent: 100, owner: 'Force' });
  });

  it('leaves no trace when a write fails half-way', async () => {
    const c = await f.commitment();
    await db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_fail_history"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."note" = 'FAIL HERE' THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END; $$`);
    await db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE TRIGGER "test_fail_history" BEFORE INSERT ON "AuditLog"
      FOR EACH ROW EXECUTE FUNCTION "test_fail_history"()`);
    try {
      const before = await rowCounts(db.prisma);
      await expect(
        addProgressUpdate(db.prisma, f.actor, {
          subject: { type: 'Commitment', id: c.id },
          expectedVersion: 1,
          input: {
            period: '2021/22 Q2',
            recordedOn: '2021-09-30',
            narrative: 'FAIL HERE',
            statusAfter: 'IN_PROGRESS',
          },
        }),
      ).rejects.toThrow(/injected failure/);
      expect(await rowCounts(db.prisma)).toEqual(before);
      expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toEqual(c);
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER "test_fail_history" ON "AuditLog"');
    }
  });

  it('refuses UPDATE and DELETE on history written by the services', async () => {
    const c = await f.commitment();
    const added = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { period: '2021/22 Q2', recordedOn: '2021-09-30', narrative: 'Kept for ever' },
    });
    if (!added.ok) throw new Error(added.error.message);
    const { historyId, update } = added.value;
    await expect(
      db.prisma.$executeRaw`UPDATE "AuditLog" SET "note" = 'rewritten' WHERE "id" = ${historyId}`,
    ).rejects.toThrow(/AuditLog is append-only: UPDATE/);
    await expect(
      db.prisma.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${historyId}`,
    ).rejects.toThrow(/AuditLog is append-only: DELETE/);
    await expect(
      db.prisma.progressUpdate.update({ where: { id: update.id }, data: { narrative: 'x' } }),
    ).rejects.toThrow(/ProgressUpdate is append-only: UPDATE/);
    await expect(db.prisma.progressUpdate.delete({ where: { id: update.id } })).rejects.toThrow(
      /ProgressUpdate is append-only: DELETE/,
    );
    expect(await db.prisma.auditLog.findUniqueOrThrow({ where: { id: historyId } })).toMatchObject({
      note: 'Kept for ever',
    });
  });
});
