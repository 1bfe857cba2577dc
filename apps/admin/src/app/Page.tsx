/**
 * What every screen shares: the browser tab title, a single `h1`, and focus on that heading after
 * moving to a new page, so screen reader and keyboard users start at the top of the new content
 * (a single-page app does not get this from the browser).
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { RequestFailure } from '../graphql/client.js';
import { useOptionalPlan } from '../plan/plan.js';
import { SERVICE_NAME } from './Layout.js';
import { Link, useLocation } from './router.js';
import { routes } from './routes.js';

let lastFocusedPath: string | null = null;

export function Page({
  title,
  caption,
  before,
  error,
  children,
  headingClass = 'govuk-heading-l',
}: {
  /** The `h1`; also the start of the tab title. */
  title: string;
  caption?: ReactNode;
  /** Back link or breadcrumbs, above the heading. */
  before?: ReactNode;
  /** Whether the page is showing an error: prefixes the tab title with "Error:" (GOV.UK pattern). */
  error?: boolean;
  children?: ReactNode;
  headingClass?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${error ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, error]);

  useEffect(() => {
    // Only on arriving at a new path: changing a filter keeps focus where the user is.
    if (lastFocusedPath === null) {
      lastFocusedPath = pathname;
      return;
    }
    if (lastFocusedPath !== pathname) {
      lastFocusedPath = pathname;
      heading.current?.focus();
    }
  }, [pathname]);

  return (
    <>
      {before}
      <h1 className={headingClass} ref={heading} tabIndex={-1}>
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        {title}
      </h1>
      {children}
    </>
  );
}

/** Back to the plan's dashboard, or on the organisation's screens to the home. */
function StartLink() {
  const plan = useOptionalPlan();
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={plan ? routes.dashboard(plan.slug) : routes.home()}>
        {plan ? 'Go to the dashboard' : 'Go to the home page'}
      </Link>
    </p>
  );
}

/** A page that could not load, in plain English. */
export function FailurePage({
  failure,
  title = 'Sorry, there is a problem',
}: {
  failure: RequestFailure;
  title?: string;
}) {
  return (
    <Page title={failure.kind === 'NOT_FOUND' ? 'Page not found' : title} error>
      <p className="govuk-body">{failure.message}</p>
      {failure.requestId ? (
        <p className="govuk-body-s">
          If you contact support, give them this reference: <code>{failure.requestId}</code>
        </p>
      ) : null}
      <StartLink />
    </Page>
  );
}

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        If you pasted the web address, check you copied the entire address.
      </p>
      <StartLink />
    </Page>
  );
}

/** Shown while a screen's data loads for the first time. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="govuk-body" role="status">
      Loading {what}…
    </p>
  );
}
