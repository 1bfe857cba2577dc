// Changing the status and figures of commitments and actions: success and history, validation,
// stale versions, forbidden transitions, closed periods, other organisations, the roll-up rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeActionStatus,
  changeCommitmentStatus,
  clearCommitmentOverride,
  type Database,
  systemActor,
} from '../../src/index.js';
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

describe('changeCommitmentStatus', () => {
  it('saves the change, bumps the version and appends who, when, before and after', async () => {
    const c = await f.commitment();
    const started = Date.now();
    const result = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      effectiveOn: '2021-08-24',
      input: { status: 'IN_PROGRESS', rag: 'GREEN', owner: 'Head of Policy', note: 'Kick-off' },
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        record: {
          id: c.id,
          status: 'IN_PROGRESS',
          rag: 'GREEN',
          owner: 'Head of Policy',
          version: 2,
        },
      },
    });
    const row = await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'IN_PROGRESS', rag: 'GREEN', version: 2 });

    const history = await db.prisma.auditLog.findMany({ where: { entityId: c.id } });
    expect(history).toHaveLength(1);
    const [entry] = history;
    expect(entry).toMatchObject({
      organisationId: f.organisation.id,
      planId: f.plan.id,
      actor: 'Jo Bloggs (EDITOR)',
      actorUserId: f.user.id,
      actorApiKeyId: null,
      entityType: 'Commitment',
      action: 'status',
      period: '2021/22 Q2',
      before: { status: 'NOT_STARTED', rag: null, owner: null },
      after: { status: 'IN_PROGRESS', rag: 'GREEN', owner: 'Head of Policy' },
      note: 'Kick-off',
    });
    expect(entry?.effectiveOn?.toISOString().slice(0, 10)).toBe('2021-08-24');
    expect(entry?.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
    if (result.ok) expect(result.value.historyId).toBe(entry?.id);
  });

  it('dates a change today in Europe/London when no effective date is given', async () => {
    const c = await f.commitment();
    await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { rag: 'AMBER' },
    });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: c.id } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(),
    );
    expect(entry.effectiveOn?.toISOString().slice(0, 10)).toBe(today);
  });

  it('names the field of each broken rule and writes nothing', async () => {
    const c = await f.commitment();
    const before = await rowCounts(db.prisma);
    const dates = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { startDate: '2022-04-01', dueDate: '2022-03-31' },
    });
    expect(dates).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['dueDate'] }] },
    });
    const badDate = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { startDate: '2021-02-30' },
    });
    expect(badDate).toMatchObject({ error: { issues: [{ path: ['startDate'] }] } });
    const nothing = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { note: 'only a note' },
    });
    expect(nothing).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: [] }] } });
    const version = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 0,
      input: { rag: 'RED' },
    });
    expect(version).toMatchObject({ error: { issues: [{ path: ['expectedVersion'] }] } });
    // Completed work must be at 100%: judged on the merged record (stored progress is 0).
    const merged = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { status: 'COMPLETED' },
    });
    expect(merged).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['progressPercent'] }] },
    });
    expect(await rowCounts(db.prisma)).toEqual(before);
    expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toEqual(c);
  });

  it('refuses a stale version with the current state and writes nothing', async () => {
    const c = await f.commitment();
    const first = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { status: 'IN_PROGRESS' },
    });
    expect(first.ok).toBe(true);
    const before = await rowCounts(db.prisma);
    const stale = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { rag: 'RED' },
    });
    expect(stale).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'CONFLICT',
        entity: 'Commitment',
        id: c.id,
        expectedVersion: 1,
        currentVersion: 2,
        current: expect.objectContaining({ status: 'IN_PROGRESS', rag: null, version: 2 }),
      }),
    });
    expect(await rowCounts(db.prisma)).toEqual(before);
    expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      rag: null,
      version: 2,
    });
  });

  it('refuses a transition the lifecycle forbids, saying what is allowed', async () => {
    const c = await f.commitment({ status: 'IN_PROGRESS' });
    const result = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { status: 'NOT_STARTED' },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'TRANSITION',
        transitionCode: 'STATUS_TRANSITION_FORBIDDEN',
        from: 'IN_PROGRESS',
        to: 'NOT_STARTED',
        allowed: ['ONGOING', 'COMPLETED', 'DEFERRED', 'WITHDRAWN'],
        message: expect.stringContaining('cannot change from In progress to Not started'),
      },
    });
    expect(await db.prisma.auditLog.count({ where: { entityId: c.id } })).toBe(0);
  });

  it('reopens completed work only with a reason, and keeps the reason in history', async () => {
    const c = await f.commitment({ status: 'COMPLETED' });
    const without = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { status: 'IN_PROGRESS' },
    });
    expect(without).toMatchObject({ error: { transitionCode: 'STATUS_REASON_REQUIRED' } });
    const withReason = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { status: 'IN_PROGRESS', reason: 'Panel asked for a second phase' },
    });
    expect(withReason.ok).toBe(true);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: c.id } });
    expect(entry.note).toBe('Reason: Panel asked for a second phase');
  });

  it('refuses a change dated in a closed reporting period', async () => {
    await closedPeriod(db.prisma, f.organisation.id, '2021/22 Q1');
    const c = await f.commitment();
    const result = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      effectiveOn: '2021-06-30',
      input: { rag: 'GREEN' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_CLOSED', period: '2021/22 Q1' },
    });
    const open = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      effectiveOn: '2021-07-01',
      input: { rag: 'GREEN' },
    });
    expect(open.ok).toBe(true);
  });

  it('does not find a commitment of another organisation, and changes nothing there', async () => {
    const other = await planFixture(db.prisma, 'elsewhere');
    const theirs = await other.commitment();
    const result = await changeCommitmentStatus(db.prisma, f.actor, {
      id: theirs.id,
      expectedVersion: 1,
      input: { rag: 'RED' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', entity: 'Commitment', id: theirs.id },
    });
    expect(await db.prisma.commitment.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(
      theirs,
    );
    const missing = await changeCommitmentStatus(db.prisma, systemActor(f.organisation.id), {
      id: 'no-such-id',
      expectedVersion: 1,
      input: { rag: 'RED' },
    });
    expect(missing).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('checks access on the row it loaded, inside the write: contributors change only their own work', async () => {
    const theirs = await f.commitment({ owner: 'Burglary Team' });
    const other = await f.commitment({ owner: 'Someone Else' });
    const contributor = f.contributor(['burglary team']);
    const allowed = await changeCommitmentStatus(db.prisma, contributor, {
      id: theirs.id,
      expectedVersion: 1,
      input: { rag: 'GREEN' },
    });
    expect(allowed.ok).toBe(true);
    const refused = await changeCommitmentStatus(db.prisma, contributor, {
      id: other.id,
      expectedVersion: 1,
      input: { rag: 'GREEN' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Refused before the version is looked at: a stale version tells them nothing either.
    const stale = await changeCommitmentStatus(db.prisma, contributor, {
      id: other.id,
      expectedVersion: 99,
      input: { rag: 'GREEN' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const history = await db.prisma.auditLog.count({ where: { entityId: other.id } });
    expect(history).toBe(0);
  });

  it('lets figures roll up from actions unless a reason is given to set them', async () => {
    const c = await f.commitment();
    await f.rawAction(c.id);
    const refused = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { rag: 'RED' },
    });
    expect(refused).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['reason'] }] },
    });
    // Owner and due date come from the actions: refused, naming the field.
    const owner = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { owner: 'Chief Executive' },
    });
    expect(owner).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['owner'] }] },
    });
    // A start date is not a rolled-up figure: no reason needed.
    const start = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 1,
      input: { startDate: '2021-06-01' },
    });
    expect(start.ok).toBe(true);
    const set = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 2,
      input: { rag: 'RED', reason: 'Force data shows a rise the actions do not capture' },
    });
    expect(set).toMatchObject({
      ok: true,
      value: {
        record: {
          rag: 'RED',
          statusOverrideReason: 'Force data shows a rise the actions do not capture',
        },
      },
    });
    // Once set, the figures stay the commitment's own until cleared.
    const again = await changeCommitmentStatus(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 3,
      input: { rag: 'AMBER' },
    });
    expect(again.ok).toBe(true);
    const cleared = await clearCommitmentOverride(db.prisma, f.actor, {
      id: c.id,
      expectedVersion: 4,
      note: 'Actions now cover it',
    });
    // Cleared, the figures are worked out again from the one action (not started, not rated):
    // two writes, two history entries.
    expect(cleared).toMatchObject({
      ok: true,
      value: { record: { statusOverrideReason: null, rag: null, version: 6 } },
    });
    const [rolledUp, clearing] = await db.prisma.auditLog.findMany({
      where: { entityId: c.id },
      orderBy: { sequence: 'desc' },
      take: 2,
    });
    expect(clearing).toMatchObject({
      action: 'status',
      before: { statusOverrideReason: 'Force data shows a rise the actions do not capture' },
      after: { statusOverrideReason: null },
    });
    expect(rolledUp).toMatchObject({
      action: 'roll-up',
      before: { rag: 'AMBER' },
      after: { rag: null },
      note: 'Worked out from its delivery actions: staff handed its figures back to them.',
    });
    expect(
      await clearCommitmentOverride(db.prisma, f.actor, { id: c.id, expectedVersion: 6 }),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});

describe('changeActionStatus', () => {
  it('records completion on the effective date and clears it when reopened', async () => {
    const c = await f.commitment();
    const a = await f.rawAction(c.id);
    const done = await changeActionStatus(db.prisma, f.actor, {
      id: a.id,
      expectedVersion: 1,
      effectiveOn: '2022-01-15',
      input: { status: 'COMPLETED', progressPercent: 100, rag: 'GREEN' },
    });
    expect(done).toMatchObject({
      ok: true,
      value: { record: { status: 'COMPLETED', completedOn: '2022-01-15', version: 2 } },
    });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: a.id } });
    expect(entry).toMatchObject({
      entityType: 'DeliveryAction',
      period: '2021/22 Q4',
      before: { status: 'NOT_STARTED', completedOn: null, progressPercent: 0, rag: null },
      after: { status: 'COMPLETED', completedOn: '2022-01-15', progressPercent: 100, rag: 'GREEN' },
    });
    const reopened = await changeActionStatus(db.prisma, f.actor, {
      id: a.id,
      expectedVersion: 2,
      input: { status: 'IN_PROGRESS', progressPercent: 80, reason: 'A second phase' },
    });
    expect(reopened).toMatchObject({ value: { record: { completedOn: null, version: 3 } } });
  });

  it('refuses a stale version of an action', async () => {
    const c = await f.commitment();
    const a = await f.rawAction(c.id);
    const result = await changeActionStatus(db.prisma, f.actor, {
      id: a.id,
      expectedVersion: 7,
      input: { rag: 'GREEN' },
    });
    expect(result).toMatchObject({
      error: { code: 'CONFLICT', entity: 'DeliveryAction', currentVersion: 1 },
    });
  });
});
