// "As at" reads rebuild past states from history, after later changes, and agree with the live
// state today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProgressUpdate,
  changeCommitmentStatus,
  type Database,
  planState,
  planStateAsAt,
  planStatesAsAt,
  updatesInPeriod,
} from '../../src/index.js';
import { openTestDatabase } from '../../src/testing/index.js';
import { type Fixture, planFixture } from './fixtures.js';

let db: Database;
let f: Fixture;
let commitmentId: string;

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  db = await openTestDatabase();
  f = await planFixture(db.prisma);
  const c = await f.commitment();
  commitmentId = c.id;
  const subject = { type: 'Commitment', id: c.id } as const;
  expectOk(
    await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      effectiveOn: '2021-07-15',
      input: { status: 'IN_PROGRESS', rag: 'GREEN', progressPercent: 10 },
    }),
  );
  expectOk(
    await addProgressUpdate(db.prisma, f.actor, {
      subject,
      expectedVersion: 2,
      input: {
        period: '2021/22 Q2',
        recordedOn: '2021-09-30',
        narrative: 'Slower than hoped',
        ragAfter: 'AMBER',
        progressAfter: 40,
      },
    }),
  );
  expectOk(
    await addProgressUpdate(db.prisma, f.actor, {
      subject,
      expectedVersion: 3,
      input: {
        period: '2021/22 Q4',
        recordedOn: '2022-01-10',
        narrative: 'Funding withdrawn by a partner',
        ragAfter: 'RED',
        progressAfter: 60,
      },
    }),
  );
  // Written last, true from earlier: a correction of who owned it since August 2021.
  expectOk(
    await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 4,
      effectiveOn: '2021-08-01',
      input: { owner: 'Head of Policy' },
    }),
  );
});

afterAll(async () => {
  await db?.close();
});

async function commitmentAt(date: string) {
  const state = await planStateAsAt(db.prisma, f.plan.id, date);
  return state?.commitments.find((c) => c.id === commitmentId);
}

describe('planStateAsAt', () => {
  it('reproduces each past state after later changes', async () => {
    const pick = (c: Awaited<ReturnType<typeof commitmentAt>>) =>
      c && { status: c.status, rag: c.rag, progressPercent: c.progressPercent, owner: c.owner };
    expect(pick(await commitmentAt('2021-07-14'))).toEqual({
      status: 'NOT_STARTED',
      rag: null,
      progressPercent: 0,
      owner: null,
    });
    expect(pick(await commitmentAt('2021-07-15'))).toEqual({
      status: 'IN_PROGRESS',
      rag: 'GREEN',
      progressPercent: 10,
      owner: null,
    });
    expect(pick(await commitmentAt('2021-08-01'))).toMatchObject({ owner: 'Head of Policy' });
    expect(pick(await commitmentAt('2021-09-30'))).toEqual({
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      progressPercent: 40,
      owner: 'Head of Policy',
    });
    expect(pick(await commitmentAt('2021-12-31'))).toMatchObject({ rag: 'AMBER' });
    expect(pick(await commitmentAt('2022-01-10'))).toMatchObject({
      rag: 'RED',
      progressPercent: 60,
    });
  });

  it('agrees with the live state today', async () => {
    const live = await planState(db.prisma, f.plan.id);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    const asAt = await planStateAsAt(db.prisma, f.plan.id, today);
    expect(asAt?.commitments).toEqual(live?.commitments);
    expect(asAt?.asAt).toBe(today);
    expect(live?.asAt).toBeNull();
  });

  it('keeps the plan structure and scopes to the organisation', async () => {
    const state = await planStateAsAt(db.prisma, f.plan.id, '2021-09-30');
    expect(state?.themes).toEqual([
      { id: f.theme.id, priorityId: f.priority.id, position: 2, title: f.theme.title },
    ]);
    expect(state?.priorities.map((p) => p.number)).toEqual([1]);
    expect(
      await planStateAsAt(db.prisma, f.plan.id, '2021-09-30', { organisationId: 'another' }),
    ).toBeNull();
    await expect(planStateAsAt(db.prisma, f.plan.id, '2021-09-31')).rejects.toThrow(/Not a date/);
  });
});

describe('planStatesAsAt', () => {
  it('answers several dates from one read, each as planStateAsAt does', async () => {
    const dates = ['2021-07-14', '2021-09-30', '2021-07-15', '2022-01-10'];
    const states = await planStatesAsAt(db.prisma, f.plan.id, dates);
    expect(states?.map((s) => s.asAt)).toEqual(dates);
    for (const [index, date] of dates.entries()) {
      expect(states?.[index]).toEqual(await planStateAsAt(db.prisma, f.plan.id, date));
    }
    expect(states?.[0]?.commitments.find((c) => c.id === commitmentId)?.status).toBe('NOT_STARTED');
    expect(states?.[3]?.commitments.find((c) => c.id === commitmentId)?.rag).toBe('RED');
  });

  it('refuses a bad date before reading anything, and scopes to the organisation', async () => {
    await expect(
      planStatesAsAt(db.prisma, f.plan.id, ['2021-09-30', '2021-02-30']),
    ).rejects.toThrow(/Not a date/);
    expect(
      await planStatesAsAt(db.prisma, f.plan.id, ['2021-09-30'], { organisationId: 'another' }),
    ).toBeNull();
  });
});

describe('updatesInPeriod', () => {
  it('lists the updates filed for a period with their commitment code', async () => {
    const updates = await updatesInPeriod(db.prisma, f.plan.id, '2021/22 Q2');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      commitmentCode: '1.2.1',
      actionTitle: null,
      narrative: 'Slower than hoped',
      ragBefore: 'GREEN',
      ragAfter: 'AMBER',
    });
    expect(await updatesInPeriod(db.prisma, f.plan.id, '2022/23 Q1')).toEqual([]);
  });
});
