/**
 * The commitments table's filters, sort and page, kept in the URL's query string so a view can
 * be bookmarked or shared: `?status=IN_PROGRESS&rag=RED&overdue=yes&q=burglary&sort=due`.
 * Unknown or malformed values are dropped rather than sent to the API.
 */
import {
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  RAG_KEYS,
  type RagKey,
} from '@plan-tracker/domain';

export type SortField = 'code' | 'due' | 'progress' | 'updated';
export type SortDirection = 'asc' | 'desc';

export interface CommitmentFilters {
  readonly q: string;
  readonly status: LifecycleStatus | null;
  readonly rag: RagKey | null;
  readonly owner: string;
  readonly overdue: boolean;
  /** A priority's number, `X` for the cross-cutting commitments, or `null` for all. */
  readonly priority: number | 'X' | null;
  /** A theme's global ID. */
  readonly theme: string | null;
  readonly sort: SortField;
  readonly dir: SortDirection;
  /** 1-based page number, shown as "Showing 21 to 40". */
  readonly page: number;
  readonly after: string | null;
  readonly before: string | null;
}

export const PAGE_SIZE = 20;

const SORT_FIELDS: readonly SortField[] = ['code', 'due', 'progress', 'updated'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseFilters(query: URLSearchParams): CommitmentFilters {
  const priorityText = query.get('priority');
  const priorityNumber = Number(priorityText);
  const page = Number(query.get('page'));
  return {
    q: (query.get('q') ?? '').slice(0, 200),
    status: oneOf(LIFECYCLE_STATUSES, query.get('status')),
    rag: oneOf(RAG_KEYS, query.get('rag')),
    owner: (query.get('owner') ?? '').slice(0, 200),
    overdue: query.get('overdue') === 'yes',
    priority:
      priorityText === 'X'
        ? 'X'
        : Number.isInteger(priorityNumber) && priorityNumber >= 1
          ? priorityNumber
          : null,
    theme: query.get('theme') || null,
    sort: oneOf(SORT_FIELDS, query.get('sort')) ?? 'code',
    dir: query.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    after: query.get('after') || null,
    before: query.get('before') || null,
  };
}

/** The query-string values for some filters; defaults are left out to keep links short. */
export function filtersToQuery(filters: Partial<CommitmentFilters>): Record<string, string | null> {
  return {
    q: filters.q?.trim() || null,
    status: filters.status ?? null,
    rag: filters.rag ?? null,
    owner: filters.owner?.trim() || null,
    overdue: filters.overdue ? 'yes' : null,
    priority:
      filters.priority === undefined || filters.priority === null ? null : String(filters.priority),
    theme: filters.theme ?? null,
    sort: filters.sort && filters.sort !== 'code' ? filters.sort : null,
    dir: filters.dir === 'desc' ? 'desc' : null,
    page: filters.page && filters.page > 1 ? String(filters.page) : null,
    after: filters.after ?? null,
    before: filters.before ?? null,
  };
}

/** True when anything narrows the list (sort and page do not count). */
export function isFiltered(filters: CommitmentFilters): boolean {
  return Boolean(filters.q || filters.status || filters.rag || filters.owner || filters.overdue);
}

const ORDER_FIELDS = {
  code: 'CODE',
  due: 'DUE_DATE',
  progress: 'PROGRESS',
  updated: 'UPDATED_AT',
} as const;

/**
 * The `commitments` connection's arguments for the filters, judged at `today` for "overdue".
 * `fixed` narrows to a priority or theme chosen by the page rather than the filter form.
 */
export function connectionArgs(filters: CommitmentFilters, today: string) {
  const work = {
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.rag === 'NONE' ? { notRated: true } : filters.rag ? { rag: [filters.rag] } : {}),
    ...(filters.owner.trim() ? { owner: filters.owner.trim() } : {}),
    ...(filters.overdue ? { overdueAt: today } : {}),
    ...(filters.q.trim() ? { search: filters.q.trim() } : {}),
    ...(filters.theme ? { theme: filters.theme } : {}),
  };
  return {
    filter: {
      work,
      ...(typeof filters.priority === 'number' ? { priorityNumber: filters.priority } : {}),
      ...(filters.priority === 'X' ? { crossCutting: true } : {}),
    },
    orderBy: {
      field: ORDER_FIELDS[filters.sort],
      direction: filters.dir === 'desc' ? 'DESC' : 'ASC',
    } as const,
    ...(filters.before
      ? { last: PAGE_SIZE, before: filters.before }
      : { first: PAGE_SIZE, ...(filters.after ? { after: filters.after } : {}) }),
  };
}
