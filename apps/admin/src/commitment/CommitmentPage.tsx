/**
 * One commitment: what it says and where it stands (summary list), its delivery actions with
 * their milestones, the measures of its priority, and its history as a timeline. Edit controls
 * appear only for people who may use them.
 */
import { lifecycleStatusLabel, ragLabel } from '@plan-tracker/domain';
import { FailurePage, Loading, NotFoundPage, Page } from '../app/Page.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { COMMITMENT_TABS, type CommitmentTab, routes } from '../app/routes.js';
import { Breadcrumbs, InsetText, NotificationBanner, SummaryList, Tabs } from '../govuk/content.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { useQuery } from '../graphql/use-query.js';
import { PLAN_SLUG, RollUpFields } from '../plan/plan.js';
import { canEditStructure, canEditWork } from '../session/permissions.js';
import { useViewer } from '../session/session.js';
import { History, HistoryFields } from '../update/History.js';
import { formatDate, OverdueTag, RagTag, StatusTag } from '../work/tags.js';

export const CommitmentQuery = graphql(
  `
  query Commitment($slug: String!, $code: String!) {
    plan(slug: $slug) {
      id
      asAt
      commitment(code: $code) {
        id
        code
        text
        owner
        startDate
        dueDate
        status
        rag
        progressPercent
        overdue
        statusOverrideReason
        version
        crossCuttingSection
        introducedIn { code title }
        withdrawnIn { code title }
        theme {
          id
          position
          title
          priority {
            id
            number
            title
            measures {
              id
              name
              unit
              direction
              baseline
              target
              values { id period value note }
            }
          }
        }
        rollUp { basis nextDueDate ...RollUpFields }
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
        updates { id ...HistoryFields }
      }
    }
  }
`,
  [RollUpFields, HistoryFields],
);

export type CommitmentData = NonNullable<
  NonNullable<ResultOf<typeof CommitmentQuery>['plan']>['commitment']
>;

const BASIS_WORDS: Record<string, string> = {
  ACTIONS: 'Worked out from its delivery actions',
  OVERRIDE: 'Set by staff instead of worked out from its delivery actions',
  OWN_FIGURES: 'Its own figures (it has no delivery actions yet)',
};

export function CommitmentPage({ code }: { code: string }) {
  const viewer = useViewer();
  const { query } = useLocation();
  const { data, error } = useQuery(CommitmentQuery, { slug: PLAN_SLUG, code });
  const tab: CommitmentTab = (COMMITMENT_TABS as readonly string[]).includes(query.get('tab') ?? '')
    ? (query.get('tab') as CommitmentTab)
    : 'details';
  const saved = query.get('saved');

  if (error) return <FailurePage failure={error} />;
  if (!data)
    return (
      <Page title={`Commitment ${code}`}>
        <Loading what="the commitment" />
      </Page>
    );
  const c = data.plan?.commitment;
  if (!c) return <NotFoundPage />;

  const mayEdit = canEditWork(viewer, { owner: c.owner });
  const priority = c.theme?.priority;
  const crumbs = [
    { href: routes.dashboard(), text: 'Dashboard' },
    ...(priority
      ? [{ href: routes.priority(priority.number), text: `Priority ${priority.number}` }]
      : []),
    ...(priority && c.theme
      ? [{ href: routes.theme(priority.number, c.theme.position), text: c.theme.title }]
      : []),
  ];

  return (
    <Page
      title={`Commitment ${c.code}`}
      caption={
        priority ? `Priority ${priority.number}: ${priority.title}` : 'Cross-cutting commitment'
      }
      before={<Breadcrumbs items={crumbs} />}
    >
      {saved ? (
        <NotificationBanner
          type="success"
          heading={
            saved === 'update' ? 'Your update has been saved' : 'Your changes have been saved'
          }
        >
          <p className="govuk-body">It is at the top of the history below.</p>
        </NotificationBanner>
      ) : null}
      <p className="govuk-body-l" data-testid="commitment-text">
        {c.text}
      </p>
      <p className="govuk-body">
        <StatusTag status={c.status} /> <RagTag rag={c.rag} /> {c.overdue ? <OverdueTag /> : null}
      </p>
      {c.withdrawnIn ? (
        <InsetText>
          This commitment was withdrawn in the {c.withdrawnIn.title} ({c.withdrawnIn.code}).
        </InsetText>
      ) : null}
      {mayEdit ? (
        <div className="govuk-button-group">
          <Link
            className="govuk-button"
            to={routes.commitmentUpdate(c.code)}
            data-module="govuk-button"
          >
            Record an update
          </Link>
        </div>
      ) : null}

      <Tabs
        title="About this commitment"
        selected={tab}
        onSelect={(next) =>
          navigate(routes.commitment(c.code, { tab: next as CommitmentTab }), {
            replace: true,
          })
        }
        tabs={[
          { id: 'details', label: 'Details', content: <Details c={c} /> },
          {
            id: 'actions',
            label: `Delivery actions (${c.actions.length})`,
            content: <Actions c={c} mayEdit={mayEdit} mayAdd={canEditStructure(viewer)} />,
          },
          { id: 'measures', label: 'Measures', content: <Measures c={c} /> },
          {
            id: 'history',
            label: `History (${c.updates.length})`,
            content: <History updates={c.updates} />,
          },
        ]}
      />
    </Page>
  );
}

function Details({ c }: { c: CommitmentData }) {
  const rollUp = c.rollUp;
  return (
    <>
      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: 'Code', value: c.code },
          { key: 'Status', value: <StatusTag status={c.status} /> },
          { key: 'Rating', value: <RagTag rag={c.rag} /> },
          { key: 'Progress', value: `${c.progressPercent}%` },
          { key: 'Owner', value: c.owner ?? 'Not set' },
          { key: 'Start date', value: formatDate(c.startDate) },
          {
            key: 'Due date',
            value: (
              <>
                {formatDate(c.dueDate)} {c.overdue ? <OverdueTag /> : null}
              </>
            ),
          },
          ...(rollUp
            ? [
                {
                  key: 'Delivery figures',
                  value: (
                    <>
                      <p className="govuk-body govuk-!-margin-bottom-1">
                        {BASIS_WORDS[rollUp.basis] ?? rollUp.basis}
                      </p>
                      <p className="govuk-body govuk-!-margin-bottom-0">
                        {rollUp.status ? lifecycleStatusLabel(rollUp.status) : 'No status'},{' '}
                        {ragLabel(rollUp.rag).toLowerCase()}, {rollUp.progressPercent ?? 0}% done
                        {rollUp.overdue > 0 ? `, ${rollUp.overdue} overdue` : ''}
                        {rollUp.nextDueDate ? `, next due ${formatDate(rollUp.nextDueDate)}` : ''}
                      </p>
                    </>
                  ),
                },
              ]
            : []),
          ...(c.statusOverrideReason
            ? [{ key: 'Why the figures were set by hand', value: c.statusOverrideReason }]
            : []),
          { key: 'In the plan since', value: `${c.introducedIn.title} (${c.introducedIn.code})` },
        ]}
      />
    </>
  );
}

function Actions({ c, mayEdit, mayAdd }: { c: CommitmentData; mayEdit: boolean; mayAdd: boolean }) {
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
                  <Link className="govuk-link" to={routes.action(action.id)}>
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
        <Link className="govuk-button govuk-button--secondary" to={routes.newAction(c.code)}>
          Add a delivery action
        </Link>
      ) : null}
    </>
  );
}

function formatNumber(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return 'Not set';
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

const DIRECTION_WORDS: Record<string, string> = {
  HIGHER_IS_BETTER: 'Higher is better',
  LOWER_IS_BETTER: 'Lower is better',
  NEUTRAL: 'Neither higher nor lower is better',
};

function Measures({ c }: { c: CommitmentData }) {
  const measures = c.theme?.priority.measures ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">Measures</h2>
      {measures.length === 0 ? (
        <p className="govuk-body">
          {c.theme
            ? 'This priority has no measures yet.'
            : 'Cross-cutting commitments are not measured by a priority.'}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            How the plan measures progress against priority {c.theme?.priority.number}.
          </p>
          {measures.map((measure) => {
            const latest = measure.values.at(-1);
            return (
              <table className="govuk-table" key={measure.id}>
                <caption className="govuk-table__caption govuk-table__caption--s">
                  {measure.name}
                  <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">
                    {DIRECTION_WORDS[measure.direction]}. Baseline{' '}
                    {formatNumber(measure.baseline, measure.unit)}, target{' '}
                    {formatNumber(measure.target, measure.unit)}
                    {latest
                      ? `, latest ${formatNumber(latest.value, measure.unit)} (${latest.period})`
                      : ''}
                    .
                  </span>
                </caption>
                {measure.values.length > 0 ? (
                  <>
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">
                          Period
                        </th>
                        <th
                          scope="col"
                          className="govuk-table__header govuk-table__header--numeric"
                        >
                          Value
                        </th>
                        <th scope="col" className="govuk-table__header">
                          Note
                        </th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {measure.values.map((v) => (
                        <tr className="govuk-table__row" key={v.id}>
                          <td className="govuk-table__cell">{v.period}</td>
                          <td
                            className="govuk-table__cell govuk-table__cell--numeric app-numeric"
                            data-label="Value"
                          >
                            {formatNumber(v.value, measure.unit)}
                          </td>
                          <td className="govuk-table__cell" data-label="Note">
                            {v.note ?? ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </>
                ) : null}
              </table>
            );
          })}
        </>
      )}
    </>
  );
}
