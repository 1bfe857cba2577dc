/**
 * One synthetic plan of the Dorset plan's shape (its 6 priorities, 29 themes and 167
 * commitments, with their wording), owned by a made-up office, with delivery actions, milestones,
 * measures and quarterly progress updates from the plan's launch to `today`, as rows ready for
 * bulk inserts.
 *
 * The history is what the db services would have written had staff made every change through
 * them (packages/db/src/services/write.ts): a `create` entry for each action, milestone and
 * measure value, then one `progress-update` entry per update holding only the changed fields
 * before and after (dates as `YYYY-MM-DD`) plus `progressUpdateId`, the narrative as its note,
 * dated by the update's `recordedOn`. Each row's `version` counts its writes. So "as at" reads
 * replay it like real data. Commitments, like the imported Dorset ones, have no `create` entry.
 *
 * Pure and deterministic: the same index, seed and `today` give the same rows.
 */
import {
  addDays,
  DORSET_PLAN_PERIOD,
  daysBetween,
  dorsetMeasures,
  dorsetPlanDocument,
  dorsetRevisions,
  type IsoDate,
  type LifecycleStatus,
  planQuarters,
  quarterOf,
  type Rag,
} from '@plan-tracker/domain';
import { areaOf } from './areas.js';

/** A JSON object of field values, as history holds them. */
export type Fields = Record<string, string | number | null>;

export interface AuditRow {
  id: string;
  organisationId: string;
  planId: string;
  actor: string;
  at: Date;
  effectiveOn: Date;
  entityType: 'Commitment' | 'DeliveryAction' | 'Milestone' | 'MeasureValue';
  entityId: string;
  action: 'create' | 'progress-update' | 'complete';
  period: string;
  before: Fields | null;
  after: Fields;
  note: string | null;
}

export interface CommitmentRow {
  id: string;
  organisationId: string;
  planId: string;
  themeId: string | null;
  crossCuttingSection: 'NATIONAL_STRATEGIES' | 'POLICE_AND_EMERGENCY_SERVICES' | 'PARTNERS' | null;
  code: string;
  position: number;
  text: string;
  introducedInRevisionId: string;
  status: LifecycleStatus;
  rag: Rag | null;
  owner: string | null;
  startDate: Date | null;
  dueDate: Date | null;
  progressPercent: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionRow {
  id: string;
  organisationId: string;
  commitmentId: string;
  title: string;
  description: string;
  owner: string;
  status: LifecycleStatus;
  rag: Rag | null;
  startDate: Date;
  dueDate: Date;
  completedOn: Date | null;
  progressPercent: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MilestoneRow {
  id: string;
  organisationId: string;
  actionId: string;
  title: string;
  dueDate: Date;
  completedOn: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgressUpdateRow {
  id: string;
  organisationId: string;
  commitmentId: string;
  actionId: string | null;
  period: string;
  recordedOn: Date;
  author: string;
  statusBefore: LifecycleStatus;
  statusAfter: LifecycleStatus;
  ragBefore: Rag | null;
  ragAfter: Rag | null;
  progressBefore: number;
  progressAfter: number;
  narrative: string;
  evidence: { title: string; url: string }[];
  createdAt: Date;
}

/** Every row of one synthetic plan, grouped by table in an order foreign keys allow. */
export interface PlanDataset {
  organisation: { id: string; slug: string; name: string };
  plan: {
    id: string;
    organisationId: string;
    slug: string;
    title: string;
    vision: string;
    periodStart: Date;
    periodEnd: Date;
    published: boolean;
  };
  revisions: {
    id: string;
    organisationId: string;
    planId: string;
    code: string;
    title: string;
    publishedOn: Date;
    periodStart: Date;
    periodEnd: Date;
    summary: string | null;
  }[];
  priorityStatements: {
    organisationId: string;
    revisionId: string;
    priorityNumber: number;
    title: string;
    statement: string;
  }[];
  priorities: {
    id: string;
    organisationId: string;
    planId: string;
    number: number;
    title: string;
    aims: string[];
    outcome: string | null;
  }[];
  themes: {
    id: string;
    organisationId: string;
    priorityId: string;
    position: number;
    title: string;
  }[];
  commitments: CommitmentRow[];
  actions: ActionRow[];
  milestones: MilestoneRow[];
  progressUpdates: ProgressUpdateRow[];
  measures: {
    id: string;
    organisationId: string;
    priorityId: string;
    position: number;
    name: string;
    unit: string | null;
    direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';
    baseline: number;
  }[];
  measureValues: {
    id: string;
    organisationId: string;
    measureId: string;
    period: string;
    value: number;
    recordedOn: Date;
    createdAt: Date;
    updatedAt: Date;
  }[];
  reportingPeriods: {
    id: string;
    organisationId: string;
    label: string;
    financialYear: string;
    quarter: number;
    startDate: Date;
    endDate: Date;
    closedAt: Date | null;
  }[];
  /** In the order they were written (what `sequence` numbers). */
  auditLogs: AuditRow[];
}

export interface GenerateOptions {
  /** Updates stop here: nothing is dated in the future. */
  readonly today: IsoDate;
  /** Varies the random choices; the same seed gives the same data. */
  readonly seed?: number;
}

/** The plan's launch (seed 000): delivery starts after it. */
const LAUNCH: IsoDate = '2021-10-29';
const ACTION_OWNERS = [
  'Chief Constable',
  'OPCC Head of Policy',
  'OPCC Commissioning Lead',
  'Community Safety Partnership',
  'Force Control Room',
  'Neighbourhood Policing Team',
  'Victim Services Manager',
  'Road Safety Partnership',
  'Youth Justice Service',
  'Rural Crime Team',
];
const COMMITMENT_OWNERS = ['Commissioner', 'Deputy Commissioner', 'OPCC Chief Executive'];
const ACTION_VERBS = ['Deliver', 'Review', 'Commission', 'Launch', 'Evaluate', 'Expand'];
const ACTION_OBJECTS = [
  'a partnership working group',
  'the local delivery plan',
  'a public engagement campaign',
  'the funding bid',
  'a pilot in two districts',
  'data sharing with partners',
];

/** A small fast PRNG (mulberry32): reproducible data without a dependency. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);
/** 09:00 UTC on the day plus `second` seconds, for `at`, `createdAt` and `updatedAt`. */
const instant = (date: IsoDate, second: number) =>
  new Date(Date.UTC(...ymd(date), 9, 0) + second * 1000);
function ymd(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d];
}
const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Generates the `index`th synthetic plan. */
export function generatePlan(index: number, options: GenerateOptions): PlanDataset {
  const rand = random((options.seed ?? 2021) * 1000 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const { today } = options;
  const area = areaOf(index);
  const p = `b${String(index).padStart(3, '0')}`;
  const organisationId = `${p}-org`;
  const planId = `${p}-plan`;
  const actor = (name: string) => `${name} (synthetic)`;
  // Writes of one plan get increasing seconds, so `at` follows the order of `sequence`.
  let clock = 0;
  const tick = () => {
    clock += 1;
    return clock;
  };

  const data: PlanDataset = {
    organisation: {
      id: organisationId,
      slug: `bench-${area.slug}`,
      name: `${area.name} Office for Policing and Crime (synthetic)`,
    },
    plan: {
      id: planId,
      organisationId,
      slug: `${area.slug}-2021-29`,
      title: 'Police & Crime Plan 2021–29',
      vision: `Make ${area.name} the safest area`,
      periodStart: day(DORSET_PLAN_PERIOD.start),
      periodEnd: day(DORSET_PLAN_PERIOD.end),
      published: true,
    },
    revisions: [],
    priorityStatements: [],
    priorities: [],
    themes: [],
    commitments: [],
    actions: [],
    milestones: [],
    progressUpdates: [],
    measures: [],
    measureValues: [],
    reportingPeriods: [],
    auditLogs: [],
  };

  for (const revision of dorsetRevisions) {
    const id = `${p}-rev-${revision.code}`;
    data.revisions.push({
      id,
      organisationId,
      planId,
      code: revision.code,
      title: revision.title,
      publishedOn: day(revision.publishedOn),
      periodStart: day(revision.periodStart),
      periodEnd: day(revision.periodEnd),
      summary: revision.summary ?? null,
    });
    for (const priority of revision.priorities) {
      data.priorityStatements.push({
        organisationId,
        revisionId: id,
        priorityNumber: priority.number,
        title: priority.title,
        statement: priority.statement,
      });
    }
  }
  const introducedInRevisionId = `${p}-rev-2021`;

  const outcomes = new Map(dorsetPlanDocument.measures.map((m) => [m.priorityNumber, m.outcome]));
  const commitmentTexts: {
    themeId: string | null;
    section: CommitmentRow['crossCuttingSection'];
    code: string;
    position: number;
    text: string;
  }[] = [];
  for (const priority of dorsetPlanDocument.priorities) {
    const priorityId = `${p}-p${priority.number}`;
    data.priorities.push({
      id: priorityId,
      organisationId,
      planId,
      number: priority.number,
      title: priority.title,
      aims: [...priority.aims],
      outcome: outcomes.get(priority.number) ?? null,
    });
    priority.themes.forEach((theme, t) => {
      const themeId = `${priorityId}-t${t + 1}`;
      data.themes.push({
        id: themeId,
        organisationId,
        priorityId,
        position: t + 1,
        title: theme.title,
      });
      theme.commitments.forEach((c, position) => {
        commitmentTexts.push({
          themeId,
          section: null,
          code: c.code,
          position: position + 1,
          text: c.text,
        });
      });
    });
  }
  for (const section of dorsetPlanDocument.crossCutting) {
    section.commitments.forEach((c, position) => {
      commitmentTexts.push({
        themeId: null,
        section: section.section,
        code: c.code,
        position: position + 1,
        text: c.text,
      });
    });
  }

  const quarters = planQuarters(DORSET_PLAN_PERIOD.start, DORSET_PLAN_PERIOD.end);
  const current = quarterOf(today);
  const previous = quarters[quarters.findIndex((q) => q.label === current.label) - 1];
  for (const q of quarters) {
    // Periods before last quarter are closed, as an office closes them after reporting.
    const closed = previous !== undefined && q.endDate < previous.startDate;
    data.reportingPeriods.push({
      id: `${p}-rp-${q.financialYear.replace('/', '-')}-q${q.quarter}`,
      organisationId,
      label: q.label,
      financialYear: q.financialYear,
      quarter: q.quarter,
      startDate: day(q.startDate),
      endDate: day(q.endDate),
      closedAt: closed ? instant(addDays(q.endDate, 30), 0) : null,
    });
  }
  /** Quarter ends from `start`'s quarter on, each no later than today. */
  const reportingDates = (start: IsoDate): IsoDate[] => {
    const dates: IsoDate[] = [];
    for (const q of quarters) {
      if (q.endDate < start) continue;
      const recordedOn = addDays(q.endDate, -between(0, 20));
      if (recordedOn > today) break;
      dates.push(recordedOn < start ? start : recordedOn);
    }
    return dates;
  };

  /**
   * Quarterly updates of one commitment or action: progress climbs until the work is done
   * (or, for business-as-usual work, stays ONGOING); RAG drifts. Appends the rows and history,
   * and returns the final figures and how many writes there were.
   */
  const deliver = (subject: {
    kind: 'Commitment' | 'DeliveryAction';
    id: string;
    commitmentId: string;
    start: IsoDate;
    author: string;
    ongoing: boolean;
    pace: number;
  }) => {
    let status: LifecycleStatus = 'NOT_STARTED';
    let rag: Rag | null = null;
    let progress = 0;
    let completedOn: IsoDate | null = null;
    let writes = 0;
    let last: Date | null = null;
    for (const recordedOn of reportingDates(subject.start)) {
      if (status === 'COMPLETED') break;
      const nextProgress = subject.ongoing
        ? Math.min(90, progress + between(0, subject.pace))
        : Math.min(100, progress + between(2, subject.pace));
      const nextStatus: LifecycleStatus =
        nextProgress === 100 ? 'COMPLETED' : subject.ongoing ? 'ONGOING' : 'IN_PROGRESS';
      const roll = rand();
      const nextRag: Rag =
        nextStatus === 'COMPLETED' ? 'GREEN' : roll < 0.65 ? 'GREEN' : roll < 0.9 ? 'AMBER' : 'RED';
      const before: Fields = {};
      const after: Fields = {};
      const change = (field: string, was: string | number | null, now: string | number | null) => {
        if (was !== now) {
          before[field] = was;
          after[field] = now;
        }
      };
      change('status', status, nextStatus);
      change('rag', rag, nextRag);
      change('progressPercent', progress, nextProgress);
      const nextCompletedOn = nextStatus === 'COMPLETED' ? recordedOn : null;
      if (subject.kind === 'DeliveryAction') change('completedOn', completedOn, nextCompletedOn);
      const at = instant(recordedOn, tick());
      const updateId = `${subject.id}-u${writes + 1}`;
      const quarter = quarterOf(recordedOn);
      const narrative = `${quarter.label}: ${nextStatus === 'COMPLETED' ? 'Completed' : `${nextProgress}% done`}; ${
        nextRag === 'GREEN'
          ? 'on track'
          : nextRag === 'AMBER'
            ? 'some risk to the timetable'
            : 'behind plan, recovery agreed'
      }.`;
      data.progressUpdates.push({
        id: updateId,
        organisationId,
        commitmentId: subject.commitmentId,
        actionId: subject.kind === 'DeliveryAction' ? subject.id : null,
        period: quarter.label,
        recordedOn: day(recordedOn),
        author: actor(subject.author),
        statusBefore: status,
        statusAfter: nextStatus,
        ragBefore: rag,
        ragAfter: nextRag,
        progressBefore: progress,
        progressAfter: nextProgress,
        narrative,
        evidence:
          rand() < 0.3
            ? [
                {
                  title: `${quarter.label} monitoring report`,
                  url: `https://example.org/${p}/${quarter.financialYear.replace('/', '-')}-q${quarter.quarter}`,
                },
              ]
            : [],
        createdAt: at,
      });
      data.auditLogs.push({
        id: '',
        organisationId,
        planId,
        actor: actor(subject.author),
        at,
        effectiveOn: day(recordedOn),
        entityType: subject.kind,
        entityId: subject.id,
        action: 'progress-update',
        period: quarter.label,
        before,
        after: { ...after, progressUpdateId: updateId },
        note: narrative,
      });
      status = nextStatus;
      rag = nextRag;
      progress = nextProgress;
      completedOn = nextCompletedOn;
      writes += 1;
      last = at;
    }
    return { status, rag, progress, completedOn, writes, last };
  };

  for (const c of commitmentTexts) {
    const id = `${p}-c${c.code}`;
    const owner = pick(COMMITMENT_OWNERS);
    const created = instant(LAUNCH, 0);
    // Most commitments are delivered through actions; the rest carry their own figures.
    const actionCount = rand() < 0.2 ? 0 : between(1, 5);
    let own = {
      status: 'NOT_STARTED' as LifecycleStatus,
      rag: null as Rag | null,
      progress: 0,
      writes: 0,
      last: null as Date | null,
    };
    if (actionCount === 0) {
      own = deliver({
        kind: 'Commitment',
        id,
        commitmentId: id,
        start: addDays(LAUNCH, between(0, 400)),
        author: owner,
        ongoing: c.text.startsWith('Continue') || rand() < 0.3,
        pace: between(4, 12),
      });
    }
    data.commitments.push({
      id,
      organisationId,
      planId,
      themeId: c.themeId,
      crossCuttingSection: c.section,
      code: c.code,
      position: c.position,
      text: c.text,
      introducedInRevisionId,
      status: own.status,
      rag: own.rag,
      owner,
      startDate: null,
      dueDate: day('2029-03-31'),
      progressPercent: own.progress,
      version: 1 + own.writes,
      createdAt: created,
      updatedAt: own.last ?? created,
    });

    for (let a = 1; a <= actionCount; a += 1) {
      const actionId = `${id}-a${a}`;
      const start = addDays(LAUNCH, between(0, 1500));
      if (start > today) continue;
      const due = addDays(start, between(180, 1460));
      const owner = pick(ACTION_OWNERS);
      const title = `${pick(ACTION_VERBS)} ${pick(ACTION_OBJECTS)} (${c.code}/${a})`;
      const createdAt = instant(start, tick());
      const initial: Fields = {
        commitmentId: id,
        title,
        description: '',
        owner,
        status: 'NOT_STARTED',
        rag: null,
        startDate: start,
        dueDate: due,
        completedOn: null,
        progressPercent: 0,
        archivedAt: null,
      };
      data.auditLogs.push({
        id: '',
        organisationId,
        planId,
        actor: actor(owner),
        at: createdAt,
        effectiveOn: day(start),
        entityType: 'DeliveryAction',
        entityId: actionId,
        action: 'create',
        period: quarterOf(start).label,
        before: null,
        after: initial,
        note: null,
      });
      const milestones = between(0, 3);
      const milestoneRows: MilestoneRow[] = [];
      for (let m = 1; m <= milestones; m += 1) {
        const milestoneId = `${actionId}-m${m}`;
        const dueDate = addDays(start, between(30, daysBetween(start, due)));
        const at = instant(start, tick());
        const row: MilestoneRow = {
          id: milestoneId,
          organisationId,
          actionId,
          title: `Milestone ${m} of ${c.code}/${a}`,
          dueDate: day(dueDate),
          completedOn: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        milestoneRows.push(row);
        data.auditLogs.push({
          id: '',
          organisationId,
          planId,
          actor: actor(owner),
          at,
          effectiveOn: day(start),
          entityType: 'Milestone',
          entityId: milestoneId,
          action: 'create',
          period: quarterOf(start).label,
          before: null,
          after: {
            actionId,
            title: row.title,
            dueDate: iso(row.dueDate),
            completedOn: null,
            archivedAt: null,
          },
          note: null,
        });
      }
      const done = deliver({
        kind: 'DeliveryAction',
        id: actionId,
        commitmentId: id,
        start,
        author: owner,
        ongoing: rand() < 0.15,
        pace: between(5, 25),
      });
      // Milestones due by the time the action finished (or by today) were completed on their day.
      const finished = iso(done.completedOn === null ? null : day(done.completedOn)) ?? today;
      for (const row of milestoneRows) {
        const dueOn = iso(row.dueDate) as IsoDate;
        if (dueOn <= finished && dueOn <= today) {
          const at = instant(dueOn, tick());
          row.completedOn = row.dueDate;
          row.version = 2;
          row.updatedAt = at;
          data.auditLogs.push({
            id: '',
            organisationId,
            planId,
            actor: actor(owner),
            at,
            effectiveOn: row.dueDate,
            entityType: 'Milestone',
            entityId: row.id,
            action: 'complete',
            period: quarterOf(dueOn).label,
            before: { completedOn: null },
            after: { completedOn: dueOn },
            note: null,
          });
        }
      }
      data.milestones.push(...milestoneRows);
      data.actions.push({
        id: actionId,
        organisationId,
        commitmentId: id,
        title,
        description: '',
        owner,
        status: done.status,
        rag: done.rag,
        startDate: day(start),
        dueDate: day(due),
        completedOn: done.completedOn ? day(done.completedOn) : null,
        progressPercent: done.progress,
        version: 1 + done.writes,
        createdAt,
        updatedAt: done.last ?? createdAt,
      });
    }
  }

  const closedQuarters = quarters.filter((q) => q.endDate < today && q.startDate >= '2021-07-01');
  for (const measure of dorsetMeasures) {
    const priorityId = `${p}-p${measure.priorityNumber}`;
    const measureId = `${priorityId}-m${measure.position}`;
    const baseline = between(100, 5000);
    data.measures.push({
      id: measureId,
      organisationId,
      priorityId,
      position: measure.position,
      name: measure.name,
      unit: measure.unit ?? null,
      direction: measure.direction,
      baseline,
    });
    let value = baseline;
    for (const q of closedQuarters) {
      value = Math.max(0, Math.round(value * (0.95 + rand() * 0.1)));
      const recordedOn = addDays(q.endDate, between(10, 40));
      if (recordedOn > today) continue;
      const id = `${measureId}-${q.financialYear.replace('/', '-')}-q${q.quarter}`;
      const at = instant(recordedOn, tick());
      data.measureValues.push({
        id,
        organisationId,
        measureId,
        period: q.label,
        value,
        recordedOn: day(recordedOn),
        createdAt: at,
        updatedAt: at,
      });
      data.auditLogs.push({
        id: '',
        organisationId,
        planId,
        actor: actor('OPCC Performance Analyst'),
        at,
        effectiveOn: day(recordedOn),
        entityType: 'MeasureValue',
        entityId: id,
        action: 'create',
        period: quarterOf(recordedOn).label,
        before: null,
        after: { measureId, period: q.label, value, note: null, recordedOn },
        note: null,
      });
    }
  }

  // Written order: by when it happened (ties keep generation order).
  data.auditLogs.sort((a, b) => a.at.getTime() - b.at.getTime());
  data.auditLogs.forEach((entry, n) => {
    entry.id = `${p}-h${n + 1}`;
  });
  return data;
}
