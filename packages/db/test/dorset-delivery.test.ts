// The seed's demo delivery data on its own, without a database: it fits the Dorset plan and the
// domain's rules.
import { checkTransition, dorsetPlanDocument, type LifecycleStatus } from '@plan-tracker/domain';
import { describe, expect, it } from 'vitest';
import { dorsetDemoActions, dorsetDemoPanelMeetings } from '../src/seed/dorset-delivery.js';

const planCodes = new Set(
  dorsetPlanDocument.priorities.flatMap((p) =>
    p.themes.flatMap((t) => t.commitments.map((c) => c.code)),
  ),
);

describe('Dorset demo delivery data', () => {
  it('puts actions under at least 30 commitments across all six priorities', () => {
    const commitments = new Set(dorsetDemoActions.map((a) => a.commitmentCode));
    expect(commitments.size).toBeGreaterThanOrEqual(30);
    const priorities = new Set([...commitments].map((code) => code.split('.')[0]));
    expect([...priorities].sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('links every action to a commitment that exists in the plan', () => {
    const missing = dorsetDemoActions.filter((a) => !planCodes.has(a.commitmentCode));
    expect(missing.map((a) => `${a.ref} ${a.commitmentCode}`)).toEqual([]);
  });

  it('gives actions unique refs', () => {
    const refs = dorsetDemoActions.map((a) => a.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('records updates in date order, each a status change the rules allow', () => {
    for (const action of dorsetDemoActions) {
      let status: LifecycleStatus = 'NOT_STARTED';
      let last = '';
      for (const update of action.updates) {
        expect(update.recordedOn >= last, `${action.ref} updates out of order`).toBe(true);
        expect(update.recordedOn >= action.startDate, `${action.ref} update before start`).toBe(
          true,
        );
        const check = checkTransition(status, update.statusAfter);
        expect(check.ok, `${action.ref}: ${status} → ${update.statusAfter}`).toBe(true);
        status = update.statusAfter;
        last = update.recordedOn;
      }
    }
  });

  it('draws updates from the first-100-days report and the Q2 2021/22 minutes', () => {
    const periods = new Set(dorsetDemoActions.flatMap((a) => a.updates.map((u) => u.period)));
    expect(periods).toContain('2021/22 Q1');
    expect(periods).toContain('2021/22 Q2');
    const q2 = dorsetDemoActions.flatMap((a) => a.updates.filter((u) => u.period === '2021/22 Q2'));
    expect(q2.every((u) => u.source === 'Q2_2021_22_MINUTES')).toBe(true);
    expect(q2.length).toBeGreaterThanOrEqual(20);
  });

  it('names owners by role or team, never a private individual', () => {
    for (const action of dorsetDemoActions) {
      expect(action.owner).toMatch(/OPCC|Office|Dorset|Police|PCCs|Partnership/);
    }
  });

  it('records the three panel actions of the Q2 2021/22 meeting', () => {
    const q2 = dorsetDemoPanelMeetings.find((m) => m.title.includes('Q2 2021/22'));
    expect(q2?.actions.map((a) => a.priorityNumber)).toEqual([3, 5, 6]);
    expect(q2?.actions[0]?.text).toContain('VAWG');
  });
});
