/**
 * The report's charts as inline SVG: no script, no external files. Each chart is an image with a
 * title and a description that state its figures in words; the HTML renderer also shows each
 * chart's data as a table, so nothing depends on seeing the chart or telling colours apart.
 */
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../model/vocabulary.js';
import { lifecycleStatusLabel } from '../status/lifecycle.js';
import type { RagKey } from '../status/rag.js';
import { CROSS_CUTTING_HEADING, percentText, ragText } from './format.js';
import { html, SafeHtml } from './html-template.js';
import type { MonitoringReport } from './model.js';

/** A bar's label and the numbers it stacks. */
export interface ChartRow<K extends string> {
  readonly label: string;
  readonly values: Readonly<Record<K, number>>;
}

interface Series<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly fill: string;
  /** Colour of a count printed on the fill. */
  readonly ink: string;
}

/** GOV.UK palette; text colours chosen for contrast on each fill. */
const RAG_SERIES: readonly Series<RagKey>[] = [
  { key: 'GREEN', label: ragText('GREEN'), fill: '#00703c', ink: '#ffffff' },
  { key: 'AMBER', label: ragText('AMBER'), fill: '#ffdd00', ink: '#0b0c0c' },
  { key: 'RED', label: ragText('RED'), fill: '#d4351c', ink: '#ffffff' },
  { key: 'NONE', label: ragText(null), fill: '#b1b4b6', ink: '#0b0c0c' },
];

const STATUS_FILLS: Readonly<Record<LifecycleStatus, readonly [string, string]>> = {
  NOT_STARTED: ['#b1b4b6', '#0b0c0c'],
  IN_PROGRESS: ['#1d70b8', '#ffffff'],
  ONGOING: ['#28a197', '#0b0c0c'],
  COMPLETED: ['#00703c', '#ffffff'],
  DEFERRED: ['#f47738', '#0b0c0c'],
  WITHDRAWN: ['#505a5f', '#ffffff'],
};

const STATUS_SERIES: readonly Series<LifecycleStatus>[] = LIFECYCLE_STATUSES.map((key) => ({
  key,
  label: lifecycleStatusLabel(key),
  fill: STATUS_FILLS[key][0],
  ink: STATUS_FILLS[key][1],
}));

/** Rounds a coordinate so output does not depend on floating-point noise. */
function n(value: number): number {
  return Math.round(value * 100) / 100;
}

const WIDTH = 720;
const FONT = 'font-family="Arial, sans-serif" font-size="13" fill="#0b0c0c"';

function frame(id: string, height: number, title: string, desc: string, body: SafeHtml): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${n(height)}" width="100%" class="chart" focusable="false"><title id="${id}-title">${title}</title><desc id="${id}-desc">${desc}</desc>${body}</svg>`;
}

function legend<K extends string>(
  series: readonly Series<K>[],
  y: number,
  perRow: number,
): SafeHtml {
  const step = WIDTH / perRow;
  return html`${series.map((s, i) => {
    const x = (i % perRow) * step;
    const top = y + Math.floor(i / perRow) * 22;
    return html`<rect x="${n(x)}" y="${n(top)}" width="14" height="14" fill="${s.fill}" stroke="#0b0c0c" stroke-width="1"/><text x="${n(x + 20)}" y="${n(top + 12)}" ${raw(FONT)}>${s.label}</text>`;
  })}`;
}

/** Fixed attribute markup written in this file, never data. */
function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function describeRow<K extends string>(row: ChartRow<K>, series: readonly Series<K>[]): string {
  const parts = series
    .filter((s) => row.values[s.key] > 0)
    .map((s) => `${row.values[s.key]} ${s.label.toLowerCase()}`);
  return `${row.label}: ${parts.length > 0 ? parts.join(', ') : 'none'}`;
}

/**
 * Horizontal stacked bars, one per row, scaled to the largest total; counts printed on segments
 * wide enough to hold them.
 */
function horizontalStack<K extends string>(
  id: string,
  title: string,
  rows: readonly ChartRow<K>[],
  series: readonly Series<K>[],
): SafeHtml {
  const labelWidth = 170;
  const plot = WIDTH - labelWidth - 50;
  const legendRows = Math.ceil(series.length / 4);
  const top = legendRows * 22 + 12;
  const rowHeight = 30;
  const max = Math.max(1, ...rows.map((r) => series.reduce((sum, s) => sum + r.values[s.key], 0)));
  const bars = rows.map((row, i) => {
    const y = top + i * rowHeight;
    let x = labelWidth;
    const total = series.reduce((sum, s) => sum + row.values[s.key], 0);
    const segments = series.map((s) => {
      const value = row.values[s.key];
      if (value === 0) return html``;
      const width = (value / max) * plot;
      const segment = html`<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="22" fill="${s.fill}"/>${
        width >= 18
          ? html`<text x="${n(x + width / 2)}" y="${n(y + 15.5)}" text-anchor="middle" font-family="Arial, sans-serif" font-size="12" fill="${s.ink}">${value}</text>`
          : ''
      }`;
      x += width;
      return segment;
    });
    return html`<text x="0" y="${n(y + 15.5)}" ${raw(FONT)}>${row.label}</text>${segments}<text x="${n(x + 6)}" y="${n(y + 15.5)}" ${raw(FONT)}>${total}</text>`;
  });
  const height = top + rows.length * rowHeight + 4;
  const desc = `${title}. ${rows.map((r) => describeRow(r, series)).join('. ')}.`;
  return frame(id, height, title, desc, html`${legend(series, 0, 4)}${bars}`);
}

/**
 * Chart: commitments by RAG rating, one stacked bar per priority and one for the cross-cutting
 * commitments.
 *
 * @param report - the report
 * @param id - a unique id prefix for the chart's title and description
 */
export function ragDistributionChart(report: MonitoringReport, id: string): SafeHtml {
  const rows: ChartRow<RagKey>[] = [
    ...report.priorities.map((p) => ({ label: `Priority ${p.number}`, values: p.rollUp.byRag })),
    ...(report.crossCutting.commitments.length > 0
      ? [{ label: CROSS_CUTTING_HEADING, values: report.crossCutting.rollUp.byRag }]
      : []),
  ];
  return horizontalStack(
    id,
    `Commitments by RAG rating at ${report.period.label}`,
    rows,
    RAG_SERIES,
  );
}

/**
 * Chart: the plan's commitments by lifecycle status at the end of every quarter so far, one
 * stacked column per quarter.
 *
 * @param report - the report
 * @param id - a unique id prefix for the chart's title and description
 */
export function statusTimelineChart(report: MonitoringReport, id: string): SafeHtml {
  const title = `Commitments by status, quarter by quarter, to ${report.period.label}`;
  const legendHeight = Math.ceil(STATUS_SERIES.length / 3) * 22 + 16;
  const plotTop = legendHeight + 10;
  const plotHeight = 200;
  const left = 40;
  const plotWidth = WIDTH - left - 10;
  const quarters = report.timeline;
  const max = Math.max(
    1,
    ...quarters.map((q) => STATUS_SERIES.reduce((s, k) => s + q.byStatus[k.key], 0)),
  );
  const slot = plotWidth / Math.max(1, quarters.length);
  const barWidth = Math.min(40, slot * 0.7);
  const base = plotTop + plotHeight;
  const columns = quarters.map((q, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let y = base;
    const segments = STATUS_SERIES.map((s) => {
      const value = q.byStatus[s.key];
      if (value === 0) return html``;
      const height = (value / max) * plotHeight;
      y -= height;
      return html`<rect x="${n(x)}" y="${n(y)}" width="${n(barWidth)}" height="${n(height)}" fill="${s.fill}"/>`;
    });
    const [year = '', quarter = ''] = q.period.split(' ');
    const showYear = quarter === 'Q1' || i === 0;
    return html`${segments}<text x="${n(x + barWidth / 2)}" y="${n(base + 16)}" text-anchor="middle" font-family="Arial, sans-serif" font-size="11" fill="#0b0c0c">${quarter}</text>${
      showYear
        ? html`<text x="${n(x + barWidth / 2)}" y="${n(base + 31)}" text-anchor="middle" font-family="Arial, sans-serif" font-size="11" fill="#0b0c0c">${year}</text>`
        : ''
    }`;
  });
  const axis = html`<line x1="${left}" y1="${n(base)}" x2="${WIDTH - 10}" y2="${n(base)}" stroke="#0b0c0c"/><line x1="${left}" y1="${n(plotTop)}" x2="${left}" y2="${n(base)}" stroke="#0b0c0c"/><text x="${left - 6}" y="${n(plotTop + 4)}" text-anchor="end" font-family="Arial, sans-serif" font-size="11" fill="#0b0c0c">${max}</text><text x="${left - 6}" y="${n(base + 4)}" text-anchor="end" font-family="Arial, sans-serif" font-size="11" fill="#0b0c0c">0</text>`;
  const desc = `${title}. ${quarters.map((q) => describeRow({ label: q.period, values: q.byStatus }, STATUS_SERIES)).join('. ')}.`;
  return frame(id, base + 40, title, desc, html`${legend(STATUS_SERIES, 0, 3)}${axis}${columns}`);
}

/**
 * Chart: each priority's actual progress against the progress expected from the time elapsed,
 * drawn as bars on a 0–100% scale with a dashed line at the expected figure.
 *
 * @param report - the report
 * @param id - a unique id prefix for the chart's title and description
 */
export function progressChart(report: MonitoringReport, id: string): SafeHtml {
  const title = `Progress against time elapsed at ${report.period.label}`;
  const rows = [
    ...report.priorities.map((p) => ({ label: `Priority ${p.number}`, progress: p.progress })),
    ...(report.crossCutting.commitments.length > 0
      ? [{ label: CROSS_CUTTING_HEADING, progress: report.crossCutting.progress }]
      : []),
    { label: 'Whole plan', progress: report.overall.progress },
  ];
  const labelWidth = 170;
  const plot = WIDTH - labelWidth - 60;
  const top = 34;
  const rowHeight = 30;
  const expected = report.expectedProgressPercent;
  const ex = labelWidth + (expected / 100) * plot;
  const bottom = top + rows.length * rowHeight;
  const bars = rows.map((row, i) => {
    const y = top + i * rowHeight;
    const actual = row.progress.actualPercent;
    const width = ((actual ?? 0) / 100) * plot;
    return html`<text x="0" y="${n(y + 15.5)}" ${raw(FONT)}>${row.label}</text><rect x="${labelWidth}" y="${n(y)}" width="${n(plot)}" height="22" fill="#f3f2f1"/>${
      actual === null
        ? ''
        : html`<rect x="${labelWidth}" y="${n(y)}" width="${n(width)}" height="22" fill="#1d70b8"/>`
    }<text x="${n(labelWidth + plot + 6)}" y="${n(y + 15.5)}" ${raw(FONT)}>${percentText(actual)}</text>`;
  });
  const marker = html`<line x1="${n(ex)}" y1="${top - 6}" x2="${n(ex)}" y2="${n(bottom)}" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="5 3"/><text x="${n(ex)}" y="${top - 12}" text-anchor="middle" ${raw(FONT)}>Expected ${expected}%</text>`;
  const desc = `${title}. Expected progress ${expected}%. ${rows.map((r) => `${r.label}: ${percentText(r.progress.actualPercent)}`).join('. ')}.`;
  return frame(id, bottom + 8, title, desc, html`${bars}${marker}`);
}
