/**
 * The routes. Everything except signing in needs a signed-in member of staff; administration
 * needs an administrator. Screens check finer permissions (who may edit what) themselves.
 * A plan's screens (`/plans/:plan/...`) open only for a plan of the viewer's organisation, with
 * that plan round them (`PlanScope`).
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { EditActionPage, NewActionPage } from '../action/ActionFormPage.js';
import { ActionPage } from '../action/ActionPage.js';
import { ActionUpdatePage } from '../action/ActionUpdatePage.js';
import { ArchiveActionPage } from '../action/ArchiveActionPage.js';
import { AdministrationPage } from '../administration/AdministrationPage.js';
import { CommitmentPage } from '../commitment/CommitmentPage.js';
import { CommitmentsPage } from '../commitment/CommitmentsPage.js';
import { UpdatePage } from '../commitment/UpdatePage.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { MyUpdatesPage } from '../my-updates/MyUpdatesPage.js';
import { HomePage } from '../plan/HomePage.js';
import { PlanScope, type PlanSummary } from '../plan/plan.js';
import { ImportPlanPage } from '../plan-loading/ImportPlanPage.js';
import { RevisePlanPage } from '../plan-loading/RevisePlanPage.js';
import { PriorityPage, ThemePage } from '../priority/PriorityPage.js';
import { ReportsPage } from '../report/ReportsPage.js';
import { SignInPage, SignOutPage } from '../session/SignInPage.js';
import {
  organisationPlans,
  roleLabel,
  SessionProvider,
  useSession,
  type Viewer,
} from '../session/session.js';
import { TimelinePage } from '../timeline/TimelinePage.js';
import { AccessibilityPage } from './AccessibilityPage.js';
import { Layout, type NavItem } from './Layout.js';
import { Loading, NotFoundPage, Page } from './Page.js';
import { matchPath, navigate, useLocation } from './router.js';
import { PATTERNS, routes, screenBeforePlans } from './routes.js';

type Route = {
  readonly pattern: string;
  readonly render: (params: Record<string, string>, viewer: Viewer) => ReactNode;
  readonly adminOnly?: boolean;
};

const ROUTES: readonly Route[] = [
  { pattern: PATTERNS.home, render: () => <HomePage /> },
  { pattern: PATTERNS.dashboard, render: () => <DashboardPage /> },
  { pattern: PATTERNS.commitments, render: () => <CommitmentsPage /> },
  { pattern: PATTERNS.commitment, render: (p) => <CommitmentPage code={p.code as string} /> },
  { pattern: PATTERNS.commitmentUpdate, render: (p) => <UpdatePage code={p.code as string} /> },
  { pattern: PATTERNS.newAction, render: (p) => <NewActionPage code={p.code as string} /> },
  { pattern: PATTERNS.action, render: (p) => <ActionPage id={p.id as string} /> },
  { pattern: PATTERNS.actionUpdate, render: (p) => <ActionUpdatePage id={p.id as string} /> },
  { pattern: PATTERNS.actionEdit, render: (p) => <EditActionPage id={p.id as string} /> },
  { pattern: PATTERNS.actionArchive, render: (p) => <ArchiveActionPage id={p.id as string} /> },
  { pattern: PATTERNS.myUpdates, render: () => <MyUpdatesPage /> },
  { pattern: PATTERNS.timeline, render: () => <TimelinePage /> },
  { pattern: PATTERNS.reports, render: () => <ReportsPage /> },
  { pattern: PATTERNS.accessibility, render: () => <AccessibilityPage /> },
  { pattern: PATTERNS.administration, render: () => <AdministrationPage />, adminOnly: true },
  { pattern: PATTERNS.importPlan, render: () => <ImportPlanPage />, adminOnly: true },
  { pattern: PATTERNS.revisePlan, render: () => <RevisePlanPage />, adminOnly: true },
  { pattern: PATTERNS.priority, render: (p) => <PriorityPage number={Number(p.number)} /> },
  {
    pattern: PATTERNS.theme,
    render: (p) => <ThemePage number={Number(p.number)} position={Number(p.position)} />,
  },
];

/**
 * The menu: a plan's screens when the page is in a plan, or the organisation has only one; the
 * choice of plans when it has several and the page is in none.
 */
function navigationFor(viewer: Viewer, plan: PlanSummary | null, planCount: number): NavItem[] {
  const planItems: NavItem[] = plan
    ? [
        { href: routes.dashboard(plan.slug), text: 'Dashboard', exact: true },
        { href: routes.commitments(plan.slug), text: 'Commitments' },
        { href: routes.myUpdates(plan.slug), text: 'My updates' },
        { href: routes.timeline(plan.slug), text: 'Timeline' },
        { href: routes.reports(plan.slug), text: 'Reports' },
      ]
    : planCount > 1
      ? [{ href: routes.home(), text: 'Plans' }]
      : [];
  return [
    ...planItems,
    ...(viewer.role === 'ADMIN' ? [{ href: routes.administration(), text: 'Administration' }] : []),
  ];
}

function RedirectToSignIn() {
  const { href } = useLocation();
  useEffect(() => {
    navigate(routes.signIn({ next: href === '/' ? null : href }), { replace: true });
  }, [href]);
  return null;
}

function Screens() {
  const { state } = useSession();
  const { pathname, href } = useLocation();

  if (pathname === PATTERNS.signIn) {
    return (
      <Layout navigation={[]} user={null}>
        <SignInPage />
      </Layout>
    );
  }
  if (state.status === 'loading') {
    return (
      <Layout navigation={[]} user={null}>
        <Loading what="the tracker" />
      </Layout>
    );
  }
  if (pathname === PATTERNS.signOut) {
    return (
      <Layout navigation={[]} user={null}>
        <SignOutPage />
      </Layout>
    );
  }
  if (state.status === 'signed-out') return <RedirectToSignIn />;

  const { viewer } = state;
  const plans = organisationPlans(viewer);
  let plan: PlanSummary | null = null;
  let content: ReactNode | undefined;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    if (params.plan !== undefined) {
      plan = plans.find((p) => p.slug === params.plan) ?? null;
      // Not a plan of the viewer's organisation: nothing here to show them.
      if (!plan) break;
    }
    content =
      route.adminOnly && viewer.role !== 'ADMIN' ? (
        <Page title="You do not have permission to see this page">
          <p className="govuk-body">Only administrators of the tracker can use this page.</p>
        </Page>
      ) : (
        route.render(params, viewer)
      );
    break;
  }
  if (content === undefined) {
    const oldAddress = screenBeforePlans(href);
    content = oldAddress ? <HomePage oldAddress={oldAddress} /> : <NotFoundPage />;
  }
  const menuPlan = plan ?? (plans.length === 1 ? (plans[0] ?? null) : null);
  return (
    <Layout
      navigation={navigationFor(viewer, menuPlan, plans.length)}
      user={{ name: viewer.name, roleLabel: viewer.role ? roleLabel(viewer.role) : 'staff' }}
      organisationName={viewer.organisation?.name ?? null}
      plan={
        plan ? { title: plan.title, changeHref: plans.length > 1 ? routes.home() : null } : null
      }
    >
      {/* A new page gets fresh state: forms and filters never leak from one page to the next. */}
      <div key={pathname}>{plan ? <PlanScope plan={plan}>{content}</PlanScope> : content}</div>
    </Layout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  );
}
