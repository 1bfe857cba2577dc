// The synthetic plans: the Dorset plan's shape, and history that replays to the live rows the way
// the db services' history does (so "as at" reads work on them).
import { checkTransition, figureIssues, type LifecycleStatus } from '@plan-tracker/domain';
import { describe, expect, it } from 'vitest';
import { areaOf, POLICE_FORCE_AREAS } from './areas.js';
import { type AuditRow, type Fields, generatePlan } from './generate.js';

const TODAY = '2026-11-23';
const plan = generatePlan(3, { today: TODAY });
const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function entriesOf(entityId: string): AuditRow[] {
  return plan.auditLogs.filter((entry) => entry.entityId === entityId);
}

/** Applies the entries in written order, checking each `before` against the state it changes. */
function replay(start: Fields, entries: AuditRow[]): Fields {
  const state: Fields = { ...start };
  for (const entry of entries) {
    for (const [field, value] of Object.entries(entry.before ?? {})) {
      expect(state[field], `${entry.entityId} ${field} before`).toEqual(value);
    }
    const { progressUpdateId: _id, ...after } = entry.after;
    Object.assign(state, after);
  }
  return state;
}

describe('generatePlan', () => {
  it('has the Dorset plan’s shape, one office per police force area', () => {
    expect(POLICE_FORCE_AREAS).toHaveLength(43);
    expect(new Set(POLICE_FORCE_AREAS.map((_, i) => areaOf(i).slug)).size).toBe(43);
    expect(areaOf(43).slug).toBe('avon-and-somerset-2');
    expect(plan.priorities).toHaveLength(6);
    expect(plan.themes).toHaveLength(29);
    expect(plan.commitments).toHaveLength(167);
    expect(plan.reportingPeriods).toHaveLength(32);
    expect(plan.actions.length).toBeGreaterThan(300);
    expect(plan.progressUpdates.length).toBeGreaterThan(2000);
    expect(plan.organisation.slug).toBe('bench-cheshire');
    expect(plan.plan.slug).toBe('cheshire-2021-29');
  });

  it('is the same every time for the same index, seed and day', () => {
    expect(JSON.stringify(generatePlan(3, { today: TODAY }))).toBe(JSON.stringify(plan));
    expect(generatePlan(4, { today: TODAY }).actions.length).not.toBe(plan.actions.length);
  });

  it('dates nothing after today and keeps each entity’s history in written order', () => {
    for (const entry of plan.auditLogs) expect(String(iso(entry.effectiveOn)) <= TODAY).toBe(true);
    const times = plan.auditLogs.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('replays each action’s history from its creation to the live row', () => {
    for (const action of plan.actions) {
      const [create, ...rest] = entriesOf(action.id);
      expect(create?.action).toBe('create');
      expect(create?.before).toBeNull();
      const state = replay(create?.after ?? {}, rest);
      expect(state).toEqual({
        commitmentId: action.commitmentId,
        title: action.title,
        description: action.description,
        owner: action.owner,
        status: action.status,
        rag: action.rag,
        startDate: iso(action.startDate),
        dueDate: iso(action.dueDate),
        completedOn: iso(action.completedOn),
        progressPercent: action.progressPercent,
        archivedAt: null,
      });
      expect(action.version).toBe(1 + rest.length);
      expect(
        figureIssues({
          ...action,
          startDate: iso(action.startDate),
          dueDate: iso(action.dueDate),
          completedOn: iso(action.completedOn),
        }),
      ).toEqual([]);
    }
  });

  it('replays each commitment’s own updates from the imported row to the live row', () => {
    for (const commitment of plan.commitments) {
      const entries = entriesOf(commitment.id);
      expect(entries.every((entry) => entry.action === 'progress-update')).toBe(true);
      const state = replay({ status: 'NOT_STARTED', rag: null, progressPercent: 0 }, entries);
      expect(state).toEqual({
        status: commitment.status,
        rag: commitment.rag,
        progressPercent: commitment.progressPercent,
      });
      expect(commitment.version).toBe(1 + entries.length);
    }
  });

  it('only makes status changes the services allow, with an update row behind each entry', () => {
    const updates = new Map(plan.progressUpdates.map((u) => [u.id, u]));
    for (const entry of plan.auditLogs.filter((e) => e.action === 'progress-update')) {
      const update = updates.get(String(entry.after.progressUpdateId));
      expect(update).toBeDefined();
      if (!update) continue;
      expect(checkTransition(update.statusBefore, update.statusAfter, {}).ok).toBe(true);
      expect(iso(update.recordedOn)).toBe(iso(entry.effectiveOn));
      expect(update.period).toBe(entry.period);
      expect(entry.note).toBe(update.narrative);
      const status = (entry.after.status ?? update.statusBefore) as LifecycleStatus;
      expect(status).toBe(update.statusAfter);
    }
  });

  it('completes milestones with a history entry and leaves open periods only at the end', () => {
    for (const milestone of plan.milestones) {
      const entries = entriesOf(milestone.id);
      expect(entries.map((e) => e.action)).toEqual(
        milestone.completedOn ? ['create', 'complete'] : ['create'],
      );
    }
    const open = plan.reportingPeriods.filter((p) => p.closedAt === null).map((p) => p.label);
    expect(open[0]).toBe('2026/27 Q2');
  });
});
