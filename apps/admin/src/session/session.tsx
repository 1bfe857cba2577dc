/**
 * Who is signed in. The API keeps the session in an HttpOnly cookie the app cannot read, so the
 * app asks `viewer` at start, when the window regains focus, every few minutes, and whenever a
 * request is refused. A session that ends while someone is working is reported as "your
 * session has ended" (not as a blank "sign in" page), and they come back to where they were.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { navigate } from '../app/router.js';
import { routes } from '../app/routes.js';
import { onRequestFailure, request } from '../graphql/client.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { type PlanSummary, PlanSummaryFields, readPlans } from '../plan/plan.js';

/**
 * Who is signed in, their organisation and its plans: what every screen needs before it opens
 * (the header's name, the home's choice of plan).
 */
export const ViewerFields = graphql(
  `
  fragment ViewerFields on Viewer {
    kind
    name
    email
    role
    ownerLabels
    organisation { id name plans { ...PlanSummaryFields } }
  }
`,
  [PlanSummaryFields],
);

export const ViewerQuery = graphql(
  `
  query Viewer {
    viewer { ...ViewerFields }
  }
`,
  [ViewerFields],
);

export type Viewer = ResultOf<typeof ViewerFields>;
export type Role = NonNullable<Viewer['role']>;

const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'administrator',
  EDITOR: 'editor',
  CONTRIBUTOR: 'contributor',
  VIEWER: 'viewer',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** Remembered for this browser tab only, so a later visit does not claim a session "ended". */
const SIGNED_IN_FLAG = 'plan-tracker:signed-in';
const RECHECK_MS = 5 * 60_000;

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly viewer: Viewer };

interface SessionApi {
  readonly state: SessionState;
  /** After a successful sign-in. */
  readonly signedIn: (viewer: Viewer) => void;
  readonly signOut: () => Promise<void>;
  /** Asks the API again who is signed in; reports an ended session. */
  readonly recheck: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession needs a SessionProvider.');
  return api;
}

/** The signed-in person; only for screens behind the sign-in. */
export function useViewer(): Viewer {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('No one is signed in.');
  return state.viewer;
}

/** The plans of the signed-in person's organisation, newest first. */
export function organisationPlans(viewer: Viewer): PlanSummary[] {
  return readPlans(viewer.organisation?.plans ?? []);
}

function sessionEnded(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  navigate(routes.signIn({ next: here.startsWith('/sign-') ? null : here }), {
    replace: true,
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const current = useRef(state);
  current.current = state;

  const recheck = useCallback(async () => {
    let viewer: Viewer;
    try {
      viewer = (await request(ViewerQuery)).viewer;
    } catch {
      return; // the network: keep what we had, the screen shows its own error
    }
    if (viewer.kind === 'USER') {
      sessionStorage.setItem(SIGNED_IN_FLAG, '1');
      setState({ status: 'signed-in', viewer });
      return;
    }
    const wasSignedIn = sessionStorage.getItem(SIGNED_IN_FLAG) === '1';
    sessionStorage.removeItem(SIGNED_IN_FLAG);
    const wasWorking = current.current.status === 'signed-in';
    setState({ status: 'signed-out', expired: wasSignedIn || wasWorking });
    if (wasWorking) sessionEnded();
  }, []);

  useEffect(() => {
    void recheck();
    const onFocus = () => {
      if (document.visibilityState === 'visible') void recheck();
    };
    document.addEventListener('visibilitychange', onFocus);
    const timer = window.setInterval(() => void recheck(), RECHECK_MS);
    const stopListening = onRequestFailure((failure) => {
      if (failure.kind === 'UNAUTHENTICATED' || failure.kind === 'FORBIDDEN') void recheck();
    });
    return () => {
      document.removeEventListener('visibilitychange', onFocus);
      window.clearInterval(timer);
      stopListening();
    };
  }, [recheck]);

  const api = useMemo<SessionApi>(
    () => ({
      state,
      recheck,
      signedIn: (viewer) => {
        sessionStorage.setItem(SIGNED_IN_FLAG, '1');
        setState({ status: 'signed-in', viewer });
      },
      signOut: async () => {
        sessionStorage.removeItem(SIGNED_IN_FLAG);
        try {
          await request(SignOutMutation);
        } finally {
          setState({ status: 'signed-out', expired: false });
        }
      },
    }),
    [state, recheck],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);
