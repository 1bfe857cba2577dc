import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CommitmentSchema,
  DeliveryActionSchema,
  ProgressUpdateSchema,
  ReportingPeriodSchema,
} from './entities.js';
import {
  DeliveryActionInputSchema,
  DeliveryActionPatchSchema,
  MeasureValueInputSchema,
  MilestonePatchSchema,
  ProgressUpdateInputSchema,
  StatusChangeInputSchema,
} from './inputs.js';
import {
  CommitmentCodeSchema,
  EvidenceLinkSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PercentSchema,
  PeriodLabelSchema,
} from './primitives.js';
import { figureIssues, updateEffectiveOn } from './rules.js';

/** The paths zod reports, as `a.b` strings, for comparing in tests. */
function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('primitives', () => {
  it('IsoDate accepts only real calendar dates', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('13/05/2021').success).toBe(false);
  });

  it('IsoDateTime needs a time zone', () => {
    expect(IsoDateTimeSchema.safeParse('2021-08-24T09:30:00+01:00').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('2021-08-24T09:30:00Z').success).toBe(true);
    expect(IsoDateTimeSchema.safeParse('2021-08-24T09:30:00').success).toBe(false);
  });

  it('Percent is a whole number from 0 to 100', () => {
    expect(PercentSchema.safeParse(0).success).toBe(true);
    expect(PercentSchema.safeParse(100).success).toBe(true);
    expect(PercentSchema.safeParse(101).success).toBe(false);
    expect(PercentSchema.safeParse(-1).success).toBe(false);
    expect(PercentSchema.safeParse(50.5).success).toBe(false);
  });

  it.each([
    ['1.2.3', true],
    ['6.10.12', true],
    ['X.1.2', true],
    ['X.3.1', true],
    ['X.4.1', false],
    ['0.1.1', false],
    ['1.2', false],
    ['1.2.3.4', false],
    ['x.1.2', false],
  ])('commitment code %s valid: %s', (code, valid) => {
    expect(CommitmentCodeSchema.safeParse(code).success).toBe(valid);
  });

  it('period labels need the following year and a quarter 1–4', () => {
    expect(PeriodLabelSchema.safeParse('2021/22 Q2').success).toBe(true);
    expect(PeriodLabelSchema.safeParse('2021/23 Q2').success).toBe(false);
    expect(PeriodLabelSchema.safeParse('2021/22 Q5').success).toBe(false);
  });

  it('evidence links must be http or https', () => {
    const link = (url: string) => EvidenceLinkSchema.safeParse({ title: 'Report', url }).success;
    expect(link('https://www.dorset.pcc.police.uk/report.pdf')).toBe(true);
    expect(link('http://example.org')).toBe(true);
    expect(link('javascript:alert(1)')).toBe(false);
    expect(link('ftp://example.org/file')).toBe(false);
    expect(EvidenceLinkSchema.safeParse({ title: '  ', url: 'https://x.org' }).success).toBe(false);
  });
});

const commitment = {
  id: 'c1',
  planId: 'p1',
  themeId: 't1',
  crossCuttingSection: null,
  code: '1.2.3',
  position: 3,
  text: 'I will continue to fund Operation Relentless.',
  introducedInRevisionId: 'r2021',
  withdrawnInRevisionId: null,
  status: 'IN_PROGRESS',
  rag: 'GREEN',
  owner: null,
  startDate: '2021-05-13',
  dueDate: '2022-03-31',
  progressPercent: 40,
  statusOverrideReason: null,
} as const;

describe('CommitmentSchema', () => {
  it('accepts a commitment in a theme', () => {
    expect(CommitmentSchema.parse(commitment).code).toBe('1.2.3');
  });

  it('accepts a cross-cutting commitment whose code names its section', () => {
    const cross = {
      ...commitment,
      themeId: null,
      crossCuttingSection: 'PARTNERS',
      code: 'X.3.1',
      position: 1,
    };
    expect(CommitmentSchema.safeParse(cross).success).toBe(true);
    expect(issuePaths(CommitmentSchema, { ...cross, code: 'X.1.1' })).toEqual(['code']);
    expect(issuePaths(CommitmentSchema, { ...cross, code: '1.2.1' })).toEqual(['code']);
  });

  it('needs either a theme or a section, not both', () => {
    expect(issuePaths(CommitmentSchema, { ...commitment, themeId: null })).toContain(
      'crossCuttingSection',
    );
    expect(
      issuePaths(CommitmentSchema, { ...commitment, crossCuttingSection: 'PARTNERS' }),
    ).toContain('crossCuttingSection');
  });

  it('checks the position against the code', () => {
    expect(issuePaths(CommitmentSchema, { ...commitment, position: 4 })).toEqual(['position']);
  });

  it('rejects a due date before the start date, at dueDate', () => {
    expect(issuePaths(CommitmentSchema, { ...commitment, dueDate: '2021-05-12' })).toEqual([
      'dueDate',
    ]);
  });

  it('rejects completed at less than 100%, at progressPercent', () => {
    expect(issuePaths(CommitmentSchema, { ...commitment, status: 'COMPLETED' })).toEqual([
      'progressPercent',
    ]);
    expect(
      CommitmentSchema.safeParse({ ...commitment, status: 'COMPLETED', progressPercent: 100 })
        .success,
    ).toBe(true);
  });
});

describe('DeliveryActionSchema', () => {
  const action = {
    id: 'a1',
    commitmentId: 'c1',
    title: 'Recruit rural crime officers',
    description: '',
    owner: 'Rural Crime Team',
    status: 'IN_PROGRESS',
    rag: null,
    startDate: null,
    dueDate: null,
    completedOn: null,
    progressPercent: 20,
    archivedAt: null,
  };

  it('accepts an action not yet rated', () => {
    expect(DeliveryActionSchema.parse(action).rag).toBeNull();
  });

  it('allows a completion date only on completed work', () => {
    expect(issuePaths(DeliveryActionSchema, { ...action, completedOn: '2021-09-01' })).toEqual([
      'completedOn',
    ]);
    expect(
      DeliveryActionSchema.safeParse({
        ...action,
        status: 'COMPLETED',
        progressPercent: 100,
        completedOn: '2021-09-01',
      }).success,
    ).toBe(true);
  });
});

describe('ReportingPeriodSchema', () => {
  const period = {
    label: '2021/22 Q2',
    financialYear: '2021/22',
    quarter: 2,
    startDate: '2021-07-01',
    endDate: '2021-09-30',
    closedAt: null,
  };

  it('accepts a period that agrees with its label', () => {
    expect(ReportingPeriodSchema.safeParse(period).success).toBe(true);
  });

  it('names the fields that disagree with the label', () => {
    expect(
      issuePaths(ReportingPeriodSchema, { ...period, quarter: 3, endDate: '2021-10-31' }),
    ).toEqual(['quarter', 'endDate']);
  });
});

describe('ProgressUpdateSchema', () => {
  const update = {
    id: 'u1',
    commitmentId: 'c1',
    actionId: null,
    period: '2021/22 Q2',
    recordedOn: '2021-10-15',
    author: 'OPCC Policy Officer',
    statusBefore: 'NOT_STARTED',
    statusAfter: 'IN_PROGRESS',
    ragBefore: null,
    ragAfter: 'GREEN',
    progressBefore: 0,
    progressAfter: 25,
    narrative: 'Rural crime team increased.',
    evidence: [],
  };

  it('accepts an update recorded after its period', () => {
    expect(ProgressUpdateSchema.safeParse(update).success).toBe(true);
  });

  it('rejects an update recorded before its period began', () => {
    expect(issuePaths(ProgressUpdateSchema, { ...update, recordedOn: '2021-06-30' })).toEqual([
      'recordedOn',
    ]);
  });
});

describe('StatusChangeInputSchema', () => {
  it('accepts a change of one field', () => {
    expect(StatusChangeInputSchema.parse({ rag: 'AMBER' })).toEqual({ rag: 'AMBER' });
    expect(StatusChangeInputSchema.safeParse({ owner: null }).success).toBe(true);
  });

  it('needs at least one field that changes something', () => {
    expect(issuePaths(StatusChangeInputSchema, {})).toEqual(['']);
    expect(issuePaths(StatusChangeInputSchema, { reason: 'why', note: 'a note' })).toEqual(['']);
  });

  it('reports cross-field rules at the field', () => {
    expect(
      issuePaths(StatusChangeInputSchema, { startDate: '2022-01-01', dueDate: '2021-12-31' }),
    ).toEqual(['dueDate']);
    expect(
      issuePaths(StatusChangeInputSchema, { status: 'COMPLETED', progressPercent: 90 }),
    ).toEqual(['progressPercent']);
  });

  it('rejects unknown fields and a blank reason', () => {
    expect(issuePaths(StatusChangeInputSchema, { status: 'ONGOING', colour: 'red' })).toEqual(['']);
    expect(issuePaths(StatusChangeInputSchema, { status: 'IN_PROGRESS', reason: '  ' })).toEqual([
      'reason',
    ]);
  });
});

describe('ProgressUpdateInputSchema', () => {
  const input = { period: '2021/22 Q2', recordedOn: '2021-10-01', narrative: '  Done well.  ' };

  it('trims the narrative and defaults evidence to none', () => {
    expect(ProgressUpdateInputSchema.parse(input)).toEqual({
      ...input,
      narrative: 'Done well.',
      evidence: [],
    });
  });

  it('limits the narrative to 1–5000 characters after trimming', () => {
    expect(issuePaths(ProgressUpdateInputSchema, { ...input, narrative: '   ' })).toEqual([
      'narrative',
    ]);
    expect(
      ProgressUpdateInputSchema.safeParse({ ...input, narrative: 'x'.repeat(5000) }).success,
    ).toBe(true);
    expect(
      issuePaths(ProgressUpdateInputSchema, { ...input, narrative: 'x'.repeat(5001) }),
    ).toEqual(['narrative']);
  });

  it('allows at most 20 evidence links', () => {
    const links = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ title: `Doc ${i}`, url: `https://x.org/${i}` }));
    expect(ProgressUpdateInputSchema.safeParse({ ...input, evidence: links(20) }).success).toBe(
      true,
    );
    expect(issuePaths(ProgressUpdateInputSchema, { ...input, evidence: links(21) })).toEqual([
      'evidence',
    ]);
  });

  it('rejects completed at less than 100%, at progressAfter', () => {
    expect(
      issuePaths(ProgressUpdateInputSchema, {
        ...input,
        statusAfter: 'COMPLETED',
        progressAfter: 80,
      }),
    ).toEqual(['progressAfter']);
  });
});

describe('DeliveryActionInputSchema and DeliveryActionPatchSchema', () => {
  it('applies defaults to a new action', () => {
    expect(DeliveryActionInputSchema.parse({ commitmentId: 'c1', title: 'Do it' })).toEqual({
      commitmentId: 'c1',
      title: 'Do it',
      description: '',
      owner: null,
      startDate: null,
      dueDate: null,
      status: 'NOT_STARTED',
      rag: null,
      completedOn: null,
      progressPercent: 0,
    });
  });

  it('rejects unknown fields on a new action', () => {
    expect(
      issuePaths(DeliveryActionInputSchema, { commitmentId: 'c1', title: 'x', id: 'a' }),
    ).toEqual(['']);
  });

  it('keeps status out of a patch and needs at least one field', () => {
    expect(DeliveryActionPatchSchema.safeParse({ title: 'New title' }).success).toBe(true);
    expect(DeliveryActionPatchSchema.safeParse({ status: 'COMPLETED' }).success).toBe(false);
    expect(issuePaths(DeliveryActionPatchSchema, {})).toEqual(['']);
    expect(
      issuePaths(DeliveryActionPatchSchema, { startDate: '2022-01-02', dueDate: '2022-01-01' }),
    ).toEqual(['dueDate']);
  });
});

describe('MilestonePatchSchema', () => {
  it('changes title, due date or completion, at least one, and nothing else', () => {
    expect(MilestonePatchSchema.parse({ completedOn: null })).toEqual({ completedOn: null });
    expect(MilestonePatchSchema.safeParse({ dueDate: '2022-03-31' }).success).toBe(true);
    expect(issuePaths(MilestonePatchSchema, {})).toEqual(['']);
    expect(issuePaths(MilestonePatchSchema, { title: '' })).toEqual(['title']);
    expect(issuePaths(MilestonePatchSchema, { dueDate: '2022-02-30' })).toEqual(['dueDate']);
    expect(issuePaths(MilestonePatchSchema, { actionId: 'a1', title: 'x' })).toEqual(['']);
  });
});

describe('MeasureValueInputSchema', () => {
  it('needs a finite value and a valid period', () => {
    const base = { measureId: 'm1', period: '2021/22 Q2', value: 12.5, recordedOn: '2021-10-01' };
    expect(MeasureValueInputSchema.parse(base).note).toBeNull();
    expect(issuePaths(MeasureValueInputSchema, { ...base, value: Number.NaN })).toEqual(['value']);
    expect(issuePaths(MeasureValueInputSchema, { ...base, period: '2021 Q2' })).toEqual(['period']);
  });
});

describe('figureIssues', () => {
  it('checks a merged record the same way as an input', () => {
    expect(figureIssues({ status: 'COMPLETED', progressPercent: 99 })).toHaveLength(1);
    expect(figureIssues({ status: 'COMPLETED' })).toEqual([]);
    expect(
      figureIssues({ status: 'COMPLETED', progressPercent: 100, startDate: '2021-01-01' }),
    ).toEqual([]);
  });
});

describe('when an update’s figures hold', () => {
  it('is the day it was recorded, or its quarter’s end when recorded after the quarter', () => {
    expect(updateEffectiveOn('2021/22 Q2', '2021-08-15')).toBe('2021-08-15');
    expect(updateEffectiveOn('2021/22 Q2', '2021-09-30')).toBe('2021-09-30');
    expect(updateEffectiveOn('2021/22 Q2', '2021-10-12')).toBe('2021-09-30');
    expect(updateEffectiveOn('2021/22 Q4', '2022-04-20')).toBe('2022-03-31');
  });
});
