import { describe, expect, it } from 'vitest';
import {
  checkFigureOverride,
  commitmentFigureBasis,
  commitmentWork,
  figuresNeedReason,
  latestNoteOf,
  leadOwner,
  soonestOpenDueDate,
} from './commitment.js';

const action = (owner: string | null, dueDate: string | null, status = 'IN_PROGRESS') =>
  ({ owner, dueDate, status }) as const as Parameters<typeof leadOwner>[0][number];

describe('where a commitment’s figures come from', () => {
  it('is its actions, unless staff set them with a reason, or its own without actions', () => {
    expect(commitmentFigureBasis({ statusOverrideReason: null }, 2)).toBe('ACTIONS');
    expect(commitmentFigureBasis({ statusOverrideReason: '  ' }, 2)).toBe('ACTIONS');
    expect(commitmentFigureBasis({ statusOverrideReason: 'Force data' }, 2)).toBe('OVERRIDE');
    expect(commitmentFigureBasis({ statusOverrideReason: null }, 0)).toBe('OWN_FIGURES');
    expect(figuresNeedReason('ACTIONS')).toBe(true);
    expect(figuresNeedReason('OVERRIDE')).toBe(false);
  });

  it('asks for a reason to set figures over the actions, and keeps one once given', () => {
    const refused = checkFigureOverride({ statusOverrideReason: null }, 3, { figuresChange: true });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.message).toMatch(/3 delivery actions/);
    expect(
      checkFigureOverride({ statusOverrideReason: null }, 3, {
        figuresChange: true,
        reason: ' Board decision ',
      }),
    ).toEqual({ ok: true, statusOverrideReason: 'Board decision' });
    expect(
      checkFigureOverride({ statusOverrideReason: 'Earlier' }, 3, { figuresChange: true }),
    ).toEqual({ ok: true, statusOverrideReason: 'Earlier' });
    expect(checkFigureOverride({ statusOverrideReason: null }, 0, { figuresChange: true })).toEqual(
      { ok: true, statusOverrideReason: null },
    );
    expect(
      checkFigureOverride({ statusOverrideReason: null }, 3, { figuresChange: false }),
    ).toEqual({ ok: true, statusOverrideReason: null });
  });
});

describe('what a commitment takes from its actions', () => {
  it('is due on the soonest due date of its open actions', () => {
    expect(
      soonestOpenDueDate([
        action('A', '2022-03-31'),
        action('B', '2021-12-31', 'COMPLETED'),
        action('C', '2022-01-31', 'NOT_STARTED'),
        action('D', null),
      ]),
    ).toBe('2022-01-31');
    expect(soonestOpenDueDate([action('A', '2021-12-31', 'WITHDRAWN')])).toBeNull();
  });

  it('is led by the owner of most open actions; ties go to the one due soonest', () => {
    expect(
      leadOwner([
        action('Force', '2022-06-30'),
        action('OPCC', '2022-01-31'),
        action('force ', '2022-09-30'),
        action('OPCC', '2021-01-01', 'COMPLETED'),
      ]),
    ).toBe('Force');
    expect(leadOwner([action('Force', '2022-06-30'), action('OPCC', '2022-01-31')])).toBe('OPCC');
    expect(leadOwner([action('Force', null), action('OPCC', null)])).toBe('Force');
    // No open action names an owner: all of them count.
    expect(leadOwner([action('Council', null, 'COMPLETED'), action(null, null)])).toBe('Council');
    expect(leadOwner([action(null, null)])).toBeNull();
  });

  it('keeps its own owner and due date while it has no actions', () => {
    expect(commitmentWork({ owner: 'OPCC', dueDate: '2023-03-31' }, [])).toEqual({
      owner: 'OPCC',
      dueDate: '2023-03-31',
    });
    expect(
      commitmentWork({ owner: 'OPCC', dueDate: '2023-03-31' }, [action('Force', '2022-01-31')]),
    ).toEqual({ owner: 'Force', dueDate: '2022-01-31' });
  });
});

describe('a commitment’s latest note', () => {
  const note = (recordedOn: string, narrative: string) => ({ recordedOn, narrative });

  it('is the latest of its own and its actions’ notes, its own winning a tie', () => {
    expect(
      latestNoteOf([null, note('2021-09-30', 'action a'), note('2021-10-12', 'action b')]),
    ).toEqual(note('2021-10-12', 'action b'));
    expect(latestNoteOf([note('2021-10-12', 'own'), note('2021-10-12', 'action')])).toEqual(
      note('2021-10-12', 'own'),
    );
    expect(latestNoteOf([note('2021-11-01', 'own'), note('2021-10-12', 'action')])).toEqual(
      note('2021-11-01', 'own'),
    );
    expect(latestNoteOf([null, undefined])).toBeNull();
  });
});
