/**
 * Filters and ordering of the commitments and actions connections as Prisma arguments. Figure
 * filters (status, RAG, overdue) are answered from the plan snapshot, so they agree with the
 * figures shown, "as at" dates included, and overdue is the domain's `isOverdue`, not a copy.
 */
import { type Prisma, toDbDate } from '@plan-tracker/db';
import { type IsoDate, isOverdue, type LifecycleStatus, type Rag } from '@plan-tracker/domain';
import type { CommitmentFigures } from './snapshot.js';

/** Filters both connections share. */
export interface WorkFilter {
  priorityId?: string | null | undefined;
  themeId?: string | null | undefined;
  status?: readonly LifecycleStatus[] | null | undefined;
  rag?: readonly Rag[] | null | undefined;
  notRated?: boolean | null | undefined;
  owner?: string | null | undefined;
  overdueAt?: IsoDate | null | undefined;
  dueFrom?: IsoDate | null | undefined;
  dueTo?: IsoDate | null | undefined;
  search?: string | null | undefined;
}

/** Ids of the snapshot's records whose figures pass the figure filters; `null` when none is set. */
export function idsPassingFigures(
  snapshot: Pick<CommitmentFigures, 'figures'>,
  ids: Iterable<string>,
  filter: WorkFilter,
): string[] | null {
  const statuses = filter.status?.length ? new Set(filter.status) : null;
  const rags = filter.rag?.length ? new Set<Rag | null>(filter.rag) : null;
  if (rags && filter.notRated) rags.add(null);
  const ragFilter = rags ?? (filter.notRated ? new Set<Rag | null>([null]) : null);
  if (!statuses && !ragFilter && !filter.overdueAt) return null;
  const passing: string[] = [];
  for (const id of ids) {
    const figures = snapshot.figures.get(id);
    if (!figures) continue;
    if (statuses && !statuses.has(figures.status)) continue;
    if (ragFilter && !ragFilter.has(figures.rag)) continue;
    if (filter.overdueAt && !isOverdue(figures, filter.overdueAt)) continue;
    passing.push(id);
  }
  return passing;
}

/** The due-date range as a Prisma date filter, or undefined. */
export function dueBetween(filter: WorkFilter): Prisma.DateTimeNullableFilter | undefined {
  if (!filter.dueFrom && !filter.dueTo) return undefined;
  return {
    ...(filter.dueFrom ? { gte: toDbDate(filter.dueFrom) } : {}),
    ...(filter.dueTo ? { lte: toDbDate(filter.dueTo) } : {}),
  };
}

/** Case-insensitive "contains" for an owner or text search. */
export function contains(text: string): Prisma.StringFilter {
  return { contains: text.trim(), mode: 'insensitive' };
}
