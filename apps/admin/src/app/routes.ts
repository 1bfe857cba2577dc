/**
 * Every path of the app, in one place: the patterns the router matches (`PATTERNS`) and a typed
 * builder for each path a screen links or navigates to (`routes`). Screens never write a path
 * by hand and never import another screen to learn its address, so renaming a route or a query
 * parameter is one change here that `pnpm typecheck` follows everywhere.
 */
import { matchPath, withQuery } from './router.js';

/** Where every screen of one plan lives: `/plans/<plan slug>/commitments/1.2.3`. */
const PLAN_PREFIX = '/plans/:plan';

/**
 * The patterns the router matches, `:name` for a segment (see `matchPath`). The organisation's
 * screens (signing in and out, administration, the accessibility statement) and the home, which
 * finds the organisation's plan, sit at the top; every screen of a plan sits under its slug.
 */
export const PATTERNS = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  accessibility: '/accessibility',
  administration: '/admin',
  importPlan: '/admin/plans/import',
  // Under /admin, not /plans/: loading a revision is administration of the plan, not one of the
  // plan's screens; the `:plan` segment still puts the plan round the screen (App.tsx).
  revisePlan: '/admin/plans/:plan/revise',
  dashboard: PLAN_PREFIX,
  commitments: `${PLAN_PREFIX}/commitments`,
  commitment: `${PLAN_PREFIX}/commitments/:code`,
  commitmentUpdate: `${PLAN_PREFIX}/commitments/:code/update`,
  newAction: `${PLAN_PREFIX}/commitments/:code/actions/new`,
  action: `${PLAN_PREFIX}/actions/:id`,
  actionUpdate: `${PLAN_PREFIX}/actions/:id/update`,
  actionEdit: `${PLAN_PREFIX}/actions/:id/edit`,
  actionArchive: `${PLAN_PREFIX}/actions/:id/archive`,
  priority: `${PLAN_PREFIX}/priorities/:number`,
  theme: `${PLAN_PREFIX}/priorities/:number/themes/:position`,
  myUpdates: `${PLAN_PREFIX}/my-updates`,
  timeline: `${PLAN_PREFIX}/timeline`,
  reports: `${PLAN_PREFIX}/reports`,
} as const;

/** The tabs of a commitment's page (`?tab=`); `details` is the default and stays out of the URL. */
export const COMMITMENT_TABS = ['details', 'actions', 'measures', 'history'] as const;
export type CommitmentTab = (typeof COMMITMENT_TABS)[number];

/** The tabs of administration (`?tab=`); `users` is the default. */
export const ADMIN_TABS = ['users', 'plans', 'api-keys', 'periods', 'audit'] as const;
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

/** The start of every path of one plan's screens. */
const inPlan = (plan: string, rest = ''): string => `/plans/${segment(plan)}${rest}`;

/**
 * The path of each screen, with its query string. Every screen of a plan takes the plan's slug
 * first (screens have it from `usePlanSlug()`).
 */
export const routes = {
  /** The organisation's plans: its one plan's dashboard, a choice of plans, or none yet. */
  home: (): string => PATTERNS.home,

  /** Sign in, then go to `next` (a path of this app). */
  signIn: (options: { next?: string | null; signedOut?: boolean } = {}): string =>
    withQuery(PATTERNS.signIn, {
      next: options.next,
      'signed-out': options.signedOut ? 'yes' : null,
    }),
  signOut: (): string => PATTERNS.signOut,

  /** A plan's dashboard; `imported` announces that it has just been loaded. */
  dashboard: (plan: string, options: { imported?: boolean } = {}): string =>
    withQuery(inPlan(plan), { imported: options.imported ? 'yes' : null }),
  /** The commitments table; `query` is its filters (see commitment/filters.ts). */
  commitments: (plan: string, query: QueryValues = {}): string =>
    withQuery(inPlan(plan, '/commitments'), query),
  priority: (plan: string, number: number, query: QueryValues = {}): string =>
    withQuery(inPlan(plan, `/priorities/${number}`), query),
  theme: (plan: string, number: number, position: number, query: QueryValues = {}): string =>
    withQuery(inPlan(plan, `/priorities/${number}/themes/${position}`), query),

  commitment: (
    plan: string,
    code: string,
    options: { tab?: CommitmentTab; saved?: CommitmentSaved } = {},
  ): string =>
    withQuery(inPlan(plan, `/commitments/${segment(code)}`), {
      tab: options.tab === 'details' ? null : options.tab,
      saved: options.saved,
    }),
  commitmentUpdate: (plan: string, code: string): string =>
    inPlan(plan, `/commitments/${segment(code)}/update`),
  newAction: (plan: string, code: string): string =>
    inPlan(plan, `/commitments/${segment(code)}/actions/new`),

  action: (plan: string, id: string, options: { saved?: ActionSaved } = {}): string =>
    withQuery(inPlan(plan, `/actions/${segment(id)}`), { saved: options.saved }),
  actionUpdate: (plan: string, id: string): string =>
    inPlan(plan, `/actions/${segment(id)}/update`),
  actionEdit: (plan: string, id: string): string => inPlan(plan, `/actions/${segment(id)}/edit`),
  actionArchive: (plan: string, id: string): string =>
    inPlan(plan, `/actions/${segment(id)}/archive`),

  myUpdates: (plan: string): string => inPlan(plan, '/my-updates'),
  timeline: (plan: string): string => inPlan(plan, '/timeline'),
  /** Reports, showing the quarter's report when `period` (e.g. `2021/22 Q2`) is given. */
  reports: (plan: string, period?: string | null): string =>
    withQuery(inPlan(plan, '/reports'), { period }),
  /** A report's download, served by the API (not a screen of the app). */
  reportFile: (plan: string, periodSlug: string, extension: string): string =>
    `/reports/${segment(plan)}/${segment(periodSlug)}.${extension}`,
  accessibility: (): string => PATTERNS.accessibility,
  /** The API on the same origin: the client posts here, and a browser opens its explorer. */
  graphql: (): string => '/graphql',

  administration: (tab: AdminTab = 'users', audit: AuditLogQuery = {}): string =>
    withQuery(PATTERNS.administration, {
      tab: tab === 'users' ? null : tab,
      ...(tab === 'audit' ? audit : {}),
    }),
  /** Load a new plan from its text: preview what it creates, then import it. */
  importPlan: (): string => PATTERNS.importPlan,
  /** Load a newer text of a plan as its next revision. */
  revisePlan: (plan: string): string => `/admin/plans/${segment(plan)}/revise`,
} as const;

/**
 * A plan's screen as addressed before the plan was in the URL (`/commitments/1.2.3`, from an
 * old bookmark), as the same screen in a plan given later; `null` for any other path.
 */
export function screenBeforePlans(href: string): ((plan: string) => string) | null {
  const url = new URL(href, 'http://app.invalid');
  const old = Object.values(PATTERNS)
    .filter((pattern) => pattern.startsWith(`${PLAN_PREFIX}/`))
    .some((pattern) => matchPath(pattern.slice(PLAN_PREFIX.length), url.pathname) !== null);
  return old ? (plan) => inPlan(plan, `${url.pathname}${url.search}`) : null;
}
