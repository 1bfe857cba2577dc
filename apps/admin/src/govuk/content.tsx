/**
 * GOV.UK Design System components that show things (no form fields), written as React
 * components with the markup GOV.UK Frontend's own templates produce.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from '../app/router.js';

/** Tag colours GOV.UK Frontend provides. */
export type TagColour =
  | 'blue'
  | 'grey'
  | 'green'
  | 'teal'
  | 'purple'
  | 'magenta'
  | 'red'
  | 'orange'
  | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour | undefined; children: ReactNode }) {
  return (
    <strong className={colour ? `govuk-tag govuk-tag--${colour}` : 'govuk-tag'}>{children}</strong>
  );
}

export interface SummaryRow {
  readonly key: ReactNode;
  readonly value: ReactNode;
  /** An action such as "Change", with hidden text saying what is changed. */
  readonly action?:
    | { readonly href: string; readonly text: string; readonly hidden: string }
    | undefined;
}

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const anyActions = rows.some((row) => row.action);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, index) => (
        <div
          // Rows are fixed per page and never reorder.
          // biome-ignore lint/suspicious/noArrayIndexKey: static rows
          key={index}
          className={
            anyActions && !row.action
              ? 'govuk-summary-list__row govuk-summary-list__row--no-actions'
              : 'govuk-summary-list__row'
          }
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.href}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** A link to a field that has a problem. */
export interface FieldError {
  /** The id of the field (for a group of radios, of its first input). */
  readonly field: string;
  readonly message: string;
}

/**
 * The error summary: above a form that failed, with a link to each field. It takes focus when
 * it appears so screen reader and keyboard users land on it (GOV.UK pattern), and its links
 * move focus to the field itself.
 */
export function ErrorSummary({
  errors,
  focusKey,
}: {
  errors: readonly FieldError[];
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey changes on each failed submit
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [focusKey, errors.length > 0]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    const target = document.getElementById(error.field);
                    if (!target) return;
                    event.preventDefault();
                    // Show the field's label too, not just the input.
                    const group = target.closest('.govuk-form-group, fieldset') ?? target;
                    group.scrollIntoView({ block: 'start' });
                    target.focus({ preventScroll: true });
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * A notification banner. `success` banners are announced (role alert) and take focus, as
 * GOV.UK Frontend does after a completed action.
 */
export function NotificationBanner({
  type,
  title,
  heading,
  children,
  takeFocus,
}: {
  /** Move focus to the banner when it appears (success banners always do). */
  takeFocus?: boolean;
  type?: 'success' | undefined;
  title?: string | undefined;
  heading?: ReactNode;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const focus = type === 'success' || takeFocus === true;
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const titleId = `notification-banner-title-${type ?? 'important'}`;
  return (
    // GOV.UK Frontend's markup: a success banner is announced, any other is a labelled region.
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: both roles take aria-labelledby
    <div
      ref={ref}
      className={
        type === 'success'
          ? 'govuk-notification-banner govuk-notification-banner--success'
          : 'govuk-notification-banner'
      }
      role={type === 'success' ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={focus ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (type === 'success' ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** Numbered pagination: the first, last and nearby pages, with gaps shown as ellipses. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const pages = pageNumbers(page, pageCount);
  return (
    <nav className="govuk-pagination" aria-label="Pagination">
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pages.map((p, index) =>
          p === null ? (
            <li
              key={`gap-after-${pages[index - 1]}`}
              className="govuk-pagination__item govuk-pagination__item--ellipses"
            >
              &ctdot;
            </li>
          ) : (
            <li
              key={p}
              className={
                p === page
                  ? 'govuk-pagination__item govuk-pagination__item--current'
                  : 'govuk-pagination__item'
              }
            >
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(p)}
                aria-label={`Page ${p}`}
                aria-current={p === page ? 'page' : undefined}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

/** The page numbers to show: 1, the pages either side of the current one, and the last. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount, page - 1, page, page + 1]);
  const result: (number | null)[] = [];
  let previous = 0;
  for (let p = 1; p <= pageCount; p++) {
    if (!shown.has(p)) continue;
    if (p - previous > 1) result.push(null);
    result.push(p);
    previous = p;
  }
  return result;
}

/** Tabs, following GOV.UK Frontend's markup and keyboard behaviour (arrow keys move between tabs). */
export function Tabs({
  title,
  tabs,
  selected,
  onSelect,
}: {
  title: string;
  tabs: readonly { id: string; label: string; content: ReactNode }[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  const move = (delta: number) => {
    const index = tabs.findIndex((tab) => tab.id === current?.id);
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (next) {
      onSelect(next.id);
      document.getElementById(`tab_${next.id}`)?.focus();
    }
  };
  return (
    <div className="govuk-tabs">
      <h2 className="govuk-tabs__title">{title}</h2>
      {/* The roles GOV.UK Frontend's tabs script gives this markup. */}
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: tab list pattern */}
      <ul className="govuk-tabs__list" role="tablist">
        {tabs.map((tab) => (
          <li
            key={tab.id}
            className={
              tab.id === current?.id
                ? 'govuk-tabs__list-item govuk-tabs__list-item--selected'
                : 'govuk-tabs__list-item'
            }
            role="presentation"
          >
            <a
              className="govuk-tabs__tab"
              href={`#${tab.id}`}
              id={`tab_${tab.id}`}
              role="tab"
              aria-controls={tab.id}
              aria-selected={tab.id === current?.id}
              tabIndex={tab.id === current?.id ? 0 : -1}
              onClick={(event) => {
                event.preventDefault();
                onSelect(tab.id);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight') {
                  event.preventDefault();
                  move(1);
                } else if (event.key === 'ArrowLeft') {
                  event.preventDefault();
                  move(-1);
                }
              }}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
      {current ? (
        <div
          className="govuk-tabs__panel"
          id={current.id}
          role="tabpanel"
          aria-labelledby={`tab_${current.id}`}
        >
          {current.content}
        </div>
      ) : null}
    </div>
  );
}

export function BackLink({ to, children }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children ?? 'Back'}
    </Link>
  );
}

export function Breadcrumbs({ items }: { items: readonly { href: string; text: string }[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li className="govuk-breadcrumbs__list-item" key={item.href}>
            <Link className="govuk-breadcrumbs__link" to={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}
