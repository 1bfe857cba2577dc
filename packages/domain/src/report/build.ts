/**
 * Builds the quarterly monitoring report from the plan's state at each quarter's end. Every
 * figure comes from the rollup, status and timeline modules; this file only selects, groups and
 * orders what they compute.
 */
import { CROSS_CUTTING_SECTION_TITLES } from '../importer/index.js';
import type { CrossCuttingSection } from '../model/vocabulary.js';
import { PANEL_ACTION_STATUSES } from '../model/vocabulary.js';
import {
  compareWithPlan,
  latestNoteOf,
  type PlanRollUp,
  type RollUp,
  rollUpAsItem,
  rollUpItems,
  rollUpPlan,
} from '../rollup/index.js';
import { isClosedStatus } from '../status/lifecycle.js';
import { daysBetween } from '../timeline/calendar.js';
import { comparePeriods, periodFromLabel } from '../timeline/financial-year.js';
import { type DateRange, elapsedShare, isOverdue, planQuarters } from '../timeline/plan.js';
import {
  parseReportInput,
  type ReportActionState,
  type ReportCommitmentState,
  type ReportInput,
  type ReportState,
  type ReportUpdate,
} from './input.js';
import { measureLine } from './measures.js';
import type {
  ExceptionReason,
  MonitoringReport,
  ReportChange,
  ReportCommitment,
  ReportException,
  ReportHeadline,
  ReportPanelActionLine,
  ReportPriority,
} from './model.js';
import {
  compareCommitmentCodes,
  compareOptionalDates,
  compareText,
  firstDifference,
} from './order.js';

type Input = ReturnType<typeof parseReportInput>;

/** A quarter's state with its roll-ups. */
interface Evaluated {
  readonly state: ReportState;
  readonly rollUp: PlanRollUp;
  readonly commitments: ReadonlyMap<string, ReportCommitmentState>;
  /** Actions that are not archived, by commitment, in due-date order. */
  readonly actions: ReadonlyMap<string, readonly ReportActionState[]>;
}

/** Where a commitment belongs in the report: a priority's number, or a cross-cutting section. */
type SectionKey = number | 'X';

function priorityKey(priorityNumber: number): string {
  return `priority-${priorityNumber}`;
}

function evaluate(state: ReportState, input: Input): Evaluated {
  const themes = input.priorities.flatMap((p) =>
    p.themes.map((t) => ({ id: t.id, priorityId: priorityKey(p.number) })),
  );
  const rollUp = rollUpPlan({
    asAt: state.asAt,
    priorityIds: input.priorities.map((p) => priorityKey(p.number)),
    themes,
    commitments: state.commitments,
    actions: state.actions,
  });
  const actions = new Map<string, ReportActionState[]>();
  for (const action of state.actions) {
    if (action.archivedAt) continue;
    const list = actions.get(action.commitmentId) ?? [];
    list.push(action);
    actions.set(action.commitmentId, list);
  }
  for (const list of actions.values()) {
    list.sort((a, b) =>
      firstDifference(
        compareOptionalDates(a.dueDate, b.dueDate),
        compareText(a.title, b.title),
        compareText(a.id, b.id),
      ),
    );
  }
  return {
    state,
    rollUp,
    commitments: new Map(state.commitments.map((c) => [c.id, c])),
    actions,
  };
}

/** The roll-up of one commitment; every listed commitment has one. */
function commitmentRollUp(evaluated: Evaluated, id: string): RollUp {
  const rollUp = evaluated.rollUp.commitments.get(id);
  if (!rollUp) throw new Error(`No roll-up for commitment ${id}.`);
  return rollUp;
}

/**
 * Builds the quarterly monitoring report for `input.period`.
 *
 * What it holds and where each figure comes from:
 * - the header: plan, period, "as at" (the quarter's last day), the share of the plan elapsed
 *   (`elapsedShare`) and the progress that implies;
 * - the overall roll-up (`rollUpPlan`) and expected against actual progress (`compareWithPlan`);
 * - the timeline: the plan's commitments by status and RAG at the end of every quarter so far;
 * - per priority, and for the cross-cutting commitments as one section: the roll-up, themes,
 *   every commitment with its rolled-up figures, the quarter's updates as headlines, the
 *   exceptions (open items rated RED or AMBER, or overdue, each with its latest note and
 *   corrective action), and what changed since the previous quarter;
 * - per priority, its measures with their direction of travel (`directionOfTravel`);
 * - the Panel's actions and where they stand.
 *
 * Pure and deterministic: no clock, no I/O, and every list in a fixed order (code, then date,
 * then id), so the same input gives the same report, byte for byte once rendered.
 *
 * @param input - see {@link ReportInputSchema}; validated here
 * @throws ReportInputError (`REPORT_INVALID_INPUT`) when the input is not valid, naming each
 *   field at fault
 *
 * @example
 * ```ts
 * const report = buildMonitoringReport(await loadReportInput('2021/22 Q2'));
 * await writeFile('q2.html', renderReportHtml(report));
 * ```
 */
export function buildMonitoringReport(input: ReportInput): MonitoringReport {
  const data = parseReportInput(input);
  const period = periodFromLabel(data.period);
  const planPeriod: DateRange = { start: data.plan.periodStart, end: data.plan.periodEnd };
  const quarters = planQuarters(planPeriod.start, planPeriod.end);
  const asAt = period.endDate;

  const evaluated = [...data.states]
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((state) => evaluate(state, data));
  const current = evaluated.at(-1);
  if (!current) throw new Error('The input has no state for the report period.');
  const previous = evaluated.length > 1 ? evaluated.at(-2) : undefined;

  const themeById = new Map(
    data.priorities.flatMap((p) =>
      p.themes.map((t) => [t.id, { title: t.title, priorityNumber: p.number }] as const),
    ),
  );
  const sectionOf = (c: ReportCommitmentState): SectionKey =>
    c.themeId === null ? 'X' : (themeById.get(c.themeId)?.priorityNumber ?? 'X');

  const lines = [...current.state.commitments]
    .sort((a, b) => compareCommitmentCodes(a.code, b.code))
    .map((c) => commitmentLine(c, current, themeById));
  const linesIn = (key: SectionKey) => lines.filter((line) => (line.priorityNumber ?? 'X') === key);

  const headlines = headlinesOf(data.updates, current);
  const exceptions = exceptionsOf(lines, current, data.updates);
  const changes = changesOf(current, previous);
  const inSection = <T extends { commitmentId: string }>(items: T[], key: SectionKey): T[] =>
    items.filter((item) => {
      const c =
        current.commitments.get(item.commitmentId) ?? previous?.commitments.get(item.commitmentId);
      return c !== undefined && sectionOf(c) === key;
    });

  const progress = (rollUp: RollUp) => compareWithPlan(rollUp, planPeriod, asAt);
  const priorities: ReportPriority[] = [...data.priorities]
    .sort((a, b) => a.number - b.number)
    .map((p) => {
      const rollUp =
        current.rollUp.priorities.get(priorityKey(p.number)) ??
        rollUpItems([], asAt, 'COMMITMENTS');
      return {
        number: p.number,
        title: p.title,
        themes: p.themes.map((t) => ({
          id: t.id,
          title: t.title,
          rollUp: current.rollUp.themes.get(t.id) ?? rollUpItems([], asAt, 'COMMITMENTS'),
        })),
        rollUp,
        progress: progress(rollUp),
        commitments: linesIn(p.number),
        headlines: inSection(headlines, p.number),
        exceptions: inSection(exceptions, p.number),
        changes: inSection(changes, p.number),
        measures: data.measures
          .filter((m) => m.priorityNumber === p.number)
          .map((m) => measureLine(m, period)),
      };
    });

  const crossLines = linesIn('X');
  // Counted as rollUpPlan counts every level above a commitment: each commitment as one item.
  const crossRollUp = rollUpItems(
    crossLines.map((line) => rollUpAsItem(commitmentRollUp(current, line.id))),
    asAt,
    'COMMITMENTS',
  );
  const sections = [...current.rollUp.crossCuttingSections.entries()]
    .map(([section, rollUp]) => ({ section, title: CROSS_CUTTING_SECTION_TITLES[section], rollUp }))
    .sort((a, b) => sectionOrder(a.section) - sectionOrder(b.section));

  const overall = current.rollUp.plan;
  const priorityTitles = new Map(data.priorities.map((p) => [p.number, p.title]));
  const panelItems: ReportPanelActionLine[] = data.panelActions
    .map((a) => ({
      meetingHeldOn: a.meetingHeldOn,
      meetingTitle: a.meetingTitle,
      priorityNumber: a.priorityNumber,
      priorityTitle:
        a.priorityNumber === null ? null : (priorityTitles.get(a.priorityNumber) ?? null),
      text: a.text,
      status: a.status,
      response: a.response,
      raisedInPeriod: a.meetingHeldOn >= period.startDate && a.meetingHeldOn <= period.endDate,
    }))
    .sort((a, b) =>
      firstDifference(
        compareText(a.meetingHeldOn, b.meetingHeldOn),
        (a.priorityNumber ?? 0) - (b.priorityNumber ?? 0),
        compareText(a.text, b.text),
        compareText(a.status, b.status),
      ),
    );
  const counts = Object.fromEntries(PANEL_ACTION_STATUSES.map((s) => [s, 0])) as Record<
    (typeof PANEL_ACTION_STATUSES)[number],
    number
  >;
  for (const item of panelItems) counts[item.status] += 1;

  return {
    schemaVersion: 1,
    organisation: { name: data.organisation.name },
    plan: { ...data.plan, quarterCount: quarters.length },
    period: {
      label: period.label,
      startDate: period.startDate,
      endDate: period.endDate,
      quarterNumber: quarters.findIndex((q) => q.label === period.label) + 1,
    },
    asAt,
    draft: data.closedOn === null,
    closedOn: data.closedOn,
    elapsedShare: elapsedShare(planPeriod.start, planPeriod.end, asAt),
    expectedProgressPercent: progress(overall).expectedPercent,
    previousPeriod: previous?.state.period ?? null,
    overall: { rollUp: overall, progress: progress(overall) },
    timeline: evaluated.map(({ state, rollUp }) => ({
      period: state.period,
      asAt: state.asAt,
      byStatus: rollUp.plan.byStatus,
      byRag: rollUp.plan.byRag,
      progress: compareWithPlan(rollUp.plan, planPeriod, state.asAt),
    })),
    priorities,
    crossCutting: {
      sections,
      rollUp: crossRollUp,
      progress: progress(crossRollUp),
      commitments: crossLines,
      headlines: inSection(headlines, 'X'),
      exceptions: inSection(exceptions, 'X'),
      changes: inSection(changes, 'X'),
    },
    panelActions: { counts, items: panelItems },
  };
}

function sectionOrder(section: CrossCuttingSection): number {
  return Object.keys(CROSS_CUTTING_SECTION_TITLES).indexOf(section);
}

function commitmentLine(
  c: ReportCommitmentState,
  evaluated: Evaluated,
  themes: ReadonlyMap<string, { title: string; priorityNumber: number }>,
): ReportCommitment {
  const rollUp = commitmentRollUp(evaluated, c.id);
  const theme = c.themeId === null ? undefined : themes.get(c.themeId);
  return {
    id: c.id,
    code: c.code,
    priorityNumber: theme?.priorityNumber ?? null,
    themeId: c.themeId,
    themeTitle: theme?.title ?? null,
    crossCuttingSection: c.crossCuttingSection,
    text: c.text,
    owner: c.owner,
    status: rollUpAsItem(rollUp).status,
    rag: rollUp.rag,
    progressPercent: rollUp.progressPercent,
    dueDate: c.dueDate,
    overdue: rollUp.overdue > 0,
    basis: rollUp.basis,
    statusOverrideReason: c.statusOverrideReason,
    actionCount: evaluated.actions.get(c.id)?.length ?? 0,
    latestNote: latestNoteOf([
      c.latestNote,
      ...(evaluated.actions.get(c.id) ?? []).map((a) => a.latestNote),
    ]),
  };
}

/** Updates oldest first, ties by id: the last one is the latest. */
function byRecordedOn(a: ReportUpdate, b: ReportUpdate): number {
  return firstDifference(compareText(a.recordedOn, b.recordedOn), compareText(a.id, b.id));
}

function headlinesOf(updates: readonly ReportUpdate[], current: Evaluated): ReportHeadline[] {
  const actionTitles = new Map(current.state.actions.map((a) => [a.id, a.title]));
  return updates
    .map((u): ReportHeadline & { readonly sortCode: string } => {
      const commitment = current.commitments.get(u.commitmentId);
      return {
        sortCode: commitment?.code ?? '',
        id: u.id,
        recordedOn: u.recordedOn,
        author: u.author,
        commitmentId: u.commitmentId,
        code: commitment?.code ?? '',
        commitmentText: commitment?.text ?? '',
        actionId: u.actionId,
        actionTitle: u.actionId === null ? null : (actionTitles.get(u.actionId) ?? null),
        statusBefore: u.statusBefore,
        statusAfter: u.statusAfter,
        ragBefore: u.ragBefore,
        ragAfter: u.ragAfter,
        progressBefore: u.progressBefore ?? null,
        progressAfter: u.progressAfter ?? null,
        narrative: u.narrative,
        evidence: u.evidence.map((e) => ({ title: e.title, url: e.url })),
      };
    })
    .sort((a, b) =>
      firstDifference(
        compareCommitmentCodes(a.sortCode, b.sortCode),
        compareText(a.recordedOn, b.recordedOn),
        compareText(a.id, b.id),
      ),
    )
    .map(({ sortCode: _, ...headline }) => headline);
}

/** RED, then AMBER, then OVERDUE, for the item's figures; empty when closed or none apply. */
function reasonsFor(
  status: ReportCommitment['status'],
  rag: ReportCommitment['rag'],
  overdue: boolean,
): ExceptionReason[] {
  if (isClosedStatus(status)) return [];
  const reasons: ExceptionReason[] = [];
  if (rag === 'RED' || rag === 'AMBER') reasons.push(rag);
  if (overdue) reasons.push('OVERDUE');
  return reasons;
}

function exceptionsOf(
  lines: readonly ReportCommitment[],
  current: Evaluated,
  updates: readonly ReportUpdate[],
): ReportException[] {
  const asAt = current.state.asAt;
  const sorted = [...updates].sort(byRecordedOn);
  const latest = (match: (u: ReportUpdate) => boolean): string | null =>
    sorted.findLast(match)?.narrative ?? null;

  const exceptions: ReportException[] = [];
  for (const line of lines) {
    const item = rollUpAsItem(commitmentRollUp(current, line.id));
    const reasons = reasonsFor(line.status, line.rag, line.overdue);
    if (reasons.length > 0) {
      exceptions.push({
        kind: 'COMMITMENT',
        id: line.id,
        code: line.code,
        commitmentId: line.id,
        title: line.text,
        owner: line.owner,
        status: line.status,
        rag: line.rag,
        progressPercent: line.progressPercent,
        // The date the roll-up judges it by: its earliest open action's, or its own.
        dueDate: item.dueDate ?? null,
        reasons,
        daysOverdue: line.overdue && item.dueDate ? daysBetween(item.dueDate, asAt) : null,
        latestNote: line.latestNote,
        correctiveAction: latest((u) => u.commitmentId === line.id),
      });
    }
    for (const action of current.actions.get(line.id) ?? []) {
      const overdue = isOverdue(action, asAt);
      const actionReasons = reasonsFor(action.status, action.rag, overdue);
      if (actionReasons.length === 0) continue;
      exceptions.push({
        kind: 'ACTION',
        id: action.id,
        code: line.code,
        commitmentId: line.id,
        title: action.title,
        owner: action.owner,
        status: action.status,
        rag: action.rag,
        progressPercent: action.progressPercent,
        dueDate: action.dueDate,
        reasons: actionReasons,
        daysOverdue: overdue && action.dueDate ? daysBetween(action.dueDate, asAt) : null,
        latestNote: action.latestNote ?? null,
        correctiveAction: latest((u) => u.actionId === action.id),
      });
    }
  }
  return exceptions;
}

/** A commitment's rolled-up figures at a quarter's end, or `null` when it was not in the plan. */
function figuresAt(evaluated: Evaluated | undefined, id: string) {
  const rollUp = evaluated?.rollUp.commitments.get(id);
  if (!rollUp) return null;
  return {
    status: rollUpAsItem(rollUp).status,
    rag: rollUp.rag,
    progressPercent: rollUp.progressPercent,
  };
}

function changesOf(current: Evaluated, previous: Evaluated | undefined): ReportChange[] {
  if (!previous) return [];
  const all = new Map(previous.commitments);
  for (const [id, c] of current.commitments) all.set(id, c);
  const changes: ReportChange[] = [];
  for (const c of [...all.values()].sort((a, b) => compareCommitmentCodes(a.code, b.code))) {
    const before = figuresAt(previous, c.id);
    const after = figuresAt(current, c.id);
    const statusBefore = before?.status ?? null;
    const statusAfter = after?.status ?? null;
    const ragBefore = before?.rag ?? null;
    const ragAfter = after?.rag ?? null;
    const progressBefore = before?.progressPercent ?? null;
    const progressAfter = after?.progressPercent ?? null;
    const status =
      statusBefore === statusAfter ? null : { before: statusBefore, after: statusAfter };
    const rag = ragBefore === ragAfter ? null : { before: ragBefore, after: ragAfter };
    const progress =
      progressBefore === progressAfter
        ? null
        : {
            before: progressBefore,
            after: progressAfter,
            difference:
              progressBefore === null || progressAfter === null
                ? null
                : progressAfter - progressBefore,
          };
    if (status || rag || progress) {
      changes.push({ commitmentId: c.id, code: c.code, text: c.text, status, rag, progress });
    }
  }
  return changes;
}
