import { describe, expect, it } from 'vitest';
import {
  type CheckContext,
  type CommitmentFigures,
  checkDraft,
  draftFrom,
  fieldForIssue,
  figuresFromConflict,
  theirChanges,
} from './update-form.js';

const figures: CommitmentFigures = {
  status: 'IN_PROGRESS',
  rag: 'AMBER',
  progressPercent: 40,
  owner: 'OPCC Policy Team',
  startDate: '2024-04-01',
  dueDate: '2027-03-31',
};
const context: CheckContext = {
  current: figures,
  basis: 'OWN_FIGURES',
  openPeriods: ['2026/27 Q3'],
};

describe('checking an update before it is sent', () => {
  it('sends only the figures that change, and owner and dates only when they change', () => {
    const draft = {
      ...draftFrom(figures, '2026/27 Q3'),
      rag: 'GREEN' as const,
      narrative: '  Done well. ',
    };
    const result = checkDraft(draft, context);
    expect(result).toEqual({
      ok: true,
      update: {
        period: '2026/27 Q3',
        narrative: 'Done well.',
        evidence: [],
        ragAfter: 'GREEN',
        reason: null,
        work: {},
      },
    });
    const moved = checkDraft(
      { ...draft, dueDate: { day: '30', month: '9', year: '2027' } },
      context,
    );
    expect(moved.ok && moved.update.work).toEqual({ dueDate: '2027-09-30' });
  });

  it('leaves out the owner and due date of a commitment that takes them from its actions', () => {
    const draft = {
      ...draftFrom(figures, '2026/27 Q3'),
      owner: 'Someone else',
      dueDate: { day: '31', month: '2', year: '2027' },
      startDate: { day: '1', month: '5', year: '2024' },
      narrative: 'Moved the start.',
    };
    for (const basis of ['ACTIONS', 'OVERRIDE'] as const) {
      const result = checkDraft(draft, { ...context, basis });
      expect(result.ok && result.update.work).toEqual({ startDate: '2024-05-01' });
    }
  });

  it('lists every problem in the order of the form, in plain English', () => {
    const draft = {
      ...draftFrom(figures, ''),
      status: 'NOT_STARTED' as const,
      progress: '140',
      dueDate: { day: '31', month: '2', year: '2027' },
      evidence: [{ title: 'Minutes', url: 'minutes.docx' }],
    };
    const result = checkDraft(draft, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'period',
      'status',
      'progress',
      'dueDate',
      'narrative',
      'evidence-0-url',
    ]);
    expect(result.errors[1]?.message).toContain('cannot change from In progress to Not started');
    expect(result.errors[3]?.message).toBe('The due date must be a real date');
  });

  it('asks for a reason to reopen completed work, using the domain rule', () => {
    const done: CommitmentFigures = { ...figures, status: 'COMPLETED', progressPercent: 100 };
    const draft = {
      ...draftFrom(done, '2026/27 Q3'),
      status: 'IN_PROGRESS' as const,
      narrative: 'More to do.',
    };
    const result = checkDraft(draft, { ...context, current: done });
    expect(!result.ok && result.errors).toEqual([
      {
        field: 'reason',
        message: 'Enter why the status is changing from Completed to In progress',
      },
    ]);
    const withReason = checkDraft(
      { ...draft, reason: 'The Panel asked for more' },
      { ...context, current: done },
    );
    expect(withReason.ok && withReason.update.reason).toBe('The Panel asked for more');
  });

  it('asks for a reason to set figures by hand over the delivery actions', () => {
    const draft = {
      ...draftFrom(figures, '2026/27 Q3'),
      progress: '55',
      narrative: 'Ahead of the actions.',
    };
    const result = checkDraft(draft, { ...context, basis: 'ACTIONS' });
    expect(!result.ok && result.errors[0]?.field).toBe('reason');
    // Once staff have set them with a reason, that reason stands (the domain's override rule).
    expect(checkDraft(draft, { ...context, basis: 'OVERRIDE' }).ok).toBe(true);
  });

  it('refuses a closed period', () => {
    const result = checkDraft({ ...draftFrom(figures, '2021/22 Q2'), narrative: 'Late.' }, context);
    expect(!result.ok && result.errors[0]?.message).toBe(
      '2021/22 Q2 is closed: select an open reporting period',
    );
  });
});

describe('answers from the API', () => {
  it('maps field issues to form fields', () => {
    expect(fieldForIssue(['input', 'evidence', '2', 'url'])).toBe('evidence-2-url');
    expect(fieldForIssue(['input', 'narrative'])).toBe('narrative');
    expect(fieldForIssue(['reason'])).toBe('reason');
    expect(fieldForIssue([])).toBe('narrative');
  });

  it('says what someone else changed, from the conflict', () => {
    const now = figuresFromConflict(
      { ...figures, rag: 'RED', progressPercent: 45, dueDate: '2027-06-30' },
      figures,
    );
    expect(theirChanges(figures, now)).toEqual([
      { label: 'Rating', before: 'At risk', after: 'Off track' },
      { label: 'Progress', before: '40%', after: '45%' },
      { label: 'Due date', before: '31 March 2027', after: '30 June 2027' },
    ]);
  });
});
