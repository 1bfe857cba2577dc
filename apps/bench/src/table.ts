// The results as a Markdown table (readable on a terminal, pasteable into a README).
import type { ScenarioResult } from './drive.js';

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function size(bytes: number): string {
  if (bytes >= 1_000_000) return `${number(bytes / 1_000_000, 1)} MB`;
  if (bytes >= 1_000) return `${number(bytes / 1_000, 1)} kB`;
  return `${bytes} B`;
}

export function resultTable(results: readonly ScenarioResult[]): string {
  const header = [
    'scenario',
    'served by',
    'requests/s',
    'done',
    'p50 ms',
    'p99 ms',
    'SQL statements/request',
    'errors / non-2xx',
    'response',
    'notes',
  ];
  const rows = results.map((r) => [
    r.name,
    r.server === 'api' ? 'GraphQL API' : 'baseline (1 SQL query, node:http)',
    number(r.requestsPerSecond, 1),
    number(r.completed),
    r.completed > 0 ? number(r.p50) : '–',
    r.completed > 0 ? number(r.p99) : '–',
    number(r.statementsPerRequest, r.statementsPerRequest % 1 === 0 ? 0 : 1),
    `${r.errors} / ${r.non2xx}`,
    size(r.responseBytes),
    [
      r.completed === 0
        ? 'no request finished in the measured time: raise --duration or lower --connections'
        : '',
      r.note,
      ...r.problems,
    ]
      .filter(Boolean)
      .join('; '),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
