/** Administration: the forms that change a staff account and add one. */
import { useState } from 'react';
import { ErrorSummary, type FieldError } from '../govuk/content.js';
import { Button, Checkbox, Radios, Textarea, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';

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

export function UserForm({
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
  const form = useMutationForm({
    fields: {
      name: 'user-name',
      role: 'user-role',
      ownerLabels: 'user-labels',
      disabled: 'user-disabled',
    },
    fallback: 'user-name',
  });
  const submit = form.submit(async () => {
    const { updateUser: result } = await request(UpdateUserMutation, {
      id: user.id,
      expectedVersion: user.version,
      input: { name: name.trim(), role: role as Role, ownerLabels: labelsFrom(labels), disabled },
    });
    if (isFailure(result)) return result;
    await onDone(`${result.name}’s account has been changed`);
    return null;
  });
  return (
    <form onSubmit={submit} noValidate className="app-filters">
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <h3 className="govuk-heading-s">Change {user.name}</h3>
      <TextInput
        id="user-name"
        label="Name"
        value={name}
        onChange={setName}
        error={form.errorFor('user-name')}
      />
      <Radios
        id="user-role"
        legend="Role"
        small
        value={role}
        onChange={setRole}
        options={ROLE_OPTIONS}
        error={form.errorFor('user-role')}
      />
      <Textarea
        id="user-labels"
        label="Owner labels"
        hint="The owners they answer for, one per line, as commitments and actions name them"
        rows={3}
        value={labels}
        onChange={setLabels}
        error={form.errorFor('user-labels')}
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
        <Button disabled={form.pending}>Save changes</Button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function NewUserForm({ onDone }: { onDone: (message: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('VIEWER');
  const [labels, setLabels] = useState('');
  const [password, setPassword] = useState('');
  const form = useMutationForm({
    fields: {
      name: 'new-name',
      email: 'new-email',
      role: 'new-role',
      ownerLabels: 'new-labels',
      password: 'new-password',
    },
    fallback: 'new-name',
  });
  const submit = form.submit(async () => {
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ field: 'new-name', message: 'Enter their name' });
    if (!email.trim())
      found.push({ field: 'new-email', message: 'Enter their work email address' });
    if (password.length < 12)
      found.push({
        field: 'new-password',
        message: 'The first password must be at least 12 characters',
      });
    if (found.length > 0) return found;
    const { createUser: result } = await request(CreateUserMutation, {
      input: {
        name: name.trim(),
        email: email.trim(),
        role: role as Role,
        ownerLabels: labelsFrom(labels),
        password,
      },
    });
    if (isFailure(result)) return result;
    setName('');
    setEmail('');
    setLabels('');
    setPassword('');
    await onDone(`${result.name} can now sign in`);
    return null;
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3 className="govuk-heading-m">Add a member of staff</h3>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <TextInput
        id="new-name"
        label="Name"
        hint="As the history will show it"
        value={name}
        onChange={setName}
        error={form.errorFor('new-name')}
      />
      <TextInput
        id="new-email"
        label="Work email address"
        type="email"
        spellCheck={false}
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={form.errorFor('new-email')}
      />
      <Radios
        id="new-role"
        legend="Role"
        small
        value={role}
        onChange={setRole}
        options={ROLE_OPTIONS}
        error={form.errorFor('new-role')}
      />
      <Textarea
        id="new-labels"
        label="Owner labels (optional)"
        hint="The owners they answer for, one per line. Contributors can only update work with one of these owners."
        rows={3}
        value={labels}
        onChange={setLabels}
        error={form.errorFor('new-labels')}
      />
      <TextInput
        id="new-password"
        label="First password"
        hint="At least 12 characters. Give it to them in person or by phone, not by email."
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={form.errorFor('new-password')}
      />
      <Button disabled={form.pending}>Add the account</Button>
    </form>
  );
}
