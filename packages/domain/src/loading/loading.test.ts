import { describe, expect, it } from 'vitest';
import { dorsetPlanDocument } from '../dorset/plan.js';
import { isPlanImportError, type PlanImportError } from '../importer/plan-import-error.js';
import type { PlanDocument } from '../importer/schema.js';
import { type CurrentPlan, diffRevision, isEmptyDiff } from './revision-diff.js';
import { readPlanSource } from './source.js';
import { PlanIdentitySchema, planLoadSummary, planStructure } from './structure.js';

const TEXT = [
  'Example Plan',
  '',
  'First Priority',
  '',
  'I will:',
  '',
  'Theme one',
  '- Do the first thing',
  '- Do the second thing',
  '- Do the third thing',
  '',
  'Theme two',
  '- Do the fourth thing',
  '',
].join('\n');

function thrown(run: () => unknown): PlanImportError {
  try {
    run();
  } catch (error) {
    if (isPlanImportError(error)) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError');
}

function current(document: PlanDocument): CurrentPlan {
  const structure = planStructure(document);
  return { ...structure, commitments: structure.commitments.map((c) => ({ ...c, id: c.code })) };
}

describe('readPlanSource', () => {
  it('reads plan text and the JSON import-plan prints alike', () => {
    const fromText = readPlanSource(TEXT);
    expect(readPlanSource(`${JSON.stringify(fromText, null, 2)}\n`)).toEqual(fromText);
    expect(fromText.priorities[0]?.themes.map((t) => t.commitments.length)).toEqual([3, 1]);
  });

  it('names the line of a JSON syntax error', () => {
    const error = thrown(() =>
      readPlanSource('{\n  "title": "x",\n  "priorities": [,]\n}', { sourceName: 'plan.json' }),
    );
    expect(error.line).toBe(3);
    expect(error.message).toMatch(
      /^plan\.json line 3: the file starts like JSON but is not valid JSON/,
    );
  });

  it('names the field of JSON that is not a plan document', () => {
    const json = JSON.stringify({ ...dorsetPlanDocument, title: '' }, null, 2);
    const error = thrown(() => readPlanSource(json));
    expect(error.code).toBe('IMPORT_INVALID_DOCUMENT');
    expect(error.message).toContain('at title,');
    expect(error.line).toBe(2);
  });
});

describe('PlanIdentitySchema', () => {
  it('refuses a period that ends before it starts, naming periodEnd', () => {
    const result = PlanIdentitySchema.safeParse({
      slug: 'p',
      title: 'P',
      periodStart: '2025-04-01',
      periodEnd: '2025-03-31',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['periodEnd']);
  });

  it('refuses a slug that is not URL-safe', () => {
    const result = PlanIdentitySchema.safeParse({
      slug: 'Wessex Plan',
      title: 'P',
      periodStart: '2025-04-01',
      periodEnd: '2029-03-31',
    });
    expect(result.error?.issues[0]?.path).toEqual(['slug']);
  });
});

describe('planLoadSummary', () => {
  it('counts what the Dorset plan creates and takes its quarters from its own period', () => {
    const identity = PlanIdentitySchema.parse({
      slug: 'dorset-2021-29',
      title: 'Police & Crime Plan 2021–29',
      periodStart: '2021-05-13',
      periodEnd: '2029-03-31',
    });
    const summary = planLoadSummary(identity, planStructure(dorsetPlanDocument));
    expect(summary).toMatchObject({
      priorities: 6,
      themes: 29,
      commitments: 156,
      revisionCode: '2021',
      measures: 18,
    });
    expect(summary.reportingPeriods).toHaveLength(32);
    expect(summary.reportingPeriods[0]).toBe('2021/22 Q1');
    expect(summary.reportingPeriods.at(-1)).toBe('2028/29 Q4');
  });

  it('follows a plan period that starts mid-year', () => {
    const identity = PlanIdentitySchema.parse({
      slug: 'x',
      title: 'X',
      periodStart: '2025-10-01',
      periodEnd: '2027-03-31',
    });
    const summary = planLoadSummary(identity, planStructure(readPlanSource(TEXT)));
    expect(summary.reportingPeriods).toEqual([
      '2025/26 Q3',
      '2025/26 Q4',
      '2026/27 Q1',
      '2026/27 Q2',
      '2026/27 Q3',
      '2026/27 Q4',
    ]);
  });
});

describe('diffRevision', () => {
  const before = readPlanSource(TEXT);

  it('finds nothing to change in the same text', () => {
    const diff = diffRevision(current(before), planStructure(before));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toBe(4);
  });

  it('tells added, withdrawn and reworded commitments apart', () => {
    const after = readPlanSource(
      TEXT.replace('- Do the third thing\n', '')
        .replace('- Do the second thing', '- Do the second thing, and do it well')
        .replace('- Do the fourth thing', '- Do the fourth thing\n- Do a fifth thing'),
    );
    const diff = diffRevision(current(before), planStructure(after));
    expect(diff.added.map((c) => [c.code, c.text])).toEqual([['1.2.2', 'Do a fifth thing']]);
    expect(diff.withdrawn.map((c) => c.code)).toEqual(['1.1.3']);
    expect(diff.reworded.map((c) => [c.code, c.before, c.after.text])).toEqual([
      ['1.1.2', 'Do the second thing', 'Do the second thing, and do it well'],
    ]);
    expect(diff.renumbered).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });

  it('keeps a commitment whose bullet moved when an earlier one was removed: renumbered', () => {
    const after = readPlanSource(TEXT.replace('- Do the first thing\n', ''));
    const diff = diffRevision(current(before), planStructure(after));
    expect(diff.withdrawn.map((c) => c.code)).toEqual(['1.1.1']);
    expect(diff.renumbered.map((c) => [c.fromCode, c.after.code])).toEqual([
      ['1.1.2', '1.1.1'],
      ['1.1.3', '1.1.2'],
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.reworded).toEqual([]);
  });

  it('matches by wording across whitespace, and reports retitled and new themes', () => {
    const after = readPlanSource(
      TEXT.replace('- Do the first thing', '-   Do  the first thing')
        .replace('Theme two', 'Theme two renamed')
        .concat('\nTheme three\n- Do a new thing\n'),
    );
    const diff = diffRevision(current(before), planStructure(after));
    expect(diff.themesRetitled.map((t) => t.after.title)).toEqual(['Theme two renamed']);
    expect(diff.themesAdded.map((t) => t.title)).toEqual(['Theme three']);
    expect(diff.added.map((c) => c.code)).toEqual(['1.3.1']);
    expect(diff.unchanged).toBe(4);
  });
});
