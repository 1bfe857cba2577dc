// Actions, milestones, measure values and reporting periods: each write's success and history
// entry, its validation, stale versions, other organisations and closed periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveAction,
  archiveMilestone,
  changeCommitmentStatus,
  closeReportingPeriod,
  completeMilestone,
  createAction,
  createMilestone,
  type Database,
  planStateAsAt,
  recordMeasureValue,
  reopenReportingPeriod,
  updateAction,
  updateMilestone,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture, rowCounts } from './fixtures.js';

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

async function historyOf(entityId: string) {
  return db.prisma.auditLog.findMany({ where: { entityId }, orderBy: { sequence: 'asc' } });
}

describe('delivery actions', () => {
  it('creates an action with a creation entry holding its whole state', async () => {
    const c = await f.commitment();
    const { record, historyId } = value(
      await createAction(db.prisma, f.actor, {
        effectiveOn: '2021-06-01',
        input: {
          commitmentId: c.id,
          title: 'Operation Relentless',
          owner: 'Dorset Police',
          startDate: '2021-06-01',
          dueDate: '2022-03-31',
        },
      }),
    );
    expect(record).toMatchObject({
      commitmentId: c.id,
      title: 'Operation Relentless',
      description: '',
      status: 'NOT_STARTED',
      rag: null,
      progressPercent: 0,
      version: 1,
    });
    const [entry] = await historyOf(record.id);
    expect(entry).toMatchObject({
      id: historyId,
      action: 'create',
      entityType: 'DeliveryAction',
      planId: f.plan.id,
      period: '2021/22 Q1',
      before: null,
      after: {
        commitmentId: c.id,
        title: 'Operation Relentless',
        owner: 'Dorset Police',
        status: 'NOT_STARTED',
        startDate: '2021-06-01',
        dueDate: '2022-03-31',
        archivedAt: null,
      },
    });
  });

  it('refuses invalid actions, naming the fields, and unknown commitments', async () => {
    const c = await f.commitment();
    const before = await rowCounts(db.prisma);
    const invalid = await createAction(db.prisma, f.actor, {
      input: {
        commitmentId: c.id,
        title: '',
        startDate: '2022-01-01',
        dueDate: '2021-01-01',
      },
    });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok && invalid.error.code === 'VALIDATION') {
      expect(invalid.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
        'dueDate',
        'title',
      ]);
    }
    const other = await planFixture(db.prisma, 'other-office');
    const theirs = await other.commitment();
    expect(
      await createAction(db.prisma, f.actor, { input: { commitmentId: theirs.id, title: 'X' } }),
    ).toMatchObject({ error: { code: 'NOT_FOUND', entity: 'Commitment', id: theirs.id } });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it('edits details with a version check, and records only what changed', async () => {
    const c = await f.commitment();
    const { record: a } = value(
      await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: 'Draft' } }),
    );
    const edited = value(
      await updateAction(db.prisma, f.actor, {
        id: a.id,
        expectedVersion: 1,
        input: { title: 'Final title', dueDate: '2023-03-31' },
        note: 'Agreed with the force',
      }),
    );
    expect(edited.record).toMatchObject({
      title: 'Final title',
      dueDate: '2023-03-31',
      version: 2,
    });
    const entries = await historyOf(a.id);
    expect(entries[1]).toMatchObject({
      action: 'update',
      before: { title: 'Draft', dueDate: null },
      after: { title: 'Final title', dueDate: '2023-03-31' },
      note: 'Agreed with the force',
    });
    const before = await rowCounts(db.prisma);
    const stale = await updateAction(db.prisma, f.actor, {
      id: a.id,
      expectedVersion: 1,
      input: { title: 'Lost update' },
    });
    expect(stale).toMatchObject({
      error: { code: 'CONFLICT', currentVersion: 2, current: { title: 'Final title' } },
    });
    const dates = await updateAction(db.prisma, f.actor, {
      id: a.id,
      expectedVersion: 2,
      input: { startDate: '2024-01-01' },
    });
    // The merged record breaks the rule: due 2023-03-31 before the new start.
    expect(dates).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: ['dueDate'] }] } });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it('archives an action once, and then refuses to edit it', async () => {
    const c = await f.commitment();
    const { record: a } = value(
      await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: 'Old' } }),
    );
    const archived = value(
      await archiveAction(db.prisma, f.actor, { id: a.id, expectedVersion: 1 }),
    );
    expect(archived.record.archivedAt).not.toBeNull();
    expect((await historyOf(a.id))[1]).toMatchObject({
      action: 'archive',
      before: { archivedAt: null },
    });
    expect(await archiveAction(db.prisma, f.actor, { id: a.id, expectedVersion: 2 })).toMatchObject(
      { error: { code: 'VALIDATION' } },
    );
    expect(
      await updateAction(db.prisma, f.actor, {
        id: a.id,
        expectedVersion: 2,
        input: { title: 'N' },
      }),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
    // Archived actions no longer count towards the commitment's roll-up rule.
    expect(
      await changeCommitmentStatus(db.prisma, f.actor, {
        id: c.id,
        expectedVersion: 1,
        input: { rag: 'GREEN' },
      }),
    ).toMatchObject({ ok: true });
  });

  it('does not exist "as at" a date before its creation', async () => {
    const c = await f.commitment();
    const { record: a } = value(
      await createAction(db.prisma, f.actor, {
        effectiveOn: '2022-04-01',
        input: { commitmentId: c.id, title: 'Later' },
      }),
    );
    const before = await planStateAsAt(db.prisma, f.plan.id, '2022-03-31');
    const after = await planStateAsAt(db.prisma, f.plan.id, '2022-04-01');
    expect(before?.actions.some((x) => x.id === a.id)).toBe(false);
    expect(after?.actions.find((x) => x.id === a.id)).toMatchObject({ title: 'Later' });
  });
});

describe('milestones', () => {
  it('creates, edits, completes and archives, each with a history entry', async () => {
    const c = await f.commitment();
    const { record: a } = value(
      await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: 'Action' } }),
    );
    const { record: m } = value(
      await createMilestone(db.prisma, f.actor, {
        input: { actionId: a.id, title: 'Business case', dueDate: '2021-12-31' },
      }),
    );
    expect(m).toMatchObject({
      actionId: a.id,
      dueDate: '2021-12-31',
      completedOn: null,
      version: 1,
    });
    value(
      await updateMilestone(db.prisma, f.actor, {
        id: m.id,
        expectedVersion: 1,
        input: { dueDate: '2022-01-31' },
      }),
    );
    const done = value(
      await completeMilestone(db.prisma, f.actor, {
        id: m.id,
        expectedVersion: 2,
        completedOn: '2022-01-20',
      }),
    );
    expect(done.record).toMatchObject({ completedOn: '2022-01-20', version: 3 });
    expect(
      await completeMilestone(db.prisma, f.actor, { id: m.id, expectedVersion: 3 }),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
    value(await archiveMilestone(db.prisma, f.actor, { id: m.id, expectedVersion: 3 }));
    const entries = await historyOf(m.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'complete', 'archive']);
    expect(entries[1]).toMatchObject({
      before: { dueDate: '2021-12-31' },
      after: { dueDate: '2022-01-31' },
    });
    expect(entries[2]).toMatchObject({ after: { completedOn: '2022-01-20' } });
  });

  it('refuses bad input, stale versions and other organisations', async () => {
    const c = await f.commitment();
    const { record: a } = value(
      await createAction(db.prisma, f.actor, { input: { commitmentId: c.id, title: 'Action' } }),
    );
    expect(
      await createMilestone(db.prisma, f.actor, {
        input: { actionId: a.id, title: 'No date', dueDate: '31/12/2021' },
      }),
    ).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: ['dueDate'] }] } });
    const { record: m } = value(
      await createMilestone(db.prisma, f.actor, {
        input: { actionId: a.id, title: 'Step', dueDate: '2021-12-31' },
      }),
    );
    expect(
      await updateMilestone(db.prisma, f.actor, { id: m.id, expectedVersion: 1, input: {} }),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(
      await updateMilestone(db.prisma, f.actor, {
        id: m.id,
        expectedVersion: 5,
        input: { title: 'x' },
      }),
    ).toMatchObject({ error: { code: 'CONFLICT', currentVersion: 1, current: { title: 'Step' } } });
    const other = await planFixture(db.prisma, 'third-office');
    expect(
      await completeMilestone(db.prisma, other.actor, { id: m.id, expectedVersion: 1 }),
    ).toMatchObject({ error: { code: 'NOT_FOUND', entity: 'Milestone' } });
  });
});

describe('measure values', () => {
  it('records a value, replaces it with a version check, and refuses closed periods', async () => {
    const measure = await db.prisma.measure.create({
      data: {
        organisationId: f.organisation.id,
        priorityId: f.priority.id,
        position: 1,
        name: 'Total crime',
        direction: 'LOWER_IS_BETTER',
      },
    });
    const input = {
      measureId: measure.id,
      period: '2022/23 Q1',
      value: 12_345,
      recordedOn: '2022-07-10',
    };
    const first = value(await recordMeasureValue(db.prisma, f.actor, { input }));
    expect(first.record).toMatchObject({ period: '2022/23 Q1', value: 12_345, version: 1 });
    expect(
      await recordMeasureValue(db.prisma, f.actor, { input: { ...input, value: 1 } }),
    ).toMatchObject({ error: { code: 'CONFLICT', expectedVersion: null, currentVersion: 1 } });
    const second = value(
      await recordMeasureValue(db.prisma, f.actor, {
        expectedVersion: 1,
        input: { ...input, value: 12_000, note: 'Revised by the force' },
      }),
    );
    expect(second.record).toMatchObject({ value: 12_000, version: 2 });
    const entries = await historyOf(first.record.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'record']);
    expect(entries[1]).toMatchObject({ before: { value: 12_345 }, after: { value: 12_000 } });
    expect(
      await recordMeasureValue(db.prisma, f.actor, { input: { ...input, value: Number.NaN } }),
    ).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: ['value'] }] } });

    value(
      await closeReportingPeriod(db.prisma, f.admin, { label: '2022/23 Q1', closeEarlier: true }),
    );
    expect(
      await recordMeasureValue(db.prisma, f.actor, { expectedVersion: 2, input }),
    ).toMatchObject({ error: { code: 'PERIOD_CLOSED', period: '2022/23 Q1' } });
  });
});

describe('reporting periods', () => {
  it('closes a period, which then locks changes dated in it, and reopens it with a reason', async () => {
    const closed = value(
      await closeReportingPeriod(db.prisma, f.admin, {
        label: '2023/24 Q2',
        note: 'Reported',
        closeEarlier: true,
      }),
    );
    expect(closed.record).toMatchObject({
      label: '2023/24 Q2',
      financialYear: '2023/24',
      quarter: 2,
      startDate: '2023-07-01',
      endDate: '2023-09-30',
      version: 1,
    });
    expect(closed.record.closedAt).not.toBeNull();
    const c = await f.commitment();
    const change = {
      id: c.id,
      expectedVersion: 1,
      effectiveOn: '2023-08-01',
      input: { rag: 'RED' as const },
    };
    expect(await changeCommitmentStatus(db.prisma, f.actor, change)).toMatchObject({
      error: { code: 'PERIOD_CLOSED', period: '2023/24 Q2' },
    });
    expect(
      await closeReportingPeriod(db.prisma, f.admin, { label: '2023/24 Q2', expectedVersion: 1 }),
    ).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: ['label'] }] } });
    expect(
      await reopenReportingPeriod(db.prisma, f.admin, {
        label: '2023/24 Q2',
        expectedVersion: 1,
        reason: ' ',
      }),
    ).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: ['reason'] }] } });
    value(
      await reopenReportingPeriod(db.prisma, f.admin, {
        label: '2023/24 Q2',
        expectedVersion: 1,
        reason: 'Late figures from the force',
      }),
    );
    expect(await changeCommitmentStatus(db.prisma, f.actor, change)).toMatchObject({ ok: true });
    const entries = await historyOf(closed.record.id);
    expect(entries.map((e) => [e.action, e.period])).toEqual([
      ['close', '2023/24 Q2'],
      ['reopen', '2023/24 Q2'],
    ]);
    expect(await closeReportingPeriod(db.prisma, f.admin, { label: '2023/24 Q5' })).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['label'] }] },
    });
  });
});
