// The Dorset seed: the whole plan, its demo delivery data with history, idempotence, and the
// "as at" state of the end of Q2 2021/22 matching what the Panel's Q2 minutes (seed 003) say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { planState, planStateAsAt, seedDorset, updatesInPeriod } from '../src/index.js';
import { dorsetDemoActions } from '../src/seed/dorset-delivery.js';
import { openTestDatabase } from '../src/testing/index.js';

let database: Database;
let planId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const result = await seedDorset(database.prisma);
  planId = result.planId;
}, 120_000);
afterAll(() => database?.close());

describe('seedDorset', () => {
  it('loads the whole plan', async () => {
    const { prisma } = database;
    expect(await prisma.priority.count({ where: { planId } })).toBe(6);
    expect(await prisma.theme.count({ where: { priority: { planId } } })).toBe(29);
    expect(await prisma.commitment.count({ where: { planId, themeId: { not: null } } })).toBe(156);
    expect(await prisma.commitment.count({ where: { planId, themeId: null } })).toBe(11);
    expect(await prisma.reportingPeriod.count()).toBe(32);
    expect(await prisma.planRevision.count({ where: { planId } })).toBe(2);
    expect(await prisma.measure.count()).toBe(18);
    expect(await prisma.panelAction.count()).toBe(3);
  });

  it('records every demo action and update with its history', async () => {
    const { prisma } = database;
    const updates = dorsetDemoActions.reduce((n, a) => n + a.updates.length, 0);
    expect(await prisma.deliveryAction.count()).toBe(dorsetDemoActions.length);
    expect(await prisma.progressUpdate.count()).toBe(updates);
    const history = await prisma.auditLog.count({ where: { action: 'progress-update' } });
    expect(history).toBe(updates);
  });

  it('changes nothing when run again', async () => {
    const { prisma } = database;
    const before = await prisma.auditLog.count();
    const again = await seedDorset(prisma);
    expect(again).toMatchObject({ created: false, planId, counts: {} });
    expect(await prisma.auditLog.count()).toBe(before);
  });
});

describe('the plan as at 30 September 2021', () => {
  async function actionsAsAt(date: string) {
    const state = await planStateAsAt(database.prisma, planId, date);
    if (!state) throw new Error('no plan');
    const byTitle = new Map(state.actions.map((a) => [a.title, a]));
    return (title: string) => {
      const action = byTitle.get(title);
      if (!action) throw new Error(`no action "${title}" as at ${date}`);
      return action;
    };
  }

  it('has the Q2 2021/22 statuses, not the 2024 ones', async () => {
    const action = await actionsAsAt('2021-09-30');
    // "Dorset Police had put designated leads in place for each local policing area" (Q2).
    expect(action('Designated pet theft leads in every local policing area')).toMatchObject({
      status: 'COMPLETED',
      rag: 'GREEN',
    });
    // County Watch: "a new area and there was still a lot of work in progress" (Q2).
    expect(action('Set up Country Watch with rural partners')).toMatchObject({
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      progressPercent: 25,
    });
    // Rural specials were being explored in 2021; the 2024 refresh reports the scheme launched.
    expect(action('Introduce rural special constables and volunteers')).toMatchObject({
      status: 'IN_PROGRESS',
      rag: 'AMBER',
    });
    const live = await planState(database.prisma, planId);
    expect(
      live?.actions.find((a) => a.title === 'Introduce rural special constables and volunteers'),
    ).toMatchObject({ status: 'COMPLETED' });
  });

  it('does not yet have actions that started later', async () => {
    const state = await planStateAsAt(database.prisma, planId, '2021-06-30');
    const titles = state?.actions.map((a) => a.title) ?? [];
    // Started 1 July 2021 with the Q2 relaunch.
    expect(titles).not.toContain('Relaunch the Neighbourhood Engagement Commitments');
    expect(titles).toContain('Double the Rural Crime Team');
  });

  it('lists the Q2 updates of the Panel minutes in 2021/22 Q2', async () => {
    const updates = await updatesInPeriod(database.prisma, planId, '2021/22 Q2');
    const expected = dorsetDemoActions
      .flatMap((a) => a.updates)
      .filter((u) => u.period === '2021/22 Q2');
    expect(updates).toHaveLength(expected.length);
    expect(updates.map((u) => u.narrative)).toContain(
      'Dorset Police put designated leads in place for each local policing area to enhance responses to pet theft.',
    );
  });
});
