/**
 * Units and directions of good for the measures the Dorset plan names in its table "Measuring
 * progress against the priorities". The plan names each measure but gives no unit, baseline or
 * target; these are the office's reading of each name. Measures without an obvious direction
 * (an inspectorate grade, a budget forecast) are `NEUTRAL`.
 */
import type { MeasureDirection } from '../model/vocabulary.js';
import { dorsetPlanDocument } from './plan.js';

/** How a measure is counted and which way is good. */
export interface MeasureDefinition {
  readonly unit: string;
  readonly direction: MeasureDirection;
}

const DEFINITIONS: Readonly<Record<string, MeasureDefinition>> = {
  'Total crime': { unit: 'crimes recorded', direction: 'LOWER_IS_BETTER' },
  'Total ASB incidents': { unit: 'incidents', direction: 'LOWER_IS_BETTER' },
  'Public opinion via surveys and consultations': {
    unit: '% of respondents feeling safe',
    direction: 'HIGHER_IS_BETTER',
  },
  'Number of police officers, staff and volunteers': {
    unit: 'full-time equivalent',
    direction: 'HIGHER_IS_BETTER',
  },
  'Public contact performance': {
    unit: '% of calls answered within target',
    direction: 'HIGHER_IS_BETTER',
  },
  'Number of crimes involving most serious violence': {
    unit: 'crimes recorded',
    direction: 'LOWER_IS_BETTER',
  },
  'Number of high harm crimes': { unit: 'crimes recorded', direction: 'LOWER_IS_BETTER' },
  'Assessments by policing inspectorate': { unit: 'inspection grade', direction: 'NEUTRAL' },
  'Total rural crime': { unit: 'crimes recorded', direction: 'LOWER_IS_BETTER' },
  'Resources dedicated to rural duties': {
    unit: 'full-time equivalent',
    direction: 'HIGHER_IS_BETTER',
  },
  'Victim satisfaction': { unit: '% of victims satisfied', direction: 'HIGHER_IS_BETTER' },
  'Number of victims supported': { unit: 'victims', direction: 'HIGHER_IS_BETTER' },
  'Budget forecast': { unit: '£ variance against budget', direction: 'NEUTRAL' },
  'Success in attracting money from competitive national funding pots': {
    unit: '£ secured',
    direction: 'HIGHER_IS_BETTER',
  },
};

/** One measure of a priority, as the seed loads it. */
export interface DorsetMeasure extends MeasureDefinition {
  readonly priorityNumber: number;
  readonly position: number;
  readonly name: string;
}

/**
 * Every measure of the plan's measures table, in table order, with its unit and direction.
 *
 * @throws Error when the plan names a measure this table does not define (a test guards this)
 */
export const dorsetMeasures: readonly DorsetMeasure[] = dorsetPlanDocument.measures.flatMap((row) =>
  row.measures.map((name, index) => {
    const definition = DEFINITIONS[name];
    if (!definition)
      throw new Error(`No unit or direction defined for the Dorset measure "${name}".`);
    return { priorityNumber: row.priorityNumber, position: index + 1, name, ...definition };
  }),
);
