/**
 * Administration: the audit log. Every change, newest first: who made it, when, what it was
 * before and after, and why; filtered by who, kind of record, change and dates, with the
 * filters kept in the URL so a view can be shared.
 */
import { type FormEvent, useState } from 'react';
import { Loading } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { routes } from '../app/routes.js';
import { Button, Select, TextInput } from '../govuk/fields.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { formatDateTime } from '../work/tags.js';

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $after: String) {
    auditLog(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id at actor action entityType entityId entityGlobalId before after note period effectiveOn }
      }
    }
  }
`);

const ENTITY_OPTIONS = [
  { value: '', text: 'Any kind of record' },
  { value: 'Commitment', text: 'Commitments' },
  { value: 'DeliveryAction', text: 'Delivery actions' },
  { value: 'Milestone', text: 'Milestones' },
  { value: 'MeasureValue', text: 'Measure values' },
  { value: 'ReportingPeriod', text: 'Reporting periods' },
  { value: 'User', text: 'Users' },
];

const ACTION_OPTIONS = [
  { value: '', text: 'Any change' },
  ...[
    'create',
    'update',
    'status',
    'progress-update',
    'roll-up',
    'archive',
    'complete',
    'record',
    'close',
    'reopen',
  ].map((value) => ({
    value,
    text: value.replace('-', ' '),
  })),
];

const ENTITY_WORDS: Record<string, string> = Object.fromEntries(
  ENTITY_OPTIONS.filter((o) => o.value).map((o) => [o.value, o.text.replace(/s$/, '')]),
);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "field: before → after" for each field that differs. */
export function auditChanges(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) =>
      before ? `${key}: ${show(b[key])} → ${show(a[key])}` : `${key}: ${show(a[key])}`,
    );
}

export function AuditLogSection() {
  const { query } = useLocation();
  const applied = {
    actor: query.get('actor') ?? '',
    entityType: query.get('type') ?? '',
    action: query.get('action') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
  };
  const after = query.get('after');
  const [actor, setActor] = useState(applied.actor);
  const [entityType, setEntityType] = useState(applied.entityType);
  const [action, setAction] = useState(applied.action);
  const [from, setFrom] = useState(applied.from);
  const [to, setTo] = useState(applied.to);
  const dateOk = (text: string) => text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text);
  const filter = {
    ...(applied.actor.trim() ? { actor: applied.actor.trim() } : {}),
    ...(applied.entityType ? { entityType: applied.entityType } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.from && dateOk(applied.from) ? { from: applied.from } : {}),
    ...(applied.to && dateOk(applied.to) ? { to: applied.to } : {}),
  };
  const { data, error, loading } = useQuery(AuditLogQuery, { filter, after });
  const href = (extra: Record<string, string | null>) =>
    routes.administration('audit', {
      actor: actor.trim() || null,
      type: entityType || null,
      action: action || null,
      from: from || null,
      to: to || null,
      ...extra,
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href({ after: null }));
  };

  return (
    <>
      <h2 className="govuk-heading-m">Audit log</h2>
      <p className="govuk-body">
        Every change, newest first: who made it, when, what it was before and after, and why.
      </p>
      <form className="app-filters" onSubmit={submit} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="audit-actor"
              label="Who"
              hint="Part of a name, or api-key"
              value={actor}
              onChange={setActor}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="audit-type"
              label="Kind of record"
              value={entityType}
              onChange={setEntityType}
              options={ENTITY_OPTIONS}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="audit-action"
              label="Change"
              value={action}
              onChange={setAction}
              options={ACTION_OPTIONS}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="audit-from"
              label="From"
              hint="For example, 2026-04-01"
              value={from}
              onChange={setFrom}
              width="10"
              error={dateOk(from) ? undefined : 'Enter a date like 2026-04-01'}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="audit-to"
              label="To"
              hint="For example, 2026-06-30"
              value={to}
              onChange={setTo}
              width="10"
              error={dateOk(to) ? undefined : 'Enter a date like 2026-06-30'}
            />
          </div>
        </div>
        <Button>Apply filters</Button>
      </form>
      {error ? (
        <p className="govuk-body">{error.message}</p>
      ) : !data ? (
        <Loading what="the audit log" />
      ) : (
        <div aria-busy={loading}>
          <p className="govuk-body" role="status">
            {data.auditLog.totalCount} {data.auditLog.totalCount === 1 ? 'change' : 'changes'}
          </p>
          <table className="govuk-table" data-testid="audit-log">
            <caption className="govuk-table__caption govuk-visually-hidden">
              Changes, newest first
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  When and who
                </th>
                <th scope="col" className="govuk-table__header">
                  What
                </th>
                <th scope="col" className="govuk-table__header">
                  Changes
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {(data.auditLog.edges ?? [])
                .flatMap((edge) => (edge?.node ? [edge.node] : []))
                .map((entry) => (
                  <tr className="govuk-table__row" key={entry.id}>
                    <td className="govuk-table__cell govuk-body-s">
                      {formatDateTime(entry.at)}
                      <span className="govuk-!-display-block">{entry.actor}</span>
                    </td>
                    <td className="govuk-table__cell govuk-body-s" data-label="What">
                      {ENTITY_WORDS[entry.entityType] ?? entry.entityType}:{' '}
                      {entry.action.replace('-', ' ')}
                      {entry.period ? (
                        <span className="govuk-!-display-block app-secondary-text">
                          {entry.period}
                        </span>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell govuk-body-s" data-label="Changes">
                      <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                        {auditChanges(entry.before, entry.after).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                      {entry.note ? (
                        <p className="govuk-body-s govuk-!-margin-bottom-0">Note: {entry.note}</p>
                      ) : null}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {data.auditLog.pageInfo.hasNextPage && data.auditLog.pageInfo.endCursor ? (
            <nav
              className="govuk-pagination govuk-pagination--block"
              aria-label="Pages of the audit log"
            >
              <div className="govuk-pagination__next">
                <Link
                  className="govuk-link govuk-pagination__link"
                  to={href({ after: data.auditLog.pageInfo.endCursor })}
                  rel="next"
                >
                  <span className="govuk-pagination__link-title">Older changes</span>
                </Link>
              </div>
            </nav>
          ) : null}
        </div>
      )}
    </>
  );
}
