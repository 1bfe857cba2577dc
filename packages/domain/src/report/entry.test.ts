// The report module is published as its own entry point, `@plan-tracker/domain/report`; the
// package root re-exports it for code written before the subpath existed.
import * as root from '@plan-tracker/domain';
import * as report from '@plan-tracker/domain/report';
import { describe, expect, it } from 'vitest';

describe('@plan-tracker/domain/report', () => {
  it('exports the report builders, renderers and open data', () => {
    expect(typeof report.buildMonitoringReport).toBe('function');
    expect(typeof report.renderReport).toBe('function');
    expect(typeof report.buildOpenData).toBe('function');
    expect(Object.keys(report.REPORT_FORMATS)).toEqual(['html', 'md', 'csv', 'json']);
  });

  it('is the same module the root re-exports, binding for binding', () => {
    const rootExports = new Map(Object.entries(root));
    for (const [name, value] of Object.entries(report)) {
      expect(rootExports.get(name), name).toBe(value);
    }
  });
});
