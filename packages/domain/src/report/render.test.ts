import { describe, expect, it } from 'vitest';
import { isReportFormat, parseReportFileName, reportFileName } from './render.js';

describe('report file names', () => {
  it('names a period for a URL and reads it back', () => {
    expect(reportFileName('2021/22 Q2', 'html')).toBe('2021-22-Q2.html');
    expect(parseReportFileName('2021-22-Q2.html')).toEqual({
      period: '2021/22 Q2',
      format: 'html',
    });
    expect(parseReportFileName('2021-22-Q5.html')).toBeNull();
    expect(parseReportFileName('../etc/passwd')).toBeNull();
  });

  it('knows its formats', () => {
    expect(['html', 'md', 'csv', 'json'].every(isReportFormat)).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
    expect(isReportFormat('toString')).toBe(false);
  });
});
