/**
 * One priority: its aims, its themes with their figures, and its commitments. A theme opens the
 * same table narrowed to that theme.
 */
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link } from '../app/router.js';
import { routes } from '../app/routes.js';
import { CommitmentTable } from '../commitment/CommitmentTable.js';
import { Breadcrumbs } from '../govuk/content.js';
import { graphql } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { usePlanSlug } from '../plan/plan.js';
import { RollUpFields } from '../rollup/rollup.js';
import { RagTag } from '../work/tags.js';

const PriorityQuery = graphql(
  `
  query Priority($slug: String!) {
    plan(slug: $slug) {
      id
      priorities {
        id
        number
        title
        aims
        outcome
        rollUp { ...RollUpFields }
        themes { id position title rollUp { ...RollUpFields } }
      }
    }
  }
`,
  [RollUpFields],
);

function usePriority(number: number) {
  const slug = usePlanSlug();
  const { data, error } = useQuery(PriorityQuery, { slug });
  return {
    error,
    loaded: data !== undefined,
    priority: data?.plan?.priorities?.find((p) => p.number === number),
  };
}

export function PriorityPage({ number }: { number: number }) {
  const slug = usePlanSlug();
  const { error, loaded, priority } = usePriority(number);
  if (error) return <FailurePage failure={error} />;
  if (!loaded)
    return (
      <Page title={`Priority ${number}`}>
        <Loading what="the priority" />
      </Page>
    );
  if (!priority) return <NotFoundPage />;
  return (
    <Page
      title={priority.title ?? `Priority ${number}`}
      caption={`Priority ${number}`}
      before={<Breadcrumbs items={[{ href: routes.dashboard(slug), text: 'Dashboard' }]} />}
    >
      {priority.aims && priority.aims.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Aims</h2>
          <ul className="govuk-list govuk-list--bullet">
            {priority.aims.map((aim) => (
              <li key={aim}>{aim}</li>
            ))}
          </ul>
        </>
      ) : null}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Themes</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Theme
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Commitments
            </th>
            <th scope="col" className="govuk-table__header">
              Rating
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Progress
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Overdue
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {(priority.themes ?? []).map((theme) => (
            <tr className="govuk-table__row" key={theme.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={routes.theme(slug, number, theme.position)}>
                  {theme.title}
                </Link>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Commitments">
                {theme.rollUp?.count ?? 0}
              </td>
              <td className="govuk-table__cell" data-label="Rating">
                <RagTag rag={theme.rollUp?.rag} />
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Progress">
                {theme.rollUp?.progressPercent ?? 0}%
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Overdue">
                {theme.rollUp?.overdue ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Commitments in this priority</h2>
      <CommitmentTable basePath={routes.priority(slug, number)} fixed={{ priority: number }} />
    </Page>
  );
}

export function ThemePage({ number, position }: { number: number; position: number }) {
  const slug = usePlanSlug();
  const { error, loaded, priority } = usePriority(number);
  const theme = priority?.themes?.find((t) => t.position === position);
  if (error) return <FailurePage failure={error} />;
  if (!loaded)
    return (
      <Page title="Theme">
        <Loading what="the theme" />
      </Page>
    );
  if (!priority || !theme) return <NotFoundPage />;
  return (
    <Page
      title={theme.title ?? 'Theme'}
      caption={`Priority ${number}: ${priority.title}`}
      before={
        <Breadcrumbs
          items={[
            { href: routes.dashboard(slug), text: 'Dashboard' },
            { href: routes.priority(slug, number), text: `Priority ${number}` },
          ]}
        />
      }
    >
      <CommitmentTable
        basePath={routes.theme(slug, number, position)}
        fixed={{ theme: theme.id }}
      />
    </Page>
  );
}
