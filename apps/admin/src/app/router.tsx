/**
 * A small client-side router over the History API: the app has a dozen flat routes, so a
 * pattern table and a `Link` are all it needs. Query strings are part of the location so that
 * filters live in the URL and a view can be shared or bookmarked.
 */
import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useSyncExternalStore,
} from 'react';

const NAVIGATE_EVENT = 'app:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentHref(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** The current path and query string. Re-renders on every navigation. */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
  readonly query: URLSearchParams;
  /** Path and query, e.g. `/commitments?status=RED`. */
  readonly href: string;
}

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, currentHref, () => '/');
  const url = new URL(href, 'http://app.invalid');
  return { pathname: url.pathname, search: url.search, query: url.searchParams, href };
}

/** Goes to another page of the app. `replace` swaps the history entry (used for filters). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentHref()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** A path with a query string built from the non-empty values given. */
export function withQuery(
  pathname: string,
  params: Record<string, string | number | null | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

/** An ordinary link that navigates inside the app; modified clicks still open new tabs. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey ||
        rest.target
      ) {
        return;
      }
      event.preventDefault();
      navigate(to);
    },
    [onClick, to, rest.target],
  );
  return (
    <a href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/**
 * Matches `/commitments/:id` style patterns. Returns the named segments (decoded), or `null`.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}
