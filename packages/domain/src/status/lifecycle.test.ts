import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../model/vocabulary.js';
import {
  allowedTransitions,
  assertTransition,
  checkTransition,
  isClosedStatus,
  lifecycleStatusLabel,
  StatusTransitionError,
} from './lifecycle.js';

const S = LIFECYCLE_STATUSES;
const everyOtherStatus = (from: LifecycleStatus) => S.filter((s) => s !== from);

describe('checkTransition', () => {
  it.each([
    ['NOT_STARTED', ['IN_PROGRESS', 'ONGOING', 'COMPLETED', 'DEFERRED', 'WITHDRAWN']],
    ['IN_PROGRESS', ['ONGOING', 'COMPLETED', 'DEFERRED', 'WITHDRAWN']],
    ['ONGOING', ['IN_PROGRESS', 'COMPLETED', 'DEFERRED', 'WITHDRAWN']],
    ['DEFERRED', ['NOT_STARTED', 'IN_PROGRESS', 'ONGOING', 'WITHDRAWN']],
  ] as const)('from %s allows exactly %j without a reason', (from, allowed) => {
    for (const to of everyOtherStatus(from)) {
      const result = checkTransition(from, to);
      expect(result.ok, `${from} → ${to}`).toBe((allowed as readonly string[]).includes(to));
    }
  });

  it('treats keeping the same status as no change', () => {
    for (const s of S) expect(checkTransition(s, s)).toMatchObject({ ok: true, changed: false });
  });

  it('refuses going back to not started once work began', () => {
    const result = checkTransition('IN_PROGRESS', 'NOT_STARTED');
    expect(result).toMatchObject({ ok: false, code: 'STATUS_TRANSITION_FORBIDDEN' });
    if (!result.ok) {
      expect(result.allowed).toEqual(['ONGOING', 'COMPLETED', 'DEFERRED', 'WITHDRAWN']);
      expect(result.message).toBe(
        'The status cannot change from In progress to Not started. From In progress choose Ongoing, Completed, Deferred or Withdrawn.',
      );
    }
  });

  it('refuses deferred straight to completed', () => {
    expect(checkTransition('DEFERRED', 'COMPLETED')).toMatchObject({
      ok: false,
      code: 'STATUS_TRANSITION_FORBIDDEN',
    });
  });

  it('reopens completed work only to in progress, and only with a reason', () => {
    expect(checkTransition('COMPLETED', 'IN_PROGRESS')).toMatchObject({
      ok: false,
      code: 'STATUS_REASON_REQUIRED',
    });
    expect(checkTransition('COMPLETED', 'IN_PROGRESS', { reason: '   ' })).toMatchObject({
      ok: false,
      code: 'STATUS_REASON_REQUIRED',
    });
    expect(
      checkTransition('COMPLETED', 'IN_PROGRESS', { reason: 'Panel asked for a second phase' }),
    ).toMatchObject({ ok: true, changed: true, reasonRequired: true });
    for (const to of ['NOT_STARTED', 'ONGOING', 'DEFERRED', 'WITHDRAWN'] as const) {
      expect(checkTransition('COMPLETED', to, { reason: 'x' })).toMatchObject({
        ok: false,
        code: 'STATUS_TRANSITION_FORBIDDEN',
      });
    }
  });

  it('leaves withdrawn for any status, but only with a reason', () => {
    for (const to of everyOtherStatus('WITHDRAWN')) {
      expect(checkTransition('WITHDRAWN', to)).toMatchObject({ code: 'STATUS_REASON_REQUIRED' });
      expect(
        checkTransition('WITHDRAWN', to, { reason: 'Reinstated in the 2024 refresh' }).ok,
      ).toBe(true);
    }
  });
});

describe('assertTransition', () => {
  it('passes silently when allowed', () => {
    expect(() => assertTransition('NOT_STARTED', 'IN_PROGRESS')).not.toThrow();
  });

  it('throws a StatusTransitionError with a stable code, the statuses and advice', () => {
    try {
      assertTransition('WITHDRAWN', 'IN_PROGRESS', { reason: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StatusTransitionError);
      expect(error).toBeInstanceOf(DomainError);
      const e = error as StatusTransitionError;
      expect(e.code).toBe('STATUS_REASON_REQUIRED');
      expect(e.from).toBe('WITHDRAWN');
      expect(e.to).toBe('IN_PROGRESS');
      expect(e.message).toBe(
        'Give a reason to bring back withdrawn work (Withdrawn to In progress).',
      );
      expect(e.details).toMatchObject({ from: 'WITHDRAWN', to: 'IN_PROGRESS' });
    }
  });

  it('throws STATUS_TRANSITION_FORBIDDEN for a pair not in the table', () => {
    expect(() => assertTransition('ONGOING', 'NOT_STARTED')).toThrowError(
      expect.objectContaining({ code: 'STATUS_TRANSITION_FORBIDDEN' }),
    );
  });
});

describe('helpers', () => {
  it('lists allowed transitions with whether a reason is needed', () => {
    expect(allowedTransitions('COMPLETED')).toEqual([{ to: 'IN_PROGRESS', reasonRequired: true }]);
    expect(allowedTransitions('DEFERRED').every((t) => !t.reasonRequired)).toBe(true);
  });

  it('treats only completed and withdrawn as closed', () => {
    expect(S.filter(isClosedStatus)).toEqual(['COMPLETED', 'WITHDRAWN']);
  });

  it('labels statuses in plain English', () => {
    expect(S.map(lifecycleStatusLabel)).toEqual([
      'Not started',
      'In progress',
      'Ongoing',
      'Completed',
      'Deferred',
      'Withdrawn',
    ]);
  });
});
