/**
 * Administration: API keys for partner systems (the force, councils, other offices). A new
 * key's secret is shown once, when it is made; afterwards only its start is listed.
 */
import { useState } from 'react';
import { Loading } from '../app/Page.js';
import { ErrorSummary, type FieldError, NotificationBanner, Tag } from '../govuk/content.js';
import { Button, Checkbox, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { formatDateTime } from '../work/tags.js';

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

const RevokeApiKeyMutation = graphql(
  `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey { id }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const SCOPE_WORDS: Record<string, string> = {
  READ: 'read the plan',
  WRITE_UPDATES: 'add progress updates',
};

export function ApiKeysSection() {
  const { data, error, reload } = useQuery(ApiKeysQuery, {});
  const [name, setName] = useState('');
  const [read, setRead] = useState(true);
  const [write, setWrite] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const form = useMutationForm({
    fields: { name: 'key-name', scopes: 'key-read' },
    fallback: 'key-name',
  });
  if (error) return <p className="govuk-body">{error.message}</p>;
  if (!data) return <Loading what="API keys" />;

  const create = form.submit(async () => {
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ field: 'key-name', message: 'Enter what the key is for' });
    if (!read && !write) found.push({ field: 'key-read', message: 'Select what the key may do' });
    if (found.length > 0) return found;
    const scopes = [
      ...(read ? (['READ'] as const) : []),
      ...(write ? (['WRITE_UPDATES'] as const) : []),
    ];
    const { createApiKey: result } = await request(CreateApiKeyMutation, {
      input: { name: name.trim(), scopes },
    });
    if (isFailure(result)) return result;
    setCreated({ name: result.apiKey.name, secret: result.secret });
    setName('');
    await reload();
    return null;
  });

  const revoke = (id: string) =>
    form.run(async () => {
      const { revokeApiKey: result } = await request(RevokeApiKeyMutation, { id });
      if (isFailure(result)) return result;
      await reload();
      return null;
    });

  const scopeError = form.errorFor('key-read');
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
        <ErrorSummary errors={form.errors} focusKey={form.attempt} />
        <TextInput
          id="key-name"
          label="What is it for?"
          hint="For example, Council performance dashboard"
          value={name}
          onChange={setName}
          error={form.errorFor('key-name')}
        />
        <div
          className={scopeError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}
        >
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              What may it do?
            </legend>
            {scopeError ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {scopeError}
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
        <Button disabled={form.pending}>Make the key</Button>
      </form>
    </>
  );
}
