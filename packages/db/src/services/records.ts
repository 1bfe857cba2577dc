/**
 * Rows as the services hand them out: plain objects with calendar dates as `YYYY-MM-DD`
 * strings (the domain's IsoDate), instants as ISO strings, and the row `version` a caller must
 * send back with its next write. The same shapes go into history and conflict errors.
 */
import type {
  CrossCuttingSection,
  EvidenceLink,
  IsoDate,
  LifecycleStatus,
  Rag,
} from '@plan-tracker/domain';
import type {
  Commitment,
  DeliveryAction,
  MeasureValue,
  Milestone,
  ProgressUpdate,
  ReportingPeriod,
} from '../generated/prisma/client.js';
import { fromDbDate, fromDbDateOrNull, isoInstantOrNull } from './dates.js';

export interface CommitmentRecord {
  id: string;
  planId: string;
  themeId: string | null;
  crossCuttingSection: CrossCuttingSection | null;
  code: string;
  position: number;
  text: string;
  introducedInRevisionId: string;
  withdrawnInRevisionId: string | null;
  status: LifecycleStatus;
  rag: Rag | null;
  owner: string | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  progressPercent: number;
  statusOverrideReason: string | null;
  version: number;
  updatedAt: string;
}

export function commitmentRecord(row: Commitment): CommitmentRecord {
  return {
    id: row.id,
    planId: row.planId,
    themeId: row.themeId,
    crossCuttingSection: row.crossCuttingSection,
    code: row.code,
    position: row.position,
    text: row.text,
    introducedInRevisionId: row.introducedInRevisionId,
    withdrawnInRevisionId: row.withdrawnInRevisionId,
    status: row.status,
    rag: row.rag,
    owner: row.owner,
    startDate: fromDbDateOrNull(row.startDate),
    dueDate: fromDbDateOrNull(row.dueDate),
    progressPercent: row.progressPercent,
    statusOverrideReason: row.statusOverrideReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ActionRecord {
  id: string;
  commitmentId: string;
  title: string;
  description: string;
  owner: string | null;
  status: LifecycleStatus;
  rag: Rag | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  completedOn: IsoDate | null;
  progressPercent: number;
  archivedAt: string | null;
  version: number;
  updatedAt: string;
}

export function actionRecord(row: DeliveryAction): ActionRecord {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    title: row.title,
    description: row.description ?? '',
    owner: row.owner,
    status: row.status,
    rag: row.rag,
    startDate: fromDbDateOrNull(row.startDate),
    dueDate: fromDbDateOrNull(row.dueDate),
    completedOn: fromDbDateOrNull(row.completedOn),
    progressPercent: row.progressPercent,
    archivedAt: isoInstantOrNull(row.archivedAt),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface MilestoneRecord {
  id: string;
  actionId: string;
  title: string;
  dueDate: IsoDate | null;
  completedOn: IsoDate | null;
  archivedAt: string | null;
  version: number;
  updatedAt: string;
}

export function milestoneRecord(row: Milestone): MilestoneRecord {
  return {
    id: row.id,
    actionId: row.actionId,
    title: row.title,
    dueDate: fromDbDateOrNull(row.dueDate),
    completedOn: fromDbDateOrNull(row.completedOn),
    archivedAt: isoInstantOrNull(row.archivedAt),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ProgressUpdateRecord {
  id: string;
  commitmentId: string;
  actionId: string | null;
  period: string;
  recordedOn: IsoDate;
  author: string;
  statusBefore: LifecycleStatus | null;
  statusAfter: LifecycleStatus;
  ragBefore: Rag | null;
  ragAfter: Rag | null;
  progressBefore: number | null;
  progressAfter: number | null;
  narrative: string;
  evidence: EvidenceLink[];
  createdAt: string;
}

export function progressUpdateRecord(row: ProgressUpdate): ProgressUpdateRecord {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    actionId: row.actionId,
    period: row.period,
    recordedOn: fromDbDate(row.recordedOn),
    author: row.author,
    statusBefore: row.statusBefore,
    statusAfter: row.statusAfter,
    ragBefore: row.ragBefore,
    ragAfter: row.ragAfter,
    progressBefore: row.progressBefore,
    progressAfter: row.progressAfter,
    narrative: row.narrative,
    evidence: Array.isArray(row.evidence) ? (row.evidence as unknown as EvidenceLink[]) : [],
    createdAt: row.createdAt.toISOString(),
  };
}

export interface MeasureValueRecord {
  id: string;
  measureId: string;
  period: string;
  value: number;
  note: string | null;
  recordedOn: IsoDate;
  version: number;
  updatedAt: string;
}

export function measureValueRecord(row: MeasureValue): MeasureValueRecord {
  return {
    id: row.id,
    measureId: row.measureId,
    period: row.period,
    value: row.value,
    note: row.note,
    recordedOn: fromDbDate(row.recordedOn),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ReportingPeriodRecord {
  id: string;
  label: string;
  financialYear: string;
  quarter: number;
  startDate: IsoDate;
  endDate: IsoDate;
  closedAt: string | null;
  version: number;
}

export function reportingPeriodRecord(row: ReportingPeriod): ReportingPeriodRecord {
  return {
    id: row.id,
    label: row.label,
    financialYear: row.financialYear,
    quarter: row.quarter,
    startDate: fromDbDate(row.startDate),
    endDate: fromDbDate(row.endDate),
    closedAt: isoInstantOrNull(row.closedAt),
    version: row.version,
  };
}

/** The fields of a commitment that change over time and that history replays. */
export const COMMITMENT_STATE_FIELDS = [
  'text',
  'status',
  'rag',
  'owner',
  'startDate',
  'dueDate',
  'progressPercent',
  'statusOverrideReason',
] as const satisfies readonly (keyof CommitmentRecord)[];

/** The fields of a delivery action that change over time and that history replays. */
export const ACTION_STATE_FIELDS = [
  'commitmentId',
  'title',
  'description',
  'owner',
  'status',
  'rag',
  'startDate',
  'dueDate',
  'completedOn',
  'progressPercent',
  'archivedAt',
] as const satisfies readonly (keyof ActionRecord)[];

/** The fields of a milestone that change over time. */
export const MILESTONE_STATE_FIELDS = [
  'actionId',
  'title',
  'dueDate',
  'completedOn',
  'archivedAt',
] as const satisfies readonly (keyof MilestoneRecord)[];
