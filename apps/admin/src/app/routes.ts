/**
 * Every path of the app, in one place: the patterns the router matches (`PATTERNS`) and a typed
 * builder for each path a screen links or navigates to (`routes`). Screens never write a path
 * by hand and never import another screen to learn its address, so renaming a route or a query
 * parameter is one change here that `pnpm typecheck` follows everywhere.
 */
import { withQuery } from './router.js';

/** The patterns the router matches, `:name` for a segment (see `matchPath`). */
export const PATTERNS = {
  dashboard: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  commitments: '/commitments',
  commitment: '/commitments/:code',
  commitmentUpdate: '/commitments/:code/update',
  newAction: '/commitments/:code/actions/new',
  action: '/actions/:id',
  actionUpdate: '/actions/:id/update',
  actionEdit: '/actions/:id/edit',
  actionArchive: '/actions/:id/archive',
  priority: '/priorities/:number',
  theme: '/priorities/:number/themes/:position',
  myUpdates: '/my-updates',
  timeline: '/timeline',
  reports: '/reports',
  accessibility: '/accessibility',
  administration: '/admin',
} as const;

/** The tabs of a commitment's page (`?tab=`); `details` is the default and stays out of the URL. */
export const COMMITMENT_TABS = ['details', 'actions', 'measures', 'history'] as const;
export type CommitmentTab = (typeof COMMITMENT_TABS)[number];

/** The tabs of administration (`?tab=`); `users` is the default. */
export const ADMIN_TABS = ['users', 'api-keys', 'periods', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/** What a commitment's page announces after a save (`?saved=`). */
export type CommitmentSaved = 'update' | 'archived';

/** What a delivery action's page announces after a save (`?saved=`). */
export type ActionSaved =
  | 'created'
  | 'update'
  | 'details'
  | 'completed'
  | 'milestone'
  | 'milestone-completed'
  | 'milestone-archived';

/** The audit log's filters, as the URL keeps them. */
export interface AuditLogQuery {
  readonly actor?: string | null;
  readonly type?: string | null;
  readonly action?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  /** The cursor of the page to show. */
  readonly after?: string | null;
}

type QueryValues = Readonly<Record<string, string | number | null | undefined>>;

const segment = encodeURIComponent;

/** The path of each screen, with its query string. */
export const routes = {
  dashboard: (): string => PATTERNS.dashboard,

  /** Sign in, then go to `next` (a path of this app). */
  signIn: (options: { next?: string | null; signedOut?: boolean } = {}): string =>
    withQuery(PATTERNS.signIn, {
      next: options.next,
      'signed-out': options.signedOut ? 'yes' : null,
    }),
  signOut: (): string => PATTERNS.signOut,

  /** The commitments table; `query` is its filters (see commitment/filters.ts). */
  commitments: (query: QueryValues = {}): string => withQuery(PATTERNS.commitments, query),
  priority: (number: number, query: QueryValues = {}): string =>
    withQuery(`/priorities/${number}`, query),
  theme: (number: number, position: number, query: QueryValues = {}): string =>
    withQuery(`/priorities/${number}/themes/${position}`, query),

  commitment: (
    code: string,
    options: { tab?: CommitmentTab; saved?: CommitmentSaved } = {},
  ): string =>
    withQuery(`/commitments/${segment(code)}`, {
      tab: options.tab === 'details' ? null : options.tab,
      saved: options.saved,
    }),
  commitmentUpdate: (code: string): string => `/commitments/${segment(code)}/update`,
  newAction: (code: string): string => `/commitments/${segment(code)}/actions/new`,

  action: (id: string, options: { saved?: ActionSaved } = {}): string =>
    withQuery(`/actions/${segment(id)}`, { saved: options.saved }),
  actionUpdate: (id: string): string => `/actions/${segment(id)}/update`,
  actionEdit: (id: string): string => `/actions/${segment(id)}/edit`,
  actionArchive: (id: string): string => `/actions/${segment(id)}/archive`,

  myUpdates: (): string => PATTERNS.myUpdates,
  timeline: (): string => PATTERNS.timeline,
  /** Reports, showing the quarter's report when `period` (e.g. `2021/22 Q2`) is given. */
  reports: (period?: string | null): string => withQuery(PATTERNS.reports, { period }),
  /** A report's download, served by the API (not a screen of the app). */
  reportFile: (planSlug: string, periodSlug: string, extension: string): string =>
    `/reports/${segment(planSlug)}/${segment(periodSlug)}.${extension}`,
  accessibility: (): string => PATTERNS.accessibility,
  /** The API on the same origin: the client posts here, and a browser opens its explorer. */
  graphql: (): string => '/graphql',

  administration: (tab: AdminTab = 'users', audit: AuditLogQuery = {}): string =>
    withQuery(PATTERNS.administration, {
      tab: tab === 'users' ? null : tab,
      ...(tab === 'audit' ? audit : {}),
    }),
} as const;
