import { describe, expect, it } from 'vitest';
import type { LifecycleStatus, Rag } from '../model/vocabulary.js';
import { DORSET_PLAN_PERIOD } from '../timeline/plan.js';
import { compareWithPlan } from './expected.js';
import { type ActionRollUpInput, type CommitmentRollUpInput, rollUpPlan } from './plan.js';
import {
  deriveStatus,
  emptyStatusCounts,
  type RollUpItem,
  rollUpCommitment,
  rollUpItems,
} from './rollup.js';

const AS_AT = '2021-09-30';

function item(
  status: LifecycleStatus,
  progressPercent: number,
  rag: Rag | null = null,
  dueDate: string | null = null,
): RollUpItem {
  return { status, rag, progressPercent, dueDate };
}

describe('rollUpItems', () => {
  it('zero-fills every status and RAG key', () => {
    const r = rollUpItems([], AS_AT);
    expect(r.byStatus).toEqual({
      NOT_STARTED: 0,
      IN_PROGRESS: 0,
      ONGOING: 0,
      COMPLETED: 0,
      DEFERRED: 0,
      WITHDRAWN: 0,
    });
    expect(r.byRag).toEqual({ GREEN: 0, AMBER: 0, RED: 0, NONE: 0 });
    expect(r).toMatchObject({ count: 0, progressPercent: null, status: null, rag: null });
  });

  it('counts by status and RAG, unrated under NONE', () => {
    const r = rollUpItems(
      [item('IN_PROGRESS', 50, 'GREEN'), item('IN_PROGRESS', 10, 'RED'), item('NOT_STARTED', 0)],
      AS_AT,
    );
    expect(r.count).toBe(3);
    expect(r.byStatus.IN_PROGRESS).toBe(2);
    expect(r.byStatus.NOT_STARTED).toBe(1);
    expect(r.byRag).toEqual({ GREEN: 1, AMBER: 0, RED: 1, NONE: 1 });
  });

  it('averages progress leaving out withdrawn work and counting completed as 100', () => {
    const r = rollUpItems(
      [
        item('COMPLETED', 60),
        item('IN_PROGRESS', 25),
        item('WITHDRAWN', 0),
        item('NOT_STARTED', 0),
      ],
      AS_AT,
    );
    // (100 + 25 + 0) / 3 = 41.67, rounded
    expect(r.progressPercent).toBe(42);
  });

  it('has no progress when everything is withdrawn', () => {
    expect(rollUpItems([item('WITHDRAWN', 50)], AS_AT).progressPercent).toBeNull();
  });

  it('counts open work due before the date as overdue, and finds the next due date', () => {
    const r = rollUpItems(
      [
        item('IN_PROGRESS', 10, null, '2021-09-29'),
        item('COMPLETED', 100, null, '2021-06-01'),
        item('NOT_STARTED', 0, null, '2021-09-30'),
        item('DEFERRED', 0, null, '2021-12-31'),
      ],
      AS_AT,
    );
    expect(r.overdue).toBe(1);
    expect(r.nextDueDate).toBe('2021-09-29');
  });

  it('rates the whole by its worst open item, ignoring closed ones while work is open', () => {
    expect(
      rollUpItems([item('IN_PROGRESS', 1, 'AMBER'), item('COMPLETED', 100, 'RED')], AS_AT).rag,
    ).toBe('AMBER');
    expect(
      rollUpItems([item('COMPLETED', 100, 'GREEN'), item('COMPLETED', 100, 'AMBER')], AS_AT).rag,
    ).toBe('AMBER');
    expect(rollUpItems([item('IN_PROGRESS', 1)], AS_AT).rag).toBeNull();
  });
});

describe('deriveStatus', () => {
  const counts = (c: Partial<Record<LifecycleStatus, number>>) => ({
    ...emptyStatusCounts(),
    ...c,
  });

  it.each([
    [{ WITHDRAWN: 2 }, 'WITHDRAWN'],
    [{ COMPLETED: 2, WITHDRAWN: 1 }, 'COMPLETED'],
    [{ IN_PROGRESS: 1, ONGOING: 3 }, 'IN_PROGRESS'],
    [{ ONGOING: 1, COMPLETED: 3 }, 'ONGOING'],
    [{ COMPLETED: 1, NOT_STARTED: 3 }, 'IN_PROGRESS'],
    [{ NOT_STARTED: 1, DEFERRED: 2 }, 'NOT_STARTED'],
    [{ DEFERRED: 2, WITHDRAWN: 1 }, 'DEFERRED'],
    [{}, null],
  ] as const)('%j → %s', (c, expected) => {
    expect(deriveStatus(counts(c))).toBe(expected);
  });
});

describe('rollUpCommitment', () => {
  const own = { ...item('IN_PROGRESS', 70, 'GREEN', '2022-03-31'), statusOverrideReason: null };
  const actions = [item('IN_PROGRESS', 20, 'RED'), item('NOT_STARTED', 0)];

  it('rolls up from the actions', () => {
    expect(rollUpCommitment(own, actions, AS_AT)).toMatchObject({
      basis: 'ACTIONS',
      count: 2,
      progressPercent: 10,
      rag: 'RED',
    });
  });

  it('uses its own figures when staff set them with a reason', () => {
    const r = rollUpCommitment(
      { ...own, statusOverrideReason: 'Agreed with the Chief Constable' },
      actions,
      AS_AT,
    );
    expect(r).toMatchObject({ basis: 'OVERRIDE', count: 1, progressPercent: 70, rag: 'GREEN' });
  });

  it('does not treat a blank reason as an override', () => {
    expect(rollUpCommitment({ ...own, statusOverrideReason: '  ' }, actions, AS_AT).basis).toBe(
      'ACTIONS',
    );
  });

  it('uses its own figures when it has no actions', () => {
    expect(rollUpCommitment(own, [], AS_AT)).toMatchObject({ basis: 'OWN_FIGURES', count: 1 });
  });
});

describe('rollUpPlan', () => {
  const commitment = (
    id: string,
    themeId: string | null,
    extra: Partial<CommitmentRollUpInput> = {},
  ): CommitmentRollUpInput => ({
    id,
    themeId,
    status: 'NOT_STARTED',
    rag: null,
    progressPercent: 0,
    dueDate: null,
    statusOverrideReason: null,
    ...extra,
  });
  const action = (
    commitmentId: string,
    a: RollUpItem,
    archivedAt: string | null = null,
  ): ActionRollUpInput => ({
    commitmentId,
    archivedAt,
    ...a,
  });

  const result = rollUpPlan({
    asAt: AS_AT,
    priorityIds: ['p1', 'p2', 'p3'],
    themes: [
      { id: 't1', priorityId: 'p1' },
      { id: 't2', priorityId: 'p1' },
      { id: 't3', priorityId: 'p2' },
    ],
    commitments: [
      commitment('c1', 't1'),
      commitment('c2', 't1'),
      commitment('c3', 't2', { status: 'COMPLETED', progressPercent: 100, rag: 'GREEN' }),
      commitment('c4', null, {
        crossCuttingSection: 'PARTNERS',
        status: 'ONGOING',
        progressPercent: 50,
      }),
    ],
    actions: [
      action('c1', item('IN_PROGRESS', 50, 'AMBER', '2021-09-01')),
      action('c1', item('COMPLETED', 100, 'GREEN')),
      action('c2', item('NOT_STARTED', 0, null, '2022-03-31')),
      action('c2', item('IN_PROGRESS', 90, 'RED', '2020-01-01'), '2021-07-01T10:00:00Z'),
    ],
  });

  it('rolls each commitment up from its unarchived actions', () => {
    expect(result.commitments.get('c1')).toMatchObject({
      basis: 'ACTIONS',
      progressPercent: 75,
      status: 'IN_PROGRESS',
      rag: 'AMBER',
      overdue: 1,
    });
    expect(result.commitments.get('c2')).toMatchObject({
      count: 1,
      overdue: 0,
      progressPercent: 0,
    });
  });

  it('counts commitments at theme and priority level', () => {
    expect(result.themes.get('t1')).toMatchObject({
      basis: 'COMMITMENTS',
      count: 2,
      progressPercent: 38, // (75 + 0) / 2
      overdue: 1,
      rag: 'AMBER',
    });
    expect(result.priorities.get('p1')).toMatchObject({ count: 3, progressPercent: 58 }); // (75+0+100)/3
    expect(result.priorities.get('p1')?.byStatus).toMatchObject({
      IN_PROGRESS: 1,
      NOT_STARTED: 1,
      COMPLETED: 1,
    });
  });

  it('reports empty themes and priorities zero-filled', () => {
    expect(result.themes.get('t3')).toMatchObject({ count: 0, progressPercent: null });
    expect(result.priorities.get('p3')).toMatchObject({ count: 0 });
  });

  it('counts cross-cutting commitments in their section and the plan only', () => {
    expect(result.crossCuttingSections.get('PARTNERS')).toMatchObject({
      count: 1,
      progressPercent: 50,
    });
    expect(result.plan).toMatchObject({ count: 4, progressPercent: 56 }); // (75+0+100+50)/4
    expect(result.plan.byStatus.ONGOING).toBe(1);
  });

  it('handles a realistic estate in one pass', () => {
    const commitments: CommitmentRollUpInput[] = [];
    const actions: ActionRollUpInput[] = [];
    for (let c = 0; c < 156; c++) {
      commitments.push(commitment(`c${c}`, `t${c % 29}`));
      for (let a = 0; a < 5; a++) {
        actions.push(action(`c${c}`, item(a === 0 ? 'COMPLETED' : 'IN_PROGRESS', 50)));
      }
    }
    const themes = Array.from({ length: 29 }, (_, t) => ({ id: `t${t}`, priorityId: `p${t % 6}` }));
    const plan = rollUpPlan({ asAt: AS_AT, themes, commitments, actions });
    expect(plan.plan.count).toBe(156);
    expect(plan.plan.progressPercent).toBe(60); // (100 + 4 × 50) / 5
    expect([...plan.priorities.values()].reduce((n, r) => n + r.count, 0)).toBe(156);
  });
});

describe('compareWithPlan', () => {
  it('compares actual progress with the share of the plan elapsed', () => {
    // 2025-04-20 is half way through 13 May 2021 – 31 March 2029.
    const comparison = compareWithPlan({ progressPercent: 35 }, DORSET_PLAN_PERIOD, '2025-04-20');
    expect(comparison).toMatchObject({
      expectedPercent: 50,
      actualPercent: 35,
      variance: -15,
      verdict: 'BEHIND',
      onTrack: false,
    });
  });

  it('is on track within the tolerance and ahead beyond it', () => {
    expect(compareWithPlan({ progressPercent: 40 }, DORSET_PLAN_PERIOD, '2025-04-20').verdict).toBe(
      'ON_TRACK',
    );
    expect(compareWithPlan({ progressPercent: 61 }, DORSET_PLAN_PERIOD, '2025-04-20').verdict).toBe(
      'AHEAD',
    );
    expect(
      compareWithPlan({ progressPercent: 44 }, DORSET_PLAN_PERIOD, '2025-04-20', 5).verdict,
    ).toBe('BEHIND');
  });

  it('expects nothing before the plan and everything after it', () => {
    expect(
      compareWithPlan({ progressPercent: 0 }, DORSET_PLAN_PERIOD, '2021-01-01').expectedPercent,
    ).toBe(0);
    expect(
      compareWithPlan({ progressPercent: 90 }, DORSET_PLAN_PERIOD, '2029-04-01'),
    ).toMatchObject({
      expectedPercent: 100,
      verdict: 'ON_TRACK',
    });
  });

  it('says not measured when there is no progress figure', () => {
    expect(
      compareWithPlan({ progressPercent: null }, DORSET_PLAN_PERIOD, '2025-04-20'),
    ).toMatchObject({
      verdict: 'NOT_MEASURED',
      onTrack: null,
      variance: null,
    });
  });
});
