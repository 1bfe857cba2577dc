import { describe, expect, it } from 'vitest';
import { dorsetMeasures } from './measures.js';

describe('Dorset measures', () => {
  it('defines a unit and direction for all 18 measures of the plan', () => {
    expect(dorsetMeasures).toHaveLength(18);
    expect(dorsetMeasures.find((m) => m.name === 'Total crime')?.direction).toBe('LOWER_IS_BETTER');
  });
});
