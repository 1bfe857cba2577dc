/**
 * The report as one self-contained, accessible HTML page in the plain GOV.UK style: no script,
 * no external files, styles inline, charts as SVG with their data in tables beside them.
 */
import { LIFECYCLE_STATUSES, type LifecycleStatus, type Rag } from '../model/vocabulary.js';
import { RAG_KEYS } from '../status/rag.js';
import { progressChart, ragDistributionChart, statusTimelineChart } from './charts.js';
import {
  CROSS_CUTTING_HEADING,
  changeArrow,
  changeText,
  DIRECTION_OF_TRAVEL_LABELS,
  EXCEPTION_REASON_LABELS,
  formatReportDate,
  MEASURE_DIRECTION_LABELS,
  measureValueText,
  PANEL_ACTION_STATUS_LABELS,
  PROGRESS_VERDICT_LABELS,
  percentText,
  pointsText,
  priorityHeading,
  ragText,
  reportStateSentence,
  reportTitle,
  statusText,
} from './format.js';
import { type HtmlValue, html, type SafeHtml } from './html-template.js';
import type {
  MonitoringReport,
  ReportChange,
  ReportCommitment,
  ReportException,
  ReportHeadline,
  ReportMeasureLine,
  ReportProgress,
  ReportRollUp,
} from './model.js';

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Arial,sans-serif;font-size:1rem;line-height:1.4;color:#0b0c0c;background:#fff}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#4c2c92}
a:hover{color:#003078}
a:focus{outline:3px solid transparent;color:#0b0c0c;background-color:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.skip-link{position:absolute;left:-9999px;top:0;padding:10px 15px;background:#fd0;color:#0b0c0c}
.skip-link:focus{left:0;z-index:1}
.masthead{background:#0b0c0c;color:#fff;padding:10px 20px;border-bottom:10px solid #1d70b8}
.masthead p{margin:0;font-weight:700;font-size:1.1rem}
main{display:block;max-width:1100px;margin:0 auto;padding:20px}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.1;margin:20px 0 15px}
h2{font-size:1.5rem;margin:40px 0 15px;padding-top:10px;border-top:2px solid #b1b4b6}
h3{font-size:1.2rem;margin:30px 0 10px}
.lede{font-size:1.2rem;margin-top:0}
.report-state{border-left:10px solid #1d70b8;padding:.5rem 1rem;margin:1rem 0;font-weight:700}
.report-state.draft{border-color:#f47738}
.vision{font-style:italic}
.summary{margin:0 0 20px;border-top:1px solid #b1b4b6}
.summary div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:8px 0}
.summary dt{font-weight:700;flex:0 0 35%;padding-right:20px}
.summary dd{margin:0;flex:1 1 60%}
table{border-collapse:collapse;width:100%;margin:0 0 25px}
caption{text-align:left;font-weight:700;font-size:1.05rem;padding-bottom:8px}
th,td{text-align:left;vertical-align:top;padding:8px 10px 8px 0;border-bottom:1px solid #b1b4b6}
thead th{border-bottom:2px solid #0b0c0c}
td.num,th.num{text-align:right}
.tag{display:inline-block;padding:2px 8px;font-weight:700;border:1px solid currentColor;white-space:nowrap}
.tag-green{color:#005a30;background:#cce2d8}
.tag-amber{color:#594d00;background:#fff7bf}
.tag-red{color:#942514;background:#f6d7d2}
.tag-grey{color:#383f43;background:#eeefef}
.tag-blue{color:#144e81;background:#d2e2f1}
.tag-turquoise{color:#10403c;background:#bfe3e0}
.tag-orange{color:#6e3619;background:#fcd6c3}
.headlines{list-style:none;padding:0;margin:0 0 20px}
.headlines li{border-left:5px solid #1d70b8;padding:5px 0 5px 15px;margin-bottom:15px}
.meta{color:#505a5f;font-size:.95rem;margin:4px 0}
.narrative{white-space:pre-line;margin:4px 0}
figure{margin:0 0 15px}
figcaption{color:#505a5f;margin-top:5px}
.chart{max-width:720px;height:auto;display:block}
.empty{color:#505a5f}
footer{max-width:1100px;margin:40px auto 0;padding:20px;border-top:1px solid #b1b4b6;color:#505a5f}
@media print{
  body{font-size:10.5pt}
  .skip-link,nav.contents{display:none}
  .masthead{background:none;color:#0b0c0c;border-bottom:2px solid #0b0c0c;padding:0 0 5px}
  main{max-width:none;padding:0}
  h2{border-top:none}
  main>section{break-before:page}
  main>section:first-of-type{break-before:auto}
  h2,h3,caption{break-after:avoid}
  tr,figure,.headlines li{break-inside:avoid}
  a{color:#0b0c0c}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:90%}
  .tag{background:none !important;color:#0b0c0c !important}
}
`;

const RAG_TAG: Readonly<Record<Rag, string>> = { GREEN: 'green', AMBER: 'amber', RED: 'red' };
const STATUS_TAG: Readonly<Record<LifecycleStatus, string>> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  ONGOING: 'turquoise',
  COMPLETED: 'green',
  DEFERRED: 'orange',
  WITHDRAWN: 'grey',
};

function tag(text: string, colour: string): SafeHtml {
  return html`<strong class="tag tag-${colour}">${text}</strong>`;
}

function ragTag(rag: Rag | null): SafeHtml {
  return tag(ragText(rag), rag ? RAG_TAG[rag] : 'grey');
}

function statusTag(status: LifecycleStatus | null): SafeHtml {
  return status ? tag(statusText(status), STATUS_TAG[status]) : html`—`;
}

function date(value: string | null): string {
  return value === null ? '—' : formatReportDate(value);
}

interface Column {
  readonly heading: string;
  readonly numeric?: boolean;
}

/**
 * A data table: caption, column headers with scope, the first cell of each row a row header.
 */
function table(
  caption: string,
  columns: readonly Column[],
  rows: readonly HtmlValue[][],
): SafeHtml {
  const cls = (c: Column | undefined) => (c?.numeric ? html` class="num"` : '');
  return html`<table><caption>${caption}</caption><thead><tr>${columns.map(
    (c) => html`<th scope="col"${cls(c)}>${c.heading}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (cells) =>
      html`<tr>${cells.map((cell, i) =>
        i === 0
          ? html`<th scope="row"${cls(columns[i])}>${cell}</th>`
          : html`<td${cls(columns[i])}>${cell}</td>`,
      )}</tr>`,
  )}</tbody></table>`;
}

function summaryList(rows: readonly [string, HtmlValue][]): SafeHtml {
  return html`<dl class="summary">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

function empty(text: string): SafeHtml {
  return html`<p class="empty">${text}</p>`;
}

function progressSentence(progress: ReportProgress): string {
  if (progress.actualPercent === null) return 'Not measured: nothing to measure yet.';
  return `${progress.actualPercent}% against ${progress.expectedPercent}% expected (${pointsText(progress.variance)}): ${PROGRESS_VERDICT_LABELS[progress.verdict].toLowerCase()}.`;
}

function link(title: string, url: string): SafeHtml {
  // Only web links become links; anything else is shown as text.
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${title}</a>` : html`${title} (${url})`;
}

function headlinesBlock(headlines: readonly ReportHeadline[], period: string): SafeHtml {
  if (headlines.length === 0) return empty(`No updates were recorded for ${period}.`);
  return html`<ul class="headlines">${headlines.map((h) => {
    const status =
      h.statusBefore === h.statusAfter
        ? html`Status: ${statusTag(h.statusAfter)}.`
        : html`Status: ${statusText(h.statusBefore)} → ${statusTag(h.statusAfter)}.`;
    const rag =
      h.ragBefore === h.ragAfter
        ? html`RAG: ${ragTag(h.ragAfter)}.`
        : html`RAG: ${ragText(h.ragBefore)} → ${ragTag(h.ragAfter)}.`;
    const progress =
      h.progressAfter !== null && h.progressBefore !== h.progressAfter
        ? ` Progress: ${changeArrow(percentText(h.progressBefore), percentText(h.progressAfter))}.`
        : '';
    return html`<li><p><strong>${h.code}</strong> ${h.commitmentText}</p>${
      h.actionTitle ? html`<p class="meta">Delivery action: ${h.actionTitle}</p>` : ''
    }<p class="narrative">${h.narrative}</p><p class="meta">Recorded ${formatReportDate(h.recordedOn)}${h.author === null ? '' : html` by ${h.author}`}. ${status} ${rag}${progress}</p>${
      h.evidence.length > 0
        ? html`<p class="meta">Evidence: ${h.evidence.map((e, i) => html`${i > 0 ? '; ' : ''}${link(e.title, e.url)}`)}</p>`
        : ''
    }</li>`;
  })}</ul>`;
}

function noteCell(note: ReportException['latestNote']): HtmlValue {
  if (!note) return 'None recorded';
  return html`<span class="narrative">${note.narrative}</span> <span class="meta">(${formatReportDate(note.recordedOn)})</span>`;
}

function exceptionsBlock(exceptions: readonly ReportException[], heading: string): SafeHtml {
  if (exceptions.length === 0)
    return empty(
      'There are no exceptions: nothing open is rated red or amber, and nothing is overdue.',
    );
  return table(
    `Exceptions: ${heading}`,
    [
      { heading: 'Code' },
      { heading: 'Item' },
      { heading: 'Why listed' },
      { heading: 'Status' },
      { heading: 'Due' },
      { heading: 'Latest note' },
      { heading: 'Corrective action' },
    ],
    exceptions.map((e) => [
      e.code,
      html`${e.kind === 'ACTION' ? html`<span class="meta">Action:</span> ` : ''}${e.title}${
        e.owner ? html`<br><span class="meta">Owner: ${e.owner}</span>` : ''
      }`,
      html`${e.reasons.map((r, i) => html`${i > 0 ? html`<br>` : ''}${r === 'OVERDUE' ? tag(EXCEPTION_REASON_LABELS[r], 'red') : ragTag(r)}`)}`,
      statusTag(e.status),
      html`${date(e.dueDate)}${e.daysOverdue ? html`<br>${e.daysOverdue} days overdue` : ''}`,
      noteCell(e.latestNote),
      // Shown once when the latest note is the corrective action.
      e.correctiveAction === null
        ? 'None recorded this quarter'
        : e.correctiveAction === e.latestNote?.narrative
          ? 'As latest note'
          : html`<span class="narrative">${e.correctiveAction}</span>`,
    ]),
  );
}

function changesBlock(
  changes: readonly ReportChange[],
  heading: string,
  previous: string | null,
): SafeHtml {
  if (previous === null)
    return empty('This is the plan’s first quarter: there is nothing to compare with.');
  if (changes.length === 0)
    return empty(`No commitment changed status, RAG or progress since ${previous}.`);
  return table(
    `Changes since ${previous}: ${heading}`,
    [
      { heading: 'Code' },
      { heading: 'Commitment' },
      { heading: 'Status' },
      { heading: 'RAG' },
      { heading: 'Progress' },
    ],
    changes.map((c) => [
      c.code,
      c.text,
      c.status ? changeArrow(statusText(c.status.before), statusText(c.status.after)) : 'No change',
      c.rag ? changeArrow(ragText(c.rag.before), ragText(c.rag.after)) : 'No change',
      c.progress
        ? `${changeArrow(percentText(c.progress.before), percentText(c.progress.after))}${c.progress.difference === null ? '' : ` (${pointsText(c.progress.difference)})`}`
        : 'No change',
    ]),
  );
}

function measuresBlock(measures: readonly ReportMeasureLine[], heading: string): SafeHtml {
  if (measures.length === 0) return empty('No measures are reported for this priority.');
  return table(
    `Measures: ${heading}`,
    [
      { heading: 'Measure' },
      { heading: 'Latest', numeric: true },
      { heading: 'Previous', numeric: true },
      { heading: 'Change', numeric: true },
      { heading: 'Direction of travel' },
    ],
    measures.map((m) => [
      m.name,
      m.latest
        ? html`${measureValueText(m.latest.value, m.unit)}<br><span class="meta">${m.latest.period}</span>`
        : 'No data',
      m.previous
        ? html`${measureValueText(m.previous.value, m.unit)}<br><span class="meta">${m.previous.period}</span>`
        : 'No data',
      changeText(m.change),
      html`<strong>${DIRECTION_OF_TRAVEL_LABELS[m.travel]}</strong><br><span class="meta">${MEASURE_DIRECTION_LABELS[m.direction]}</span>`,
    ]),
  );
}

function commitmentsBlock(commitments: readonly ReportCommitment[], heading: string): SafeHtml {
  if (commitments.length === 0) return empty('There are no commitments in this section.');
  return table(
    `All commitments: ${heading}`,
    [
      { heading: 'Code' },
      { heading: 'Commitment' },
      { heading: 'Owner' },
      { heading: 'Status' },
      { heading: 'RAG' },
      { heading: 'Progress', numeric: true },
      { heading: 'Due' },
      { heading: 'Last update' },
    ],
    commitments.map((c) => [
      c.code,
      html`${c.text}${c.statusOverrideReason ? html`<br><span class="meta">Figures set by staff: ${c.statusOverrideReason}</span>` : ''}`,
      c.owner ?? '—',
      statusTag(c.status),
      ragTag(c.rag),
      percentText(c.progressPercent),
      html`${date(c.dueDate)}${c.overdue ? html`<br>${tag('Overdue', 'red')}` : ''}`,
      c.latestNote ? formatReportDate(c.latestNote.recordedOn) : 'None',
    ]),
  );
}

function countsBlock(rollUp: ReportRollUp, heading: string): SafeHtml {
  return html`${table(
    `Commitments by status: ${heading}`,
    [{ heading: 'Status' }, { heading: 'Commitments', numeric: true }],
    LIFECYCLE_STATUSES.map((s) => [statusText(s), rollUp.byStatus[s]]),
  )}${table(
    `Commitments by RAG rating: ${heading}`,
    [{ heading: 'RAG rating' }, { heading: 'Commitments', numeric: true }],
    RAG_KEYS.map((k) => [ragText(k === 'NONE' ? null : k), rollUp.byRag[k]]),
  )}`;
}

function sectionSummary(
  rollUp: ReportRollUp,
  progress: ReportProgress,
  exceptions: number,
): SafeHtml {
  return summaryList([
    ['Commitments', rollUp.count],
    ['Progress', progressSentence(progress)],
    ['Overall RAG', ragTag(rollUp.rag)],
    ['Overdue', rollUp.overdue],
    ['Exceptions', exceptions],
  ]);
}

interface SectionParts {
  readonly id: string;
  readonly heading: string;
  readonly intro?: SafeHtml;
  readonly rollUp: ReportRollUp;
  readonly progress: ReportProgress;
  readonly commitments: readonly ReportCommitment[];
  readonly headlines: readonly ReportHeadline[];
  readonly exceptions: readonly ReportException[];
  readonly changes: readonly ReportChange[];
  readonly measures?: readonly ReportMeasureLine[];
  readonly groups: SafeHtml;
}

function section(report: MonitoringReport, parts: SectionParts): SafeHtml {
  const { heading } = parts;
  return html`<section aria-labelledby="${parts.id}"><h2 id="${parts.id}">${heading}</h2>${parts.intro ?? ''}${sectionSummary(
    parts.rollUp,
    parts.progress,
    parts.exceptions.length,
  )}<h3>Status and RAG</h3>${countsBlock(parts.rollUp, heading)}${parts.groups}<h3>Headlines this quarter</h3>${headlinesBlock(
    parts.headlines,
    report.period.label,
  )}<h3>Exceptions</h3>${exceptionsBlock(parts.exceptions, heading)}<h3>Changes since last quarter</h3>${changesBlock(
    parts.changes,
    heading,
    report.previousPeriod,
  )}${parts.measures ? html`<h3>Measures</h3>${measuresBlock(parts.measures, heading)}` : ''}<h3>All commitments</h3>${commitmentsBlock(
    parts.commitments,
    heading,
  )}</section>`;
}

function groupsTable(
  caption: string,
  firstHeading: string,
  groups: readonly { title: string; rollUp: ReportRollUp }[],
): SafeHtml {
  if (groups.length === 0) return html``;
  return html`<h3>${firstHeading}s</h3>${table(
    caption,
    [
      { heading: firstHeading },
      { heading: 'Commitments', numeric: true },
      { heading: 'Progress', numeric: true },
      { heading: 'RAG' },
      { heading: 'Overdue', numeric: true },
    ],
    groups.map((g) => [
      g.title,
      g.rollUp.count,
      percentText(g.rollUp.progressPercent),
      ragTag(g.rollUp.rag),
      g.rollUp.overdue,
    ]),
  )}`;
}

function summarySection(report: MonitoringReport): SafeHtml {
  const { overall } = report;
  const exceptionCount =
    report.priorities.reduce((sum, p) => sum + p.exceptions.length, 0) +
    report.crossCutting.exceptions.length;
  const sectionRows = [
    ...report.priorities.map((p) => ({
      label: priorityHeading(p),
      rollUp: p.rollUp,
      progress: p.progress,
    })),
    ...(report.crossCutting.commitments.length > 0
      ? [
          {
            label: CROSS_CUTTING_HEADING,
            rollUp: report.crossCutting.rollUp,
            progress: report.crossCutting.progress,
          },
        ]
      : []),
  ];
  return html`<section aria-labelledby="summary"><h2 id="summary">Summary</h2>${summaryList([
    [
      'Plan period',
      `${formatReportDate(report.plan.periodStart)} to ${formatReportDate(report.plan.periodEnd)}`,
    ],
    [
      'Reporting period',
      `${report.period.label} (${formatReportDate(report.period.startDate)} to ${formatReportDate(report.period.endDate)}), quarter ${report.period.quarterNumber} of ${report.plan.quarterCount}`,
    ],
    ['As at', formatReportDate(report.asAt)],
    ['Plan time elapsed', `${report.expectedProgressPercent}%`],
    [
      'Expected progress',
      `${report.expectedProgressPercent}%, if delivery were steady across the plan`,
    ],
    ['Actual progress', progressSentence(overall.progress)],
    ['Overall RAG', ragTag(overall.rollUp.rag)],
    ['Commitments', overall.rollUp.count],
    ['Overdue commitments', overall.rollUp.overdue],
    ['Exceptions', exceptionCount],
  ])}<h3>Progress against time elapsed</h3><figure>${progressChart(report, 'chart-progress')}<figcaption>Bars show actual progress; the dashed line shows the ${report.expectedProgressPercent}% expected from the time elapsed. The table below gives the figures.</figcaption></figure>${table(
    `Progress against time elapsed at ${report.period.label}`,
    [
      { heading: 'Section' },
      { heading: 'Actual', numeric: true },
      { heading: 'Expected', numeric: true },
      { heading: 'Difference', numeric: true },
      { heading: 'Verdict' },
    ],
    [
      ...sectionRows,
      { label: 'Whole plan', rollUp: overall.rollUp, progress: overall.progress },
    ].map((r) => [
      r.label,
      percentText(r.progress.actualPercent),
      percentText(r.progress.expectedPercent),
      pointsText(r.progress.variance),
      PROGRESS_VERDICT_LABELS[r.progress.verdict],
    ]),
  )}<h3>RAG ratings by priority</h3><figure>${ragDistributionChart(report, 'chart-rag')}<figcaption>Commitments in each priority by RAG rating. The table below gives the figures.</figcaption></figure>${table(
    `Commitments by RAG rating at ${report.period.label}`,
    [
      { heading: 'Section' },
      ...RAG_KEYS.map((k) => ({ heading: ragText(k === 'NONE' ? null : k), numeric: true })),
      { heading: 'Total', numeric: true },
    ],
    sectionRows.map((r) => [r.label, ...RAG_KEYS.map((k) => r.rollUp.byRag[k]), r.rollUp.count]),
  )}<h3>Status quarter by quarter</h3><figure>${statusTimelineChart(report, 'chart-timeline')}<figcaption>The plan’s commitments by status at the end of each quarter from ${report.timeline[0]?.period ?? report.period.label} to ${report.period.label}. The table below gives the figures.</figcaption></figure>${table(
    'Commitments by status at the end of each quarter',
    [
      { heading: 'Quarter' },
      ...LIFECYCLE_STATUSES.map((s) => ({ heading: statusText(s), numeric: true })),
      { heading: 'Progress', numeric: true },
    ],
    report.timeline.map((q) => [
      q.period,
      ...LIFECYCLE_STATUSES.map((s) => q.byStatus[s]),
      percentText(q.progress.actualPercent),
    ]),
  )}</section>`;
}

function panelSection(report: MonitoringReport): SafeHtml {
  const { items, counts } = report.panelActions;
  const summary = (
    Object.keys(PANEL_ACTION_STATUS_LABELS) as (keyof typeof PANEL_ACTION_STATUS_LABELS)[]
  )
    .map((s) => `${counts[s]} ${PANEL_ACTION_STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
  return html`<section aria-labelledby="panel-actions"><h2 id="panel-actions">Panel actions</h2>${
    items.length === 0
      ? empty('The Panel has raised no actions.')
      : html`<p>${items.length} actions: ${summary}.</p>${table(
          'Actions raised by the Police and Crime Panel',
          [
            { heading: 'Meeting' },
            { heading: 'Priority' },
            { heading: 'Action' },
            { heading: 'Status' },
            { heading: 'Response' },
          ],
          items.map((a) => [
            html`${formatReportDate(a.meetingHeldOn)}<br><span class="meta">${a.meetingTitle}</span>${a.raisedInPeriod ? html`<br>${tag('New this quarter', 'blue')}` : ''}`,
            a.priorityNumber === null
              ? 'Whole plan'
              : `${a.priorityNumber}: ${a.priorityTitle ?? ''}`,
            a.text,
            tag(
              PANEL_ACTION_STATUS_LABELS[a.status],
              a.status === 'COMPLETED'
                ? 'green'
                : a.status === 'DROPPED'
                  ? 'grey'
                  : a.status === 'OPEN'
                    ? 'orange'
                    : 'blue',
            ),
            a.response ? html`<span class="narrative">${a.response}</span>` : 'No response yet',
          ]),
        )}`
  }</section>`;
}

/**
 * Renders the report as a complete HTML document.
 *
 * Accessible by construction: `lang="en-GB"`, a skip link to the main content, one `h1` and
 * headings in order, every table with a caption and scoped header cells, statuses and RAG
 * ratings as words (colour only repeats them), and each SVG chart an image with a title, a
 * description and its data in a visible table. Styles are inline (with a print stylesheet); there
 * is no script and nothing is fetched. Every piece of text from the report is escaped.
 *
 * @param report - from `buildMonitoringReport`
 * @returns the document, starting `<!DOCTYPE html>` and ending with a newline
 */
export function renderReportHtml(report: MonitoringReport): string {
  const title = reportTitle(report);
  const priorities = report.priorities.map((p) =>
    section(report, {
      id: `priority-${p.number}`,
      heading: priorityHeading(p),
      rollUp: p.rollUp,
      progress: p.progress,
      commitments: p.commitments,
      headlines: p.headlines,
      exceptions: p.exceptions,
      changes: p.changes,
      measures: p.measures,
      groups: groupsTable(`Themes: ${priorityHeading(p)}`, 'Theme', p.themes),
    }),
  );
  const cross = report.crossCutting;
  const crossSection =
    cross.commitments.length === 0
      ? ''
      : section(report, {
          id: 'cross-cutting',
          heading: CROSS_CUTTING_HEADING,
          intro: html`<p>Commitments outside the priorities, from the plan’s sections on national strategies, police and emergency services, and partners.</p>`,
          rollUp: cross.rollUp,
          progress: cross.progress,
          commitments: cross.commitments,
          headlines: cross.headlines,
          exceptions: cross.exceptions,
          changes: cross.changes,
          groups: groupsTable(`Sections: ${CROSS_CUTTING_HEADING}`, 'Section', cross.sections),
        });
  const contents: [string, string][] = [
    ['summary', 'Summary'],
    ...report.priorities.map((p): [string, string] => [`priority-${p.number}`, priorityHeading(p)]),
    ...(cross.commitments.length > 0
      ? [['cross-cutting', CROSS_CUTTING_HEADING] as [string, string]]
      : []),
    ['panel-actions', 'Panel actions'],
  ];
  const page = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${report.organisation.name}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="masthead"><p>${report.organisation.name}</p></header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
<p class="lede">Progress against the plan as at ${formatReportDate(report.asAt)}: quarter ${report.period.quarterNumber} of ${report.plan.quarterCount}.</p>
<p class="report-state${report.draft ? ' draft' : ''}">${reportStateSentence(report)}</p>
${report.plan.vision ? html`<p class="vision">${report.plan.vision}</p>` : ''}
<nav class="contents" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${contents.map(([id, text]) => html`<li><a href="#${id}">${text}</a></li>`)}</ol></nav>
${summarySection(report)}
${priorities}
${crossSection}
${panelSection(report)}
</main>
<footer><p>${report.organisation.name}. ${report.plan.title}, ${formatReportDate(report.plan.periodStart)} to ${formatReportDate(report.plan.periodEnd)}. Figures are as at ${formatReportDate(report.asAt)}; a commitment’s figures roll up from its delivery actions unless staff set them with a reason.</p></footer>
</body>
</html>
`;
  return page.value;
}
