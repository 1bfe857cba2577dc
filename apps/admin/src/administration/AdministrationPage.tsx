/**
 * Administration, for administrators only: staff accounts and their roles and owner labels, API
 * keys for partner systems (the secret is shown once), closing and reopening reporting periods,
 * and the audit log with filters kept in the URL.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { type FormEvent, useState } from 'react';
import { FailurePage, Loading, Page } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { ADMIN_TABS, type AdminTab, routes } from '../app/routes.js';
import { ErrorSummary, type FieldError, NotificationBanner, Tabs, Tag } from '../govuk/content.js';
import { Button, Checkbox, Radios, Select, Textarea, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { failureErrors, isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useQuery } from '../graphql/use-query.js';
import { PLAN_SLUG } from '../plan/plan.js';
import { roleLabel } from '../session/session.js';
import { formatDate, formatDateTime } from '../work/tags.js';

export function AdministrationPage() {
  const { query } = useLocation();
  const tab: AdminTab = (ADMIN_TABS as readonly string[]).includes(query.get('tab') ?? '')
    ? (query.get('tab') as AdminTab)
    : 'users';
  return (
    <Page title="Administration">
      <Tabs
        title="Administration"
        selected={tab}
        onSelect={(next) => navigate(routes.administration(next as AdminTab), { replace: true })}
        tabs={[
          { id: 'users', label: 'Users and roles', content: <Users /> },
          { id: 'api-keys', label: 'API keys', content: <ApiKeys /> },
          { id: 'periods', label: 'Reporting periods', content: <Periods /> },
          { id: 'audit', label: 'Audit log', content: <AuditLog /> },
        ]}
      />
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Users

const UsersQuery = graphql(`
  query Users {
    users { id name email role ownerLabels disabled version }
  }
`);

const CreateUserMutation = graphql(
  `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on User { id name }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const UpdateUserMutation = graphql(
  `
  mutation UpdateUser($id: ID!, $expectedVersion: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      ... on User { id name }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ROLE_OPTIONS = [
  { value: 'VIEWER', text: 'Viewer', hint: 'Sees everything, changes nothing' },
  { value: 'CONTRIBUTOR', text: 'Contributor', hint: 'Updates the work their owner labels name' },
  { value: 'EDITOR', text: 'Editor', hint: 'Updates all work, adds and archives delivery actions' },
  { value: 'ADMIN', text: 'Administrator', hint: 'Everything, and this page' },
] as const;

type Role = (typeof ROLE_OPTIONS)[number]['value'];

function labelsFrom(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function Users() {
  const { data, error, reload } = useQuery(UsersQuery, {});
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (error) return <p className="govuk-body">{error.message}</p>;
  if (!data) return <Loading what="users" />;
  const user = data.users.find((u) => u.id === editing);
  return (
    <>
      <h2 className="govuk-heading-m">Users and roles</h2>
      {saved ? <NotificationBanner type="success" heading={saved} /> : null}
      {user ? (
        <UserForm
          key={user.id}
          user={user}
          onDone={async (message) => {
            await reload();
            setEditing(null);
            setSaved(message);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <table className="govuk-table" data-testid="users">
        <caption className="govuk-table__caption govuk-visually-hidden">Staff accounts</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Role
            </th>
            <th scope="col" className="govuk-table__header">
              Owns
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.users.map((u) => (
            <tr className="govuk-table__row" key={u.id}>
              <td className="govuk-table__cell">
                {u.name}
                <span className="govuk-body-s govuk-!-display-block app-secondary-text">
                  {u.email}
                </span>
              </td>
              <td className="govuk-table__cell" data-label="Role">
                {roleLabel(u.role)} {u.disabled ? <Tag colour="grey">Disabled</Tag> : null}
              </td>
              <td className="govuk-table__cell govuk-body-s" data-label="Owns">
                {u.ownerLabels.join(', ') || 'Nothing'}
              </td>
              <td className="govuk-table__cell">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => setEditing(u.id)}
                >
                  Change<span className="govuk-visually-hidden"> {u.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm
        onDone={async (message) => {
          await reload();
          setSaved(message);
        }}
      />
    </>
  );
}

function UserForm({
  user,
  onDone,
  onCancel,
}: {
  user: {
    id: string;
    name: string;
    role: Role;
    ownerLabels: string[];
    disabled: boolean;
    version: number;
  };
  onDone: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<string>(user.role);
  const [labels, setLabels] = useState(user.ownerLabels.join('\n'));
  const [disabled, setDisabled] = useState(user.disabled);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { updateUser: result } = await request(UpdateUserMutation, {
      id: user.id,
      expectedVersion: user.version,
      input: { name: name.trim(), role: role as Role, ownerLabels: labelsFrom(labels), disabled },
    });
    if (isFailure(result)) {
      setErrors(
        failureErrors(
          result,
          {
            name: 'user-name',
            role: 'user-role',
            ownerLabels: 'user-labels',
            disabled: 'user-disabled',
          },
          'user-name',
        ),
      );
      setAttempt((n) => n + 1);
      return;
    }
    await onDone(`${result.name}’s account has been changed`);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate className="app-filters">
      <ErrorSummary errors={errors} focusKey={attempt} />
      <h3 className="govuk-heading-s">Change {user.name}</h3>
      <TextInput
        id="user-name"
        label="Name"
        value={name}
        onChange={setName}
        error={errorFor('user-name')}
      />
      <Radios
        id="user-role"
        legend="Role"
        small
        value={role}
        onChange={setRole}
        options={ROLE_OPTIONS}
        error={errorFor('user-role')}
      />
      <Textarea
        id="user-labels"
        label="Owner labels"
        hint="The owners they answer for, one per line, as commitments and actions name them"
        rows={3}
        value={labels}
        onChange={setLabels}
        error={errorFor('user-labels')}
      />
      <div className="govuk-form-group">
        <Checkbox
          id="user-disabled"
          label="Stop them signing in"
          checked={disabled}
          onChange={setDisabled}
        />
      </div>
      <div className="govuk-button-group">
        <Button>Save changes</Button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewUserForm({ onDone }: { onDone: (message: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('VIEWER');
  const [labels, setLabels] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ field: 'new-name', message: 'Enter their name' });
    if (!email.trim())
      found.push({ field: 'new-email', message: 'Enter their work email address' });
    if (password.length < 12)
      found.push({
        field: 'new-password',
        message: 'The first password must be at least 12 characters',
      });
    if (found.length === 0) {
      const { createUser: result } = await request(CreateUserMutation, {
        input: {
          name: name.trim(),
          email: email.trim(),
          role: role as Role,
          ownerLabels: labelsFrom(labels),
          password,
        },
      });
      if (!isFailure(result)) {
        setName('');
        setEmail('');
        setLabels('');
        setPassword('');
        setErrors([]);
        await onDone(`${result.name} can now sign in`);
        return;
      }
      found.push(
        ...failureErrors(
          result,
          {
            name: 'new-name',
            email: 'new-email',
            role: 'new-role',
            ownerLabels: 'new-labels',
            password: 'new-password',
          },
          'new-name',
        ),
      );
    }
    setErrors(found);
    setAttempt((n) => n + 1);
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3 className="govuk-heading-m">Add a member of staff</h3>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <TextInput
        id="new-name"
        label="Name"
        hint="As the history will show it"
        value={name}
        onChange={setName}
        error={errorFor('new-name')}
      />
      <TextInput
        id="new-email"
        label="Work email address"
        type="email"
        spellCheck={false}
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errorFor('new-email')}
      />
      <Radios
        id="new-role"
        legend="Role"
        small
        value={role}
        onChange={setRole}
        options={ROLE_OPTIONS}
        error={errorFor('new-role')}
      />
      <Textarea
        id="new-labels"
        label="Owner labels (optional)"
        hint="The owners they answer for, one per line. Contributors can only update work with one of these owners."
        rows={3}
        value={labels}
        onChange={setLabels}
        error={errorFor('new-labels')}
      />
      <TextInput
        id="new-password"
        label="First password"
        hint="At least 12 characters. Give it to them in person or by phone, not by email."
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errorFor('new-password')}
      />
      <Button>Add the account</Button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// API keys

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt expiresAt }
  }
`);

const CreateApiKeyMutation = graphql(
  `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreatedApiKey { secret apiKey { id name } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey { id }
      ... on ForbiddenError { message }
      ... on NotFoundError { message }
    }
  }
`);

const SCOPE_WORDS: Record<string, string> = {
  READ: 'read the plan',
  WRITE_UPDATES: 'add progress updates',
};

function ApiKeys() {
  const { data, error, reload } = useQuery(ApiKeysQuery, {});
  const [name, setName] = useState('');
  const [read, setRead] = useState(true);
  const [write, setWrite] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  if (error) return <p className="govuk-body">{error.message}</p>;
  if (!data) return <Loading what="API keys" />;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ field: 'key-name', message: 'Enter what the key is for' });
    if (!read && !write) found.push({ field: 'key-read', message: 'Select what the key may do' });
    if (found.length === 0) {
      const scopes = [
        ...(read ? (['READ'] as const) : []),
        ...(write ? (['WRITE_UPDATES'] as const) : []),
      ];
      const { createApiKey: result } = await request(CreateApiKeyMutation, {
        input: { name: name.trim(), scopes },
      });
      if (!isFailure(result)) {
        setCreated({ name: result.apiKey.name, secret: result.secret });
        setName('');
        setErrors([]);
        await reload();
        return;
      }
      found.push(...failureErrors(result, { name: 'key-name', scopes: 'key-read' }, 'key-name'));
    }
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const revoke = async (id: string) => {
    await request(RevokeApiKeyMutation, { id });
    await reload();
  };

  return (
    <>
      <h2 className="govuk-heading-m">API keys</h2>
      <p className="govuk-body">
        Partner systems (the force, councils, other offices) use API keys to read the plan and add
        progress updates.
      </p>
      {created ? (
        <NotificationBanner type="success" heading={`The key “${created.name}” has been made`}>
          <p className="govuk-body">
            Copy it now and give it to the partner securely. You will not be able to see it again.
          </p>
          <p className="govuk-body">
            <code className="app-secret" data-testid="api-key-secret">
              {created.secret}
            </code>
          </p>
        </NotificationBanner>
      ) : null}
      {data.apiKeys.length === 0 ? (
        <p className="govuk-body">There are no API keys yet.</p>
      ) : (
        <table className="govuk-table" data-testid="api-keys">
          <caption className="govuk-table__caption govuk-visually-hidden">
            API keys, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                May
              </th>
              <th scope="col" className="govuk-table__header">
                Last used
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.apiKeys.map((key) => (
              <tr className="govuk-table__row" key={key.id}>
                <td className="govuk-table__cell">
                  {key.name}
                  <span className="govuk-body-s govuk-!-display-block app-secondary-text">
                    Starts {key.prefix}, made {formatDateTime(key.createdAt)}
                  </span>
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="May">
                  {key.scopes.map((s) => SCOPE_WORDS[s] ?? s).join(' and ')}
                </td>
                <td className="govuk-table__cell govuk-body-s" data-label="Last used">
                  {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}
                </td>
                <td className="govuk-table__cell">
                  {key.revokedAt ? (
                    <Tag colour="grey">Revoked</Tag>
                  ) : (
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      onClick={() => void revoke(key.id)}
                    >
                      Revoke<span className="govuk-visually-hidden"> {key.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={create} noValidate>
        <h3 className="govuk-heading-m">Make a new key</h3>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <TextInput
          id="key-name"
          label="What is it for?"
          hint="For example, Dorset Council performance dashboard"
          value={name}
          onChange={setName}
          error={errors.find((e) => e.field === 'key-name')?.message}
        />
        <div
          className={
            errors.some((e) => e.field === 'key-read')
              ? 'govuk-form-group govuk-form-group--error'
              : 'govuk-form-group'
          }
        >
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              What may it do?
            </legend>
            {errors.some((e) => e.field === 'key-read') ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> Select what the key may do
              </p>
            ) : null}
            <Checkbox id="key-read" label="Read the plan" checked={read} onChange={setRead} />
            <Checkbox
              id="key-write"
              label="Add progress updates"
              checked={write}
              onChange={setWrite}
            />
          </fieldset>
        </div>
        <Button>Make the key</Button>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Reporting periods

const PeriodsQuery = graphql(`
  query AdminPeriods($slug: String!) {
    plan(slug: $slug) { id reportingPeriods { id label startDate endDate closed closedAt version } }
  }
`);

const ClosePeriodMutation = graphql(
  `
  mutation ClosePeriod($label: String!, $expectedVersion: Int) {
    closeReportingPeriod(label: $label, expectedVersion: $expectedVersion) {
      __typename
      ... on ReportingPeriod { id label }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ReopenPeriodMutation = graphql(
  `
  mutation ReopenPeriod($label: String!, $expectedVersion: Int!, $reason: String!) {
    reopenReportingPeriod(label: $label, expectedVersion: $expectedVersion, reason: $reason) {
      __typename
      ... on ReportingPeriod { id label }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

function Periods() {
  const { data, error, reload } = useQuery(PeriodsQuery, { slug: PLAN_SLUG });
  const [message, setMessage] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  if (error) return <FailurePage failure={error} />;
  if (!data?.plan) return <Loading what="reporting periods" />;
  const today = todayInPlanTimeZone();
  const periods = data.plan.reportingPeriods.filter((p) => p.startDate <= today).reverse();

  const close = async (label: string, version: number | null) => {
    const { closeReportingPeriod: result } = await request(ClosePeriodMutation, {
      label,
      expectedVersion: version,
    });
    if (isFailure(result)) {
      setErrors(failureErrors(result, {}, `period-${label}`));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    setMessage(`${label} is closed: its updates are locked`);
    await reload();
  };

  const reopen = async (event: FormEvent, label: string, version: number | null) => {
    event.preventDefault();
    if (!reason.trim() || version === null) {
      setErrors([{ field: 'reopen-reason', message: `Enter why ${label} is being reopened` }]);
      setAttempt((n) => n + 1);
      return;
    }
    const { reopenReportingPeriod: result } = await request(ReopenPeriodMutation, {
      label,
      expectedVersion: version,
      reason: reason.trim(),
    });
    if (isFailure(result)) {
      setErrors(failureErrors(result, { reason: 'reopen-reason' }, 'reopen-reason'));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    setReopening(null);
    setReason('');
    setMessage(`${label} is open again`);
    await reload();
  };

  return (
    <>
      <h2 className="govuk-heading-m">Reporting periods</h2>
      <p className="govuk-body">
        Close a quarter once its monitoring report has gone to the Panel: nobody can then change
        what it says.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {message ? <NotificationBanner type="success" heading={message} /> : null}
      <table className="govuk-table" data-testid="periods">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Reporting periods so far, newest first
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Quarter
            </th>
            <th scope="col" className="govuk-table__header">
              State
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Close or reopen</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {periods.map((p) => (
            <tr className="govuk-table__row" key={p.id} id={`period-${p.label}`} tabIndex={-1}>
              <th scope="row" className="govuk-table__header">
                {p.label}
                <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">
                  {formatDate(p.startDate)} to {formatDate(p.endDate)}
                </span>
              </th>
              <td className="govuk-table__cell" data-label="State">
                {p.closed ? (
                  <>
                    <Tag colour="grey">Closed</Tag>
                    {p.closedAt ? (
                      <span className="govuk-body-s govuk-!-display-block">
                        {formatDateTime(p.closedAt)}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <Tag colour="green">Open</Tag>
                )}
              </td>
              <td className="govuk-table__cell">
                {!p.closed ? (
                  p.endDate < today ? (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => void close(p.label, p.version)}
                    >
                      Close<span className="govuk-visually-hidden"> {p.label}</span>
                    </button>
                  ) : (
                    <span className="govuk-body-s app-secondary-text">
                      Can be closed after {formatDate(p.endDate)}
                    </span>
                  )
                ) : reopening === p.label ? (
                  <form onSubmit={(event) => void reopen(event, p.label, p.version)} noValidate>
                    <TextInput
                      id="reopen-reason"
                      label={`Why reopen ${p.label}?`}
                      value={reason}
                      onChange={setReason}
                      error={errors.find((e) => e.field === 'reopen-reason')?.message}
                    />
                    <Button secondary>Reopen {p.label}</Button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => setReopening(p.label)}
                  >
                    Reopen<span className="govuk-visually-hidden"> {p.label}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Audit log

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

function AuditLog() {
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
