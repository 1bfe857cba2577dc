/**
 * Sign in with a work email address and password. Says plainly when the details are wrong and
 * when an earlier session has ended, and returns the person to the page they were on.
 */
import { useEffect, useRef, useState } from 'react';
import { Page } from '../app/Page.js';
import { navigate, useLocation } from '../app/router.js';
import { routes } from '../app/routes.js';
import { ErrorSummary, type FieldError, NotificationBanner } from '../govuk/content.js';
import { Button, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useSession, ViewerQuery } from './session.js';

const SignInMutation = graphql(
  `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInPayload { expiresAt }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-')) return '/';
  return next;
}

export function SignInPage() {
  const { state, signedIn } = useSession();
  const { query } = useLocation();
  const next = safeNext(query.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useMutationForm({
    fields: (path) => (path.includes('password') ? 'password' : 'email'),
    fallback: 'email',
    // Signed out already: a refusal here is the wrong details, not an ended session.
    recheckOnForbidden: false,
    onFailure: (failure) => {
      setPassword('');
      if (failure.code === 'VALIDATION') return null;
      // Same words for a wrong email and a wrong password, so neither gives the other away.
      return [
        {
          field: 'email',
          message: 'The email address or password is not right. Check them and try again.',
        },
      ];
    },
  });

  useEffect(() => {
    if (state.status === 'signed-in') navigate(next, { replace: true });
  }, [state.status, next]);

  const expired = state.status === 'signed-out' && state.expired;
  const signedOut = query.get('signed-out') === 'yes';
  const { errors, errorFor } = form;

  const submit = form.submit(async () => {
    const found: FieldError[] = [];
    if (!email.trim()) found.push({ field: 'email', message: 'Enter your email address' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    if (found.length > 0) return found;
    const { signIn } = await request(SignInMutation, {
      input: { email: email.trim(), password },
    });
    if (isFailure(signIn)) return signIn;
    // Asked again, as the new session: the API works out the sign-in's own `viewer` before the
    // session begins, so its organisation's plans there are only the published ones.
    const { viewer } = await request(ViewerQuery);
    signedIn(viewer);
    navigate(next, { replace: true });
    return null;
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.attempt} />
        {expired && errors.length === 0 ? (
          <NotificationBanner title="Important" heading="Your session has ended">
            <p className="govuk-body">
              For your security, you are signed out after a time. Sign in again to carry on where
              you left off.
            </p>
          </NotificationBanner>
        ) : null}
        {signedOut && !expired && errors.length === 0 ? (
          <NotificationBanner type="success" heading="You have signed out" />
        ) : null}
        <Page title="Sign in to the plan delivery tracker" error={errors.length > 0}>
          <p className="govuk-body">For staff of the office that keeps the plan.</p>
          <form onSubmit={submit} noValidate>
            <TextInput
              id="email"
              label="Email address"
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={errorFor('email')}
            />
            <TextInput
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errorFor('password')}
            />
            <Button disabled={form.pending}>Sign in</Button>
          </form>
          <p className="govuk-body">
            If you have forgotten your password, ask an administrator of the tracker to reset it.
          </p>
        </Page>
      </div>
    </div>
  );
}

/** Signs out as soon as it is opened, then shows the sign-in page with a confirmation. */
export function SignOutPage() {
  const { signOut } = useSession();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signOut().finally(() => navigate(routes.signIn({ signedOut: true }), { replace: true }));
  }, [signOut]);
  return (
    <Page title="Signing out">
      <p className="govuk-body" role="status">
        Signing you out…
      </p>
    </Page>
  );
}
