/**
 * The commitments table: filters (status, rating, owner, overdue, text), sortable columns and
 * pages, all kept in the URL. Used for the whole plan, one priority and one theme.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { type FormEvent, useState } from 'react';
import { FailurePage, Loading } from '../app/Page.js';
import { Link, navigate, useLocation, withQuery } from '../app/router.js';
import { routes } from '../app/routes.js';
import { Button, Checkbox, type Option, Select, TextInput } from '../govuk/fields.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import {
  formatDate,
  OverdueTag,
  RAG_OPTIONS,
  RagTag,
  STATUS_OPTIONS,
  StatusTag,
} from '../work/tags.js';
import {
  type CommitmentFilters,
  connectionArgs,
  filtersToQuery,
  isFiltered,
  PAGE_SIZE,
  parseFilters,
  type SortField,
} from './filters.js';

const CommitmentsQuery = graphql(`
  query Commitments(
    $slug: String!
    $filter: CommitmentFilter
    $orderBy: CommitmentOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    plan(slug: $slug) {
      id
      priorities { id number }
      commitments(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges {
          cursor
          node { id code text owner dueDate status rag progressPercent overdue }
        }
      }
    }
  }
`);

/** The priority filter's choices: the plan's own priorities (known once the table has loaded). */
function priorityOptions(numbers: readonly number[]): Option[] {
  return [
    { value: '', text: 'All priorities' },
    ...numbers.map((n) => ({ value: String(n), text: `Priority ${n}` })),
    { value: 'X', text: 'Cross-cutting commitments' },
  ];
}

const COLUMNS: readonly { field: SortField | null; label: string; numeric?: boolean }[] = [
  { field: 'code', label: 'Code' },
  { field: null, label: 'Commitment' },
  { field: null, label: 'Owner' },
  { field: 'due', label: 'Due' },
  { field: null, label: 'Status' },
  { field: null, label: 'Rating' },
  { field: 'progress', label: 'Progress', numeric: true },
];

export function CommitmentTable({
  basePath,
  fixed = {},
}: {
  /** The page the table is on; filter links stay on it. */
  basePath: string;
  /** A priority or theme the page has chosen; not shown as a filter. */
  fixed?: { priority?: number; theme?: string };
}) {
  const slug = usePlanSlug();
  const { query } = useLocation();
  const filters = parseFilters(query);
  const scoped: CommitmentFilters = {
    ...filters,
    ...(fixed.priority !== undefined ? { priority: fixed.priority } : {}),
    ...(fixed.theme !== undefined ? { theme: fixed.theme } : {}),
  };
  const { data, error, loading } = useQuery(CommitmentsQuery, {
    slug,
    ...connectionArgs(scoped, todayInPlanTimeZone()),
  });
  // The URL keeps only what the page did not fix.
  const href = (changes: Partial<CommitmentFilters>) =>
    withQuery(
      basePath,
      filtersToQuery({
        ...filters,
        ...(fixed.priority !== undefined ? { priority: null } : {}),
        ...changes,
      }),
    );

  if (error) return <FailurePage failure={error} />;
  const connection = data?.plan?.commitments;
  const edges = (connection?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const total = connection?.totalCount ?? 0;
  const first = (filters.page - 1) * PAGE_SIZE + 1;

  return (
    <>
      <FilterForm
        key={JSON.stringify([
          filters.q,
          filters.status,
          filters.rag,
          filters.owner,
          filters.overdue,
          filters.priority,
        ])}
        filters={filters}
        showPriority={fixed.priority === undefined && fixed.theme === undefined}
        priorityNumbers={(data?.plan?.priorities ?? []).map((p) => p.number)}
        onApply={(next) => navigate(href({ ...next, page: 1, after: null, before: null }))}
        clearHref={href({
          q: '',
          status: null,
          rag: null,
          owner: '',
          overdue: false,
          page: 1,
          after: null,
          before: null,
          ...(fixed.priority === undefined ? { priority: null } : {}),
        })}
      />
      <div aria-busy={loading} data-testid="commitments-results">
        <p className="govuk-body" role="status" aria-live="polite" data-testid="result-count">
          {!connection
            ? 'Loading commitments…'
            : total === 0
              ? 'No commitments match these filters.'
              : `Showing ${first} to ${first + edges.length - 1} of ${total} commitment${total === 1 ? '' : 's'}${loading ? ' (updating…)' : ''}`}
        </p>
        {!connection ? (
          <Loading what="commitments" />
        ) : edges.length === 0 ? null : (
          <table className="govuk-table" data-testid="commitments-table">
            <caption className="govuk-table__caption govuk-visually-hidden">
              Commitments. Select a column heading to sort by it.
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {COLUMNS.map((column) => {
                  const sorted = column.field !== null && filters.sort === column.field;
                  return (
                    <th
                      key={column.label}
                      scope="col"
                      className={`govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}`}
                      aria-sort={
                        sorted
                          ? filters.dir === 'desc'
                            ? 'descending'
                            : 'ascending'
                          : column.field
                            ? 'none'
                            : undefined
                      }
                    >
                      {column.field ? (
                        <button
                          type="button"
                          className="app-sort-button"
                          onClick={() =>
                            navigate(
                              href({
                                sort: column.field as SortField,
                                dir: sorted && filters.dir === 'asc' ? 'desc' : 'asc',
                                page: 1,
                                after: null,
                                before: null,
                              }),
                            )
                          }
                        >
                          {column.label}
                          {sorted ? (filters.dir === 'desc' ? ' ▼' : ' ▲') : ''}
                        </button>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {edges.map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <td className="govuk-table__cell">
                    <Link
                      className="govuk-link govuk-!-font-weight-bold"
                      to={routes.commitment(slug, c.code ?? '')}
                    >
                      {c.code}
                    </Link>
                  </td>
                  <td className="govuk-table__cell govuk-body-s">{c.text}</td>
                  <td className="govuk-table__cell govuk-body-s" data-label="Owner">
                    {c.owner ?? <span className="app-secondary-text">None</span>}
                  </td>
                  <td className="govuk-table__cell govuk-body-s" data-label="Due">
                    {formatDate(c.dueDate)}
                    {c.overdue ? (
                      <>
                        {' '}
                        <OverdueTag />
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell" data-label="Status">
                    {c.status ? <StatusTag status={c.status} /> : null}
                  </td>
                  <td className="govuk-table__cell" data-label="Rating">
                    <RagTag rag={c.rag} />
                  </td>
                  <td
                    className="govuk-table__cell govuk-table__cell--numeric app-numeric"
                    data-label="Progress"
                  >
                    {c.progressPercent ?? 0}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {connection &&
        (connection.pageInfo.hasNextPage ||
          connection.pageInfo.hasPreviousPage ||
          filters.page > 1) ? (
          <nav
            className="govuk-pagination govuk-pagination--block"
            aria-label="Pages of commitments"
          >
            {filters.page > 1 && connection.pageInfo.startCursor ? (
              <div className="govuk-pagination__prev">
                <Link
                  className="govuk-link govuk-pagination__link"
                  to={href({
                    page: filters.page - 1,
                    before: filters.page - 1 > 1 ? connection.pageInfo.startCursor : null,
                    after: null,
                  })}
                  rel="prev"
                >
                  <span className="govuk-pagination__link-title">
                    Previous<span className="govuk-visually-hidden"> page</span>
                  </span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">
                    Page {filters.page - 1} of {Math.ceil(total / PAGE_SIZE)}
                  </span>
                </Link>
              </div>
            ) : null}
            {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
              <div className="govuk-pagination__next">
                <Link
                  className="govuk-link govuk-pagination__link"
                  to={href({
                    page: filters.page + 1,
                    after: connection.pageInfo.endCursor,
                    before: null,
                  })}
                  rel="next"
                >
                  <span className="govuk-pagination__link-title">
                    Next<span className="govuk-visually-hidden"> page</span>
                  </span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">
                    Page {filters.page + 1} of {Math.ceil(total / PAGE_SIZE)}
                  </span>
                </Link>
              </div>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}

function FilterForm({
  filters,
  showPriority,
  priorityNumbers,
  onApply,
  clearHref,
}: {
  filters: CommitmentFilters;
  showPriority: boolean;
  priorityNumbers: readonly number[];
  onApply: (filters: Partial<CommitmentFilters>) => void;
  clearHref: string;
}) {
  // The form holds what is typed until "Apply filters"; the URL holds what is applied.
  const [q, setQ] = useState(filters.q);
  const [status, setStatus] = useState(filters.status ?? '');
  const [rag, setRag] = useState(filters.rag ?? '');
  const [owner, setOwner] = useState(filters.owner);
  const [overdue, setOverdue] = useState(filters.overdue);
  const [priority, setPriority] = useState(
    filters.priority === null ? '' : String(filters.priority),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      q,
      status: (status || null) as CommitmentFilters['status'],
      rag: (rag || null) as CommitmentFilters['rag'],
      owner,
      overdue,
      ...(showPriority
        ? { priority: priority === 'X' ? 'X' : priority ? Number(priority) : null }
        : {}),
    });
  };

  return (
    <form className="app-filters" onSubmit={submit} aria-labelledby="filters-heading">
      <h2 className="govuk-heading-s" id="filters-heading">
        Filter commitments
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            id="filter-q"
            label="Search"
            hint="Words in the commitment, or its code"
            value={q}
            onChange={setQ}
            type="search"
            spellCheck={false}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <TextInput
            id="filter-owner"
            label="Owner"
            hint="Part of the owner's name"
            value={owner}
            onChange={setOwner}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        {showPriority ? (
          <div className="govuk-grid-column-one-third">
            <Select
              id="filter-priority"
              label="Priority"
              value={priority}
              onChange={setPriority}
              options={priorityOptions(priorityNumbers)}
            />
          </div>
        ) : null}
        <div className="govuk-grid-column-one-third">
          <Select
            id="filter-status"
            label="Status"
            value={status}
            onChange={setStatus}
            options={[{ value: '', text: 'Any status' }, ...STATUS_OPTIONS]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            id="filter-rag"
            label="Rating"
            value={rag}
            onChange={setRag}
            options={[{ value: '', text: 'Any rating' }, ...RAG_OPTIONS]}
          />
        </div>
      </div>
      <div className="govuk-form-group">
        <Checkbox
          id="filter-overdue"
          label="Only overdue (due date passed, not completed or withdrawn)"
          checked={overdue}
          onChange={setOverdue}
        />
      </div>
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        <Button>Apply filters</Button>
        {isFiltered(filters) ? (
          <Link className="govuk-link" to={clearHref}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
