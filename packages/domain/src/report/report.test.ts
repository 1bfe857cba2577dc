import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import type { LifecycleStatus, Rag } from '../model/vocabulary.js';
import { buildMonitoringReport } from './build.js';
import {
  type ReportActionState,
  type ReportCommitmentState,
  type ReportInput,
  ReportInputError,
  type ReportState,
} from './input.js';
import { directionOfTravel } from './measures.js';
import { MonitoringReportSchema, monitoringReportJsonSchema } from './model.js';
import { compareCommitmentCodes } from './order.js';
import { REPORT_CSV_COLUMNS, renderReportCsv } from './render-csv.js';
import { renderReportHtml } from './render-html.js';
import { renderReportJson } from './render-json.js';
import { escapeMarkdown, renderReportMarkdown } from './render-markdown.js';

// A small plan: two priorities, three themes, two cross-cutting commitments, reported at
// 2021/22 Q3 with states for Q1, Q2 and Q3.

const SCRIPT = '<script>alert("owned")</script>';

interface Figures {
  status: LifecycleStatus;
  rag: Rag | null;
  progressPercent: number;
}

function commitment(
  id: string,
  code: string,
  themeId: string | null,
  figures: Figures,
  extra: Partial<ReportCommitmentState> = {},
): ReportCommitmentState {
  return {
    id,
    code,
    themeId,
    crossCuttingSection: null,
    text: `Commitment ${code}`,
    owner: 'OPCC Policy Team',
    dueDate: null,
    statusOverrideReason: null,
    latestNote: null,
    ...figures,
    ...extra,
  };
}

function action(
  id: string,
  commitmentId: string,
  figures: Figures,
  dueDate: string | null,
  extra: Partial<ReportActionState> = {},
): ReportActionState {
  return {
    id,
    commitmentId,
    title: `Action ${id}`,
    owner: 'Dorset Police',
    dueDate,
    archivedAt: null,
    ...figures,
    ...extra,
  };
}

const IP = 'IN_PROGRESS';

function stateAt(quarter: 1 | 2 | 3): ReportState {
  const ends = { 1: '2021-06-30', 2: '2021-09-30', 3: '2021-12-31' } as const;
  const q3 = quarter === 3;
  const commitments: ReportCommitmentState[] = [
    commitment(
      'c111',
      '1.1.1',
      't11',
      { status: IP, rag: null, progressPercent: 0 },
      {
        text: 'Tackle anti-social behaviour, with partners, at its "source"',
        latestNote: q3
          ? { recordedOn: '2021-12-10', narrative: 'Supplier delay;\nrecovery plan agreed' }
          : null,
      },
    ),
    commitment('c112', '1.1.2', 't11', { status: 'ONGOING', rag: 'GREEN', progressPercent: 50 }),
    commitment(
      'c121',
      '1.2.1',
      't12',
      { status: 'NOT_STARTED', rag: null, progressPercent: 0 },
      {
        dueDate: '2021-10-31',
      },
    ),
    commitment(
      'c122',
      '1.2.2',
      't12',
      q3
        ? { status: 'COMPLETED', rag: 'AMBER', progressPercent: 100 }
        : { status: IP, rag: 'AMBER', progressPercent: quarter === 1 ? 40 : 80 },
    ),
    commitment('c1210', '1.2.10', 't12', { status: 'ONGOING', rag: 'GREEN', progressPercent: 10 }),
    commitment(
      'c211',
      '2.1.1',
      't21',
      { status: IP, rag: 'AMBER', progressPercent: q3 ? 35 : 30 },
      {
        statusOverrideReason: 'Delivered by the force; the OPCC tracks the outcome',
        latestNote: { recordedOn: '2021-11-20', narrative: `Audit found gaps ${SCRIPT}` },
      },
    ),
    commitment(
      'cx11',
      'X.1.1',
      null,
      { status: 'ONGOING', rag: 'GREEN', progressPercent: 20 },
      {
        crossCuttingSection: 'NATIONAL_STRATEGIES',
      },
    ),
  ];
  if (q3) {
    commitments.push(
      commitment(
        'cx31',
        'X.3.1',
        null,
        { status: 'NOT_STARTED', rag: null, progressPercent: 0 },
        {
          crossCuttingSection: 'PARTNERS',
          text: '=HYPERLINK("http://evil.example")',
        },
      ),
    );
  }
  const actions: ReportActionState[] = [
    action(
      'a1',
      'c111',
      { status: IP, rag: 'GREEN', progressPercent: quarter === 3 ? 40 : 30 },
      '2022-03-31',
    ),
    action(
      'a2',
      'c111',
      { status: IP, rag: q3 ? 'RED' : 'AMBER', progressPercent: 10 },
      '2021-11-30',
      q3 ? { latestNote: { recordedOn: '2021-12-10', narrative: 'Supplier delay' } } : {},
    ),
    // Ignored: the commitment's figures are set by staff.
    action('a3', 'c211', { status: IP, rag: 'GREEN', progressPercent: 90 }, '2022-03-31'),
    // Archived: left out everywhere, even though it is red and overdue.
    action('a4', 'c112', { status: IP, rag: 'RED', progressPercent: 0 }, '2021-07-01', {
      archivedAt: '2021-08-01T09:00:00+01:00',
    }),
  ];
  return { period: `2021/22 Q${quarter}`, asAt: ends[quarter], commitments, actions };
}

function fixture(): ReportInput {
  return {
    organisation: { name: 'Office of the Police and Crime Commissioner for Dorset' },
    plan: {
      slug: 'dorset-2021-29',
      title: 'Police & Crime Plan 2021–29',
      vision: 'Make Dorset the safest county',
      periodStart: '2021-05-13',
      periodEnd: '2029-03-31',
    },
    period: '2021/22 Q3',
    priorities: [
      {
        number: 1,
        title: 'Cut crime and anti-social behaviour',
        themes: [
          { id: 't11', title: 'Anti-social behaviour' },
          { id: 't12', title: 'Road safety' },
        ],
      },
      {
        number: 2,
        title: 'Make policing more visible and connected',
        themes: [{ id: 't21', title: 'Neighbourhood policing' }],
      },
    ],
    states: [stateAt(1), stateAt(2), stateAt(3)],
    updates: [
      {
        id: 'u1',
        commitmentId: 'c111',
        actionId: 'a2',
        period: '2021/22 Q3',
        recordedOn: '2021-12-10',
        author: 'Force lead for ASB',
        statusBefore: IP,
        statusAfter: IP,
        ragBefore: 'AMBER',
        ragAfter: 'RED',
        narrative: 'Supplier delay; recovery plan agreed',
        evidence: [{ title: 'Recovery plan', url: 'https://example.org/recovery?a=1&b=2' }],
      },
      {
        id: 'u2',
        commitmentId: 'c111',
        actionId: null,
        period: '2021/22 Q3',
        recordedOn: '2021-11-02',
        author: 'OPCC Policy Team',
        statusBefore: IP,
        statusAfter: IP,
        ragBefore: 'AMBER',
        ragAfter: 'AMBER',
        narrative: 'Operation Relentless launched with a community fund.',
        evidence: [],
      },
      {
        id: 'u3',
        commitmentId: 'c211',
        actionId: null,
        period: '2021/22 Q3',
        recordedOn: '2021-11-20',
        author: 'OPCC <Performance> & Scrutiny',
        statusBefore: IP,
        statusAfter: IP,
        ragBefore: 'AMBER',
        ragAfter: 'AMBER',
        progressBefore: 30,
        progressAfter: 35,
        narrative: `Audit found gaps ${SCRIPT}`,
        evidence: [],
      },
      {
        id: 'u4',
        commitmentId: 'cx11',
        actionId: null,
        period: '2021/22 Q3',
        recordedOn: '2021-10-15',
        author: 'Chief Executive',
        statusBefore: 'ONGOING',
        statusAfter: 'ONGOING',
        ragBefore: 'GREEN',
        ragAfter: 'GREEN',
        narrative: 'Addiction | substance misuse portfolio taken on nationally.',
        evidence: [],
      },
    ],
    measures: [
      {
        priorityNumber: 1,
        name: 'Total crime',
        unit: 'crimes',
        direction: 'LOWER_IS_BETTER',
        values: [
          { period: '2021/22 Q3', value: 11000 },
          { period: '2021/22 Q1', value: 10000 },
          { period: '2021/22 Q2', value: 12000 },
          // After the report period: ignored.
          { period: '2022/23 Q1', value: 99999 },
        ],
      },
      {
        priorityNumber: 1,
        name: 'Victim satisfaction',
        unit: '%',
        direction: 'HIGHER_IS_BETTER',
        values: [
          { period: '2021/22 Q2', value: 80 },
          { period: '2021/22 Q3', value: 75.5 },
        ],
      },
      {
        priorityNumber: 2,
        name: 'Neighbourhood contacts',
        unit: '',
        direction: 'NEUTRAL',
        values: [{ period: '2021/22 Q3', value: 420 }],
      },
    ],
    panelActions: [
      {
        meetingHeldOn: '2021-11-04',
        meetingTitle: 'Police and Crime Panel',
        priorityNumber: 2,
        text: 'Add a deep dive into violence against women and girls to the forward workplan.',
        status: 'OPEN',
        response: null,
      },
      {
        meetingHeldOn: '2021-07-07',
        meetingTitle: 'Police and Crime Panel',
        priorityNumber: null,
        text: 'Report on the first 100 days.',
        status: 'COMPLETED',
        response: 'Presented on 7 July 2021.',
      },
    ],
  };
}

/** Reverses every list the builder must sort, to prove output order does not follow input order. */
function shuffled(input: ReportInput): ReportInput {
  return {
    ...input,
    states: [...input.states].reverse().map((s) => ({
      ...s,
      commitments: [...s.commitments].reverse(),
      actions: [...s.actions].reverse(),
    })),
    updates: [...input.updates].reverse(),
    panelActions: [...input.panelActions].reverse(),
  };
}

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('The CSV does not end with CRLF.');
  return records;
}

describe('buildMonitoringReport', () => {
  const report = buildMonitoringReport(fixture());

  it('heads the report with the period, the as-at date and the share of the plan elapsed', () => {
    expect(report.period).toEqual({
      label: '2021/22 Q3',
      startDate: '2021-10-01',
      endDate: '2021-12-31',
      quarterNumber: 3,
    });
    expect(report.asAt).toBe('2021-12-31');
    expect(report.plan.quarterCount).toBe(32);
    expect(report.previousPeriod).toBe('2021/22 Q2');
    // 233 of 2880 days, 13 May to 31 December 2021 inclusive.
    expect(report.elapsedShare).toBeCloseTo(233 / 2880, 10);
    expect(report.expectedProgressPercent).toBe(8);
    expect(report.timeline.map((q) => q.period)).toEqual([
      '2021/22 Q1',
      '2021/22 Q2',
      '2021/22 Q3',
    ]);
  });

  it('rolls commitments up from their actions unless staff set the figures', () => {
    const p1 = report.priorities[0];
    const c111 = p1?.commitments.find((c) => c.code === '1.1.1');
    expect(c111).toMatchObject({
      basis: 'ACTIONS',
      rag: 'RED',
      progressPercent: 25,
      overdue: true,
      actionCount: 2,
    });
    const c211 = report.priorities[1]?.commitments[0];
    expect(c211).toMatchObject({
      basis: 'OVERRIDE',
      rag: 'AMBER',
      progressPercent: 35,
      actionCount: 1,
    });
    expect(p1?.commitments.map((c) => c.code)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.2.1',
      '1.2.2',
      '1.2.10',
    ]);
    expect(report.overall.rollUp.count).toBe(8);
  });

  it('groups the quarter’s updates under the priority of their commitment, in code then date order', () => {
    expect(report.priorities.map((p) => p.headlines.map((h) => h.id))).toEqual([
      ['u2', 'u1'],
      ['u3'],
    ]);
    expect(report.crossCutting.headlines.map((h) => h.id)).toEqual(['u4']);
    expect(report.priorities[0]?.headlines[1]).toMatchObject({
      code: '1.1.1',
      commitmentText: 'Tackle anti-social behaviour, with partners, at its "source"',
      actionTitle: 'Action a2',
      ragBefore: 'AMBER',
      ragAfter: 'RED',
    });
  });

  it('lists as exceptions only open items rated red or amber, or overdue', () => {
    const summary = [...report.priorities, report.crossCutting].flatMap((s) =>
      s.exceptions.map((e) => [e.kind, e.id, e.reasons.join('+'), e.daysOverdue]),
    );
    expect(summary).toEqual([
      ['COMMITMENT', 'c111', 'RED+OVERDUE', 31],
      ['ACTION', 'a2', 'RED+OVERDUE', 31],
      ['COMMITMENT', 'c121', 'OVERDUE', 61],
      ['COMMITMENT', 'c211', 'AMBER', null],
    ]);
    const [c111, a2, c121, c211] = report.priorities.flatMap((p) => p.exceptions);
    expect(c111?.latestNote?.narrative).toBe('Supplier delay;\nrecovery plan agreed');
    expect(c111?.correctiveAction).toBe('Supplier delay; recovery plan agreed');
    expect(a2?.correctiveAction).toBe('Supplier delay; recovery plan agreed');
    expect(c121?.correctiveAction).toBeNull();
    expect(c211?.correctiveAction).toBe(`Audit found gaps ${SCRIPT}`);
  });

  it('lists exactly the differences since the previous quarter', () => {
    expect(report.priorities[0]?.changes).toEqual([
      {
        commitmentId: 'c111',
        code: '1.1.1',
        text: 'Tackle anti-social behaviour, with partners, at its "source"',
        status: null,
        rag: { before: 'AMBER', after: 'RED' },
        progress: { before: 20, after: 25, difference: 5 },
      },
      {
        commitmentId: 'c122',
        code: '1.2.2',
        text: 'Commitment 1.2.2',
        status: { before: 'IN_PROGRESS', after: 'COMPLETED' },
        rag: null,
        progress: { before: 80, after: 100, difference: 20 },
      },
    ]);
    expect(report.priorities[1]?.changes.map((c) => [c.code, c.status, c.rag, c.progress])).toEqual(
      [['2.1.1', null, null, { before: 30, after: 35, difference: 5 }]],
    );
    expect(report.crossCutting.changes).toEqual([
      {
        commitmentId: 'cx31',
        code: 'X.3.1',
        text: '=HYPERLINK("http://evil.example")',
        status: { before: null, after: 'NOT_STARTED' },
        rag: null,
        progress: { before: null, after: 0, difference: null },
      },
    ]);
  });

  it('has no changes in the plan’s first quarter', () => {
    const input = fixture();
    const first = buildMonitoringReport({
      ...input,
      period: '2021/22 Q1',
      states: [stateAt(1)],
      updates: [],
      panelActions: [],
    });
    expect(first.previousPeriod).toBeNull();
    expect(first.priorities.every((p) => p.changes.length === 0)).toBe(true);
  });

  it('reads each measure’s direction of travel by its direction of good', () => {
    expect(report.priorities[0]?.measures).toEqual([
      {
        name: 'Total crime',
        unit: 'crimes',
        direction: 'LOWER_IS_BETTER',
        latest: { period: '2021/22 Q3', value: 11000 },
        previous: { period: '2021/22 Q2', value: 12000 },
        change: -1000,
        travel: 'IMPROVING',
      },
      {
        name: 'Victim satisfaction',
        unit: '%',
        direction: 'HIGHER_IS_BETTER',
        latest: { period: '2021/22 Q3', value: 75.5 },
        previous: { period: '2021/22 Q2', value: 80 },
        change: -4.5,
        travel: 'WORSENING',
      },
    ]);
    expect(report.priorities[1]?.measures[0]?.travel).toBe('NO_DATA');
  });

  it('puts the cross-cutting commitments in their own section, by section', () => {
    expect(report.crossCutting.commitments.map((c) => c.code)).toEqual(['X.1.1', 'X.3.1']);
    expect(report.crossCutting.sections.map((s) => [s.section, s.title])).toEqual([
      ['NATIONAL_STRATEGIES', 'Support national policing strategies'],
      ['PARTNERS', 'Work with partners'],
    ]);
    expect(report.crossCutting.rollUp.count).toBe(2);
  });

  it('lists the Panel’s actions by meeting date with counts by status', () => {
    expect(
      report.panelActions.items.map((a) => [a.meetingHeldOn, a.raisedInPeriod, a.priorityTitle]),
    ).toEqual([
      ['2021-07-07', false, null],
      ['2021-11-04', true, 'Make policing more visible and connected'],
    ]);
    expect(report.panelActions.counts).toEqual({
      OPEN: 1,
      IN_PROGRESS: 0,
      COMPLETED: 1,
      DROPPED: 0,
    });
  });

  it('matches MonitoringReportSchema, and its JSON format parses back to it', () => {
    expect(MonitoringReportSchema.safeParse(report).success).toBe(true);
    const json = renderReportJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(MonitoringReportSchema.parse(JSON.parse(json))).toEqual(report);
    const schema = monitoringReportJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toContain('priorities');
  });

  it('gives byte-identical output in every format however the input lists are ordered', () => {
    const again = buildMonitoringReport(shuffled(fixture()));
    expect(again).toEqual(report);
    for (const render of [
      renderReportHtml,
      renderReportMarkdown,
      renderReportCsv,
      renderReportJson,
    ]) {
      expect(render(again)).toBe(render(report));
    }
  });
});

describe('report input validation', () => {
  function errorOf(input: unknown): ReportInputError {
    try {
      buildMonitoringReport(input as ReportInput);
    } catch (error) {
      if (error instanceof ReportInputError) return error;
      throw error;
    }
    throw new Error('expected a ReportInputError');
  }

  it('names the field at fault', () => {
    const input = fixture();
    const states = input.states.map((s, i) =>
      i === 2
        ? {
            ...s,
            commitments: s.commitments.map((c, j) => (j === 0 ? { ...c, rag: 'PURPLE' } : c)),
          }
        : s,
    );
    const error = errorOf({ ...input, states });
    expect(isDomainError(error, 'REPORT_INVALID_INPUT')).toBe(true);
    expect(error.issues.map((i) => i.path)).toEqual(['states.2.commitments.0.rag']);
    expect(error.message).toContain('states.2.commitments.0.rag');
  });

  it('asks for every quarter’s state up to the report period', () => {
    const input = fixture();
    const error = errorOf({ ...input, states: input.states.slice(1) });
    expect(error.issues).toEqual([
      { path: 'states', message: expect.stringContaining('2021/22 Q1') },
    ]);
  });

  it('rejects a state not as at its quarter’s end, and ids that do not exist', () => {
    const input = fixture();
    const states = input.states.map((s, i) => (i === 0 ? { ...s, asAt: '2021-06-29' } : s));
    const updates = input.updates.map((u, i) => (i === 1 ? { ...u, commitmentId: 'nope' } : u));
    const error = errorOf({ ...input, states, updates });
    expect(error.issues.map((i) => i.path)).toEqual(['states.0.asAt', 'updates.1.commitmentId']);
  });

  it('rejects a report period outside the plan', () => {
    expect(errorOf({ ...fixture(), period: '2020/21 Q4' }).issues.map((i) => i.path)).toEqual([
      'period',
    ]);
  });
});

describe('directionOfTravel', () => {
  it('honours the direction of good', () => {
    expect(directionOfTravel('LOWER_IS_BETTER', 120, 110)).toBe('IMPROVING');
    expect(directionOfTravel('LOWER_IS_BETTER', 110, 120)).toBe('WORSENING');
    expect(directionOfTravel('HIGHER_IS_BETTER', 110, 120)).toBe('IMPROVING');
    expect(directionOfTravel('HIGHER_IS_BETTER', 120, 110)).toBe('WORSENING');
    expect(directionOfTravel('HIGHER_IS_BETTER', 120, 120)).toBe('STEADY');
    expect(directionOfTravel('NEUTRAL', 100, 140)).toBe('STEADY');
    expect(directionOfTravel('LOWER_IS_BETTER', null, 110)).toBe('NO_DATA');
  });
});

describe('compareCommitmentCodes', () => {
  it('orders codes numerically, with the cross-cutting ones last', () => {
    const codes = ['X.1.1', '1.2.10', '2.1.1', '1.2.2', '1.10.1', 'X.3.1', '1.2.1'];
    expect(codes.sort(compareCommitmentCodes)).toEqual([
      '1.2.1',
      '1.2.2',
      '1.2.10',
      '1.10.1',
      '2.1.1',
      'X.1.1',
      'X.3.1',
    ]);
  });
});

describe('renderReportCsv', () => {
  const report = buildMonitoringReport(fixture());
  const csv = renderReportCsv(report);

  it('parses back to one row per commitment under a header, with CRLF line endings', () => {
    const records = parseCsv(csv);
    expect(records[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(records.map((r) => r[0])).toEqual([
      'Code',
      '1.1.1',
      '1.1.2',
      '1.2.1',
      '1.2.2',
      '1.2.10',
      '2.1.1',
      'X.1.1',
      'X.3.1',
    ]);
    expect(records.every((r) => r.length === REPORT_CSV_COLUMNS.length)).toBe(true);
    expect(
      csv.replace(/"[^"]*"/g, '').includes('\n') && !/[^\r]\n/.test(csv.replace(/"[^"]*"/g, '')),
    ).toBe(true);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const row = parseCsv(csv)[1];
    expect(row).toEqual([
      '1.1.1',
      'Priority 1: Cut crime and anti-social behaviour',
      'Anti-social behaviour',
      'Tackle anti-social behaviour, with partners, at its "source"',
      'In progress',
      'Red – off track',
      '25',
      'OPCC Policy Team',
      '',
      'Yes',
      '10 December 2021',
      'Supplier delay;\nrecovery plan agreed',
      'Draft',
    ]);
    expect(csv).toContain('"Tackle anti-social behaviour, with partners, at its ""source"""');
  });

  it('stops spreadsheets from running text as a formula', () => {
    const last = parseCsv(csv).at(-1);
    expect(last?.[3]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(last?.[1]).toBe('Cross-cutting: Work with partners');
  });

  it('starts with a byte order mark only when asked', () => {
    expect(csv.startsWith('Code,')).toBe(true);
    expect(renderReportCsv(report, { byteOrderMark: true }).startsWith('\uFEFFCode,')).toBe(true);
  });
});

describe('a draft and a final report', () => {
  const draft = buildMonitoringReport(fixture());
  const final = buildMonitoringReport({ ...fixture(), closedOn: '2022-01-20' });

  it('is a draft while its quarter is open, and says so in every format', () => {
    expect([draft.draft, draft.closedOn]).toEqual([true, null]);
    const sentence = `Draft: ${draft.period.label} is still open`;
    expect(renderReportHtml(draft)).toContain(sentence);
    expect(renderReportMarkdown(draft)).toContain(sentence);
    expect(parseCsv(renderReportCsv(draft))[1]?.at(-1)).toBe('Draft');
  });

  it('is final once its quarter is closed, with the day it closed', () => {
    expect([final.draft, final.closedOn]).toEqual([false, '2022-01-20']);
    const sentence = `Final: ${final.period.label} was closed on 20 January 2022`;
    expect(renderReportHtml(final)).toContain(sentence);
    expect(renderReportMarkdown(final)).toContain(sentence);
    expect(parseCsv(renderReportCsv(final))[1]?.at(-1)).toBe('Final (closed 20 January 2022)');
  });
});

describe('renderReportHtml', () => {
  const report = buildMonitoringReport(fixture());
  const page = renderReportHtml(report);

  it('escapes every piece of text from the data', () => {
    expect(page).not.toContain('<script');
    expect(page).toContain(
      'Audit found gaps &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;',
    );
    expect(page).toContain('OPCC &lt;Performance&gt; &amp; Scrutiny');
    expect(page).toContain('href="https://example.org/recovery?a=1&amp;b=2"');
  });

  it('is an accessible document: language, one h1, headings in order, a skip link', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
    expect(page).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(page).toContain('<main id="main"');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('gives every table a caption and scoped header cells', () => {
    const tables = page.match(/<table>/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(10);
    expect(page.match(/<table><caption>[^<]+<\/caption>/g)).toHaveLength(tables);
    expect(page).not.toMatch(/<th(?![^>]*scope="(?:col|row)")[\s>]/);
  });

  it('draws three charts as images with a title and a description', () => {
    const charts = [
      ...page.matchAll(/<svg [^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>(.*?)<\/svg>/gs),
    ];
    expect(charts).toHaveLength(3);
    for (const [, labelledBy = '', body = ''] of charts) {
      const [titleId, descId] = labelledBy.split(' ');
      expect(body).toContain(`<title id="${titleId}">`);
      expect(body).toContain(`<desc id="${descId}">`);
    }
    expect(page).toContain('Commitments by RAG rating at 2021/22 Q3');
    expect(page).toContain(
      'Priority 1: 2 green – on track, 1 amber – at risk, 1 red – off track, 1 not yet rated',
    );
  });

  it('shows RAG and status as words, not only colour', () => {
    expect(page).toContain('<strong class="tag tag-red">Red – off track</strong>');
    expect(page).toContain('<strong class="tag tag-blue">In progress</strong>');
  });
});

describe('renderReportMarkdown', () => {
  const markdown = renderReportMarkdown(buildMonitoringReport(fixture()));

  it('has one title, a section per priority, and escaped table cells', () => {
    expect(markdown.match(/^# /gm)).toHaveLength(1);
    expect(markdown).toContain('## Priority 1: Cut crime and anti-social behaviour');
    expect(markdown).toContain('## Cross-cutting commitments');
    expect(markdown).toContain('Addiction \\| substance misuse');
    expect(markdown).toContain('Audit found gaps \\<script\\>');
    expect(markdown).not.toMatch(/(?<!\\)<script/);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('escapes pipes and line breaks so text stays in its cell', () => {
    expect(escapeMarkdown('a | b\nc')).toBe('a \\| b<br>c');
    expect(escapeMarkdown('-5 points')).toBe('-5 points');
    expect(escapeMarkdown('- not a list', { lineStart: true })).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list', { lineStart: true })).toBe('1\\. not a list');
  });
});
