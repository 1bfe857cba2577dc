/**
 * The words and numbers every renderer shows, written once so the HTML, Markdown and CSV
 * formats say the same thing the same way. Status and RAG wording comes from the status module.
 */
import type {
  LifecycleStatus,
  MeasureDirection,
  PanelActionStatus,
  Rag,
} from '../model/vocabulary.js';
import type { ProgressVerdict } from '../rollup/index.js';
import { lifecycleStatusLabel } from '../status/lifecycle.js';
import { ragLabel } from '../status/rag.js';
import { parseIsoDate } from '../timeline/calendar.js';
import type { DirectionOfTravel, ExceptionReason, MonitoringReport } from './model.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date as people read it in the UK, e.g. `30 September 2021`; independent of locale data.
 *
 * @param date - a `YYYY-MM-DD` date
 */
export function formatReportDate(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A RAG rating's colour word, for people who speak of "reds" and "ambers". */
const RAG_COLOURS: Readonly<Record<Rag, string>> = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red' };

/**
 * A RAG rating as text, colour and meaning together, so it never relies on colour alone:
 * `Red – off track`, `Not yet rated`.
 *
 * @param rag - the rating or `null`
 */
export function ragText(rag: Rag | null): string {
  return rag ? `${RAG_COLOURS[rag]} – ${ragLabel(rag).toLowerCase()}` : ragLabel(rag);
}

/**
 * A lifecycle status as text, or `—` when there is none.
 *
 * @param status - the status or `null`
 */
export function statusText(status: LifecycleStatus | null): string {
  return status ? lifecycleStatusLabel(status) : '—';
}

/**
 * A per cent, or `—` when not measured.
 *
 * @param value - whole per cent or `null`
 */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/**
 * A difference in percentage points with its sign, e.g. `+5 points`, `−12 points`.
 *
 * @param value - points or `null`
 */
export function pointsText(value: number | null): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const size = Math.abs(value);
  return `${sign}${size} ${size === 1 ? 'point' : 'points'}`;
}

/** Words for each progress verdict. */
export const PROGRESS_VERDICT_LABELS: Readonly<Record<ProgressVerdict, string>> = {
  AHEAD: 'Ahead of plan',
  ON_TRACK: 'In line with plan',
  BEHIND: 'Behind plan',
  NOT_MEASURED: 'Not measured',
};

/** Words for each direction of travel. */
export const DIRECTION_OF_TRAVEL_LABELS: Readonly<Record<DirectionOfTravel, string>> = {
  IMPROVING: 'Improving',
  WORSENING: 'Worsening',
  STEADY: 'Steady',
  NO_DATA: 'No data',
};

/** Words for each direction of good. */
export const MEASURE_DIRECTION_LABELS: Readonly<Record<MeasureDirection, string>> = {
  HIGHER_IS_BETTER: 'Higher is better',
  LOWER_IS_BETTER: 'Lower is better',
  NEUTRAL: 'No direction of good',
};

/** Words for each reason an item is an exception. */
export const EXCEPTION_REASON_LABELS: Readonly<Record<ExceptionReason, string>> = {
  RED: 'Off track (red)',
  AMBER: 'At risk (amber)',
  OVERDUE: 'Overdue',
};

/** Words for each Panel action status. */
export const PANEL_ACTION_STATUS_LABELS: Readonly<Record<PanelActionStatus, string>> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  DROPPED: 'Dropped',
};

/**
 * A measure's value with its unit: `42%`, `1,234 crimes`; numbers in UK style with grouping.
 *
 * @param value - the value
 * @param unit - the unit, possibly empty
 */
export function measureValueText(value: number, unit: string): string {
  const number = groupDigits(value);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/**
 * A number with thousands separators, fixed rules only (no locale data), e.g. `-1,234.5`.
 *
 * @param value - a finite number
 */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A measure's change with its sign, e.g. `+12`, `-3.5`; `—` without one.
 *
 * @param value - the change or `null`
 */
export function changeText(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${groupDigits(value)}` : groupDigits(value);
}

/**
 * The report's title, e.g. `Police & Crime Plan 2021–29: monitoring report, 2021/22 Q2`.
 *
 * @param report - the report
 */
export function reportTitle(report: MonitoringReport): string {
  return `${report.plan.title}: monitoring report, ${report.period.label}`;
}

/**
 * Whether the report is a draft or final, in a sentence for the top of every format.
 *
 * @param report - its quarter and `closedOn`
 */
export function reportStateSentence(report: Pick<MonitoringReport, 'period' | 'closedOn'>): string {
  return report.closedOn === null
    ? `Draft: ${report.period.label} is still open, so updates filed for it can change this report until an administrator closes the quarter.`
    : `Final: ${report.period.label} was closed on ${formatReportDate(report.closedOn)}; this is the report as it was stored then.`;
}

/** `Draft`, or `Final (closed 15 November 2021)`: the report's state in a table cell. */
export function reportStateLabel(report: Pick<MonitoringReport, 'closedOn'>): string {
  return report.closedOn === null ? 'Draft' : `Final (closed ${formatReportDate(report.closedOn)})`;
}

/**
 * A priority's heading, e.g. `Priority 1: Cut crime and anti-social behaviour`.
 *
 * @param priority - number and title
 */
export function priorityHeading(priority: { number: number; title: string }): string {
  return `Priority ${priority.number}: ${priority.title}`;
}

/** Heading of the cross-cutting section. */
export const CROSS_CUTTING_HEADING = 'Cross-cutting commitments';

/**
 * A change in a status, RAG or progress, e.g. `In progress → Completed`.
 *
 * @param before - text before, or `null` when it had none
 * @param after - text after, or `null` when it has none
 */
export function changeArrow(before: string | null, after: string | null): string {
  return `${before ?? 'None'} → ${after ?? 'None'}`;
}
