/** A commitment's delivery actions, each a summary card with its milestones. */
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { SummaryList } from '../govuk/content.js';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';
import { usePlanSlug } from '../plan/plan.js';
import { formatDate, OverdueTag, RagTag, StatusTag } from '../work/tags.js';

export const ActionsFields = graphql(`
  fragment CommitmentActionsFields on Commitment {
    code
    actions {
      id
      title
      description
      owner
      status
      rag
      startDate
      dueDate
      completedOn
      progressPercent
      overdue
      milestones { id title dueDate completedOn }
    }
  }
`);

export function ActionsTab({
  commitment,
  mayEdit,
  mayAdd,
}: {
  commitment: FragmentOf<typeof ActionsFields>;
  mayEdit: boolean;
  mayAdd: boolean;
}) {
  const slug = usePlanSlug();
  const c = readFragment(ActionsFields, commitment);
  return (
    <>
      <h2 className="govuk-heading-m">Delivery actions</h2>
      {c.actions.length === 0 ? (
        <p className="govuk-body">This commitment has no delivery actions yet.</p>
      ) : null}
      {c.actions.map((action) => (
        <div className="govuk-summary-card" key={action.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{action.title}</h3>
            {mayEdit || mayAdd ? (
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <Link className="govuk-link" to={routes.action(slug, action.id)}>
                    Change<span className="govuk-visually-hidden"> {action.title}</span>
                  </Link>
                </li>
              </ul>
            ) : null}
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList
              rows={[
                ...(action.description ? [{ key: 'Description', value: action.description }] : []),
                { key: 'Owner', value: action.owner ?? 'Not set' },
                {
                  key: 'Status',
                  value: (
                    <>
                      <StatusTag status={action.status} /> <RagTag rag={action.rag} />
                    </>
                  ),
                },
                { key: 'Progress', value: `${action.progressPercent}%` },
                {
                  key: 'Dates',
                  value: (
                    <>
                      {formatDate(action.startDate)} to {formatDate(action.dueDate)}{' '}
                      {action.overdue ? <OverdueTag /> : null}
                      {action.completedOn ? (
                        <> (completed {formatDate(action.completedOn)})</>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: 'Milestones',
                  value:
                    action.milestones.length === 0 ? (
                      'None'
                    ) : (
                      <ul className="govuk-list">
                        {action.milestones.map((m) => (
                          <li key={m.id}>
                            {m.title}:{' '}
                            {m.completedOn
                              ? `completed ${formatDate(m.completedOn)}`
                              : `due ${formatDate(m.dueDate)}`}
                          </li>
                        ))}
                      </ul>
                    ),
                },
              ]}
            />
          </div>
        </div>
      ))}
      {mayAdd ? (
        <Link className="govuk-button govuk-button--secondary" to={routes.newAction(slug, c.code)}>
          Add a delivery action
        </Link>
      ) : null}
    </>
  );
}
