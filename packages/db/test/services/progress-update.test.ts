// Progress updates: the append-only row, the figures applied to the subject, history, and
// every way one can be refused, including a failure half-way through the transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProgressUpdate, type Database } from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { closedPeriod, type Fixture, planFixture, rowCounts } from './fixtures.js';

let db: Database;
let f: Fixture;

beforeAll(async () => {
  db = await openTestDatabase();
  f = await planFixture(db.prisma);
});

afterAll(async () => {
  await db?.close();
});

const q2 = {
  period: '2021/22 Q2',
  recordedOn: '2021-09-30',
  narrative: 'Operation Relentless under way in Bournemouth.',
};

describe('addProgressUpdate', () => {
  it('appends the update with figures before and after, and applies them', async () => {
    const c = await f.commitment();
    const result = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: {
        ...q2,
        statusAfter: 'IN_PROGRESS',
        ragAfter: 'GREEN',
        progressAfter: 25,
        evidence: [{ title: 'Panel report', url: 'https://example.org/q2' }],
      },
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        update: {
          commitmentId: c.id,
          actionId: null,
          period: '2021/22 Q2',
          recordedOn: '2021-09-30',
          author: 'Jo Bloggs (EDITOR)',
          statusBefore: 'NOT_STARTED',
          statusAfter: 'IN_PROGRESS',
          ragBefore: null,
          ragAfter: 'GREEN',
          progressBefore: 0,
          progressAfter: 25,
          evidence: [{ title: 'Panel report', url: 'https://example.org/q2' }],
        },
        subject: { status: 'IN_PROGRESS', rag: 'GREEN', progressPercent: 25, version: 2 },
      },
    });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: c.id } });
    expect(entry).toMatchObject({
      action: 'progress-update',
      actor: 'Jo Bloggs (EDITOR)',
      period: '2021/22 Q2',
      before: { status: 'NOT_STARTED', rag: null, progressPercent: 0 },
      after: { status: 'IN_PROGRESS', rag: 'GREEN', progressPercent: 25 },
      note: q2.narrative,
    });
    expect(entry.effectiveOn?.toISOString().slice(0, 10)).toBe('2021-09-30');
  });

  it('keeps figures that the update leaves out', async () => {
    const c = await f.commitment({ status: 'IN_PROGRESS' });
    const result = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { ...q2, ragAfter: 'AMBER' },
    });
    expect(result).toMatchObject({
      value: {
        update: { statusBefore: 'IN_PROGRESS', statusAfter: 'IN_PROGRESS', ragAfter: 'AMBER' },
        subject: { status: 'IN_PROGRESS', rag: 'AMBER', version: 2 },
      },
    });
  });

  it('names an action and its commitment when the update is on an action', async () => {
    const c = await f.commitment();
    const a = await f.rawAction(c.id);
    const result = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'DeliveryAction', id: a.id },
      expectedVersion: 1,
      input: { ...q2, statusAfter: 'COMPLETED', progressAfter: 100 },
    });
    expect(result).toMatchObject({
      value: {
        update: { commitmentId: c.id, actionId: a.id },
        subject: { status: 'COMPLETED', completedOn: '2021-09-30' },
      },
    });
    // The update stays on the action; the commitment's figures, rolled up from its one action,
    // follow it (services/derived.ts).
    expect(await db.prisma.progressUpdate.count({ where: { commitmentId: c.id } })).toBe(1);
    expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: 'COMPLETED',
      progressPercent: 100,
      version: c.version + 1,
    });
  });

  it('refuses invalid input, naming the fields, and writes nothing', async () => {
    const c = await f.commitment();
    const before = await rowCounts(db.prisma);
    const result = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: {
        period: '2021/22 Q2',
        recordedOn: '2021-06-01',
        narrative: '   ',
        evidence: [{ title: 'Link', url: 'not a url' }],
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'VALIDATION') {
      const paths = result.error.issues.map((issue) => issue.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['narrative', 'recordedOn', 'evidence.0.url']));
    } else {
      expect.unreachable();
    }
    const transition = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { ...q2, statusAfter: 'COMPLETED', progressAfter: 90 },
    });
    expect(transition).toMatchObject({ error: { issues: [{ path: ['progressAfter'] }] } });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it('refuses a stale version, a forbidden transition, a closed period and other organisations', async () => {
    const c = await f.commitment({ status: 'COMPLETED' });
    const before = await rowCounts(db.prisma);
    const stale = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 2,
      input: q2,
    });
    expect(stale).toMatchObject({
      error: { code: 'CONFLICT', currentVersion: 1, current: { status: 'COMPLETED' } },
    });
    const reopen = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { ...q2, statusAfter: 'IN_PROGRESS', progressAfter: 50 },
    });
    expect(reopen).toMatchObject({ error: { code: 'TRANSITION', from: 'COMPLETED' } });

    await closedPeriod(db.prisma, f.organisation.id, '2020/21 Q4');
    const closed = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { period: '2020/21 Q4', recordedOn: '2021-04-10', narrative: 'Late' },
    });
    expect(closed).toMatchObject({ error: { code: 'PERIOD_CLOSED', period: '2020/21 Q4' } });

    const other = await planFixture(db.prisma, 'other-office');
    const theirs = await other.commitment();
    const foreign = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: theirs.id },
      expectedVersion: 1,
      input: q2,
    });
    expect(foreign).toMatchObject({ error: { code: 'NOT_FOUND', entity: 'Commitment' } });
    const after = await rowCounts(db.prisma);
    expect({ ...after, periods: before.periods }).toEqual(before);
  });

  it('reopens with a reason given beside the update', async () => {
    const c = await f.commitment({ status: 'COMPLETED' });
    const result = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      reason: 'New funding for a second phase',
      input: { ...q2, statusAfter: 'IN_PROGRESS', progressAfter: 50 },
    });
    expect(result).toMatchObject({ ok: true, value: { subject: { status: 'IN_PROGRESS' } } });
  });

  it('leaves no trace when the transaction fails half-way', async () => {
    const c = await f.commitment();
    // Fail on the history insert, after the subject was updated and the update row inserted.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION "test_fail_history"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."note" = 'FAIL HERE' THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END; $$`);
    await db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER "test_fail_history" BEFORE INSERT ON "AuditLog"
      FOR EACH ROW EXECUTE FUNCTION "test_fail_history"()`);
    try {
      const before = await rowCounts(db.prisma);
      await expect(
        addProgressUpdate(db.prisma, f.actor, {
          subject: { type: 'Commitment', id: c.id },
          expectedVersion: 1,
          input: { ...q2, narrative: 'FAIL HERE', statusAfter: 'IN_PROGRESS', ragAfter: 'RED' },
        }),
      ).rejects.toThrow(/injected failure/);
      expect(await rowCounts(db.prisma)).toEqual(before);
      expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toEqual(c);
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER "test_fail_history" ON "AuditLog"');
      await db.prisma.$executeRawUnsafe('DROP FUNCTION "test_fail_history"()');
    }
    // And the same write then succeeds.
    const retry = await addProgressUpdate(db.prisma, f.actor, {
      subject: { type: 'Commitment', id: c.id },
      expectedVersion: 1,
      input: { ...q2, narrative: 'FAIL HERE', statusAfter: 'IN_PROGRESS' },
    });
    expect(retry.ok).toBe(true);
  });
});
