/** Administration: staff accounts, their roles and owner labels; change one, or add one. */
import { useState } from 'react';
import { Loading } from '../app/Page.js';
import { NotificationBanner, Tag } from '../govuk/content.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { roleLabel } from '../session/session.js';
import { NewUserForm, UserForm } from './UserForms.js';

const UsersQuery = graphql(`
  query Users {
    users { id name email role ownerLabels disabled version }
  }
`);

export function UsersSection() {
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
