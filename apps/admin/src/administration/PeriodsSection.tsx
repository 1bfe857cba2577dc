/**
 * Administration: reporting periods. A quarter is closed once its monitoring report has gone to
 * the Panel, so nobody can change what it says; reopening one needs a reason.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { useState } from 'react';
import { FailurePage, Loading } from '../app/Page.js';
import { ErrorSummary, NotificationBanner, Tag } from '../govuk/content.js';
import { Button, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { failureErrors, isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { formatDate, formatDateTime } from '../work/tags.js';

// Reporting periods are the organisation's, not a plan's: each plan lists those in its span, so
// the organisation's are those of all its plans, once each.
const PeriodsQuery = graphql(`
  query AdminPeriods {
    viewer {
      organisation {
        id
        plans { id reportingPeriods { id label startDate endDate closed closedAt version } }
      }
    }
  }
`);

type Period = NonNullable<
  ResultOf<typeof PeriodsQuery>['viewer']['organisation']
>['plans'][number]['reportingPeriods'][number];

/** The periods of every plan, once each, in order. */
function organisationPeriods(plans: readonly { reportingPeriods: readonly Period[] }[]): Period[] {
  const byId = new Map<string, Period>();
  for (const plan of plans) for (const period of plan.reportingPeriods) byId.set(period.id, period);
  return [...byId.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

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

export function PeriodsSection() {
  const { data, error, reload } = useQuery(PeriodsQuery, {});
  const [message, setMessage] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const form = useMutationForm({ fields: { reason: 'reopen-reason' }, fallback: 'reopen-reason' });
  if (error) return <FailurePage failure={error} />;
  if (!data) return <Loading what="reporting periods" />;
  const today = todayInPlanTimeZone();
  const periods = organisationPeriods(data.viewer.organisation?.plans ?? [])
    .filter((p) => p.startDate <= today)
    .reverse();

  const close = (label: string, version: number | null) =>
    form.run(async () => {
      const { closeReportingPeriod: result } = await request(ClosePeriodMutation, {
        label,
        expectedVersion: version,
      });
      // Shown on the period's own row.
      if (isFailure(result)) return failureErrors(result, {}, `period-${label}`);
      setMessage(`${label} is closed: its updates are locked`);
      await reload();
      return null;
    });

  const reopen = (label: string, version: number | null) =>
    form.submit(async () => {
      if (!reason.trim() || version === null) {
        return [{ field: 'reopen-reason', message: `Enter why ${label} is being reopened` }];
      }
      const { reopenReportingPeriod: result } = await request(ReopenPeriodMutation, {
        label,
        expectedVersion: version,
        reason: reason.trim(),
      });
      if (isFailure(result)) return result;
      setReopening(null);
      setReason('');
      setMessage(`${label} is open again`);
      await reload();
      return null;
    });

  return (
    <>
      <h2 className="govuk-heading-m">Reporting periods</h2>
      <p className="govuk-body">
        Close a quarter once its monitoring report has gone to the Panel: nobody can then change
        what it says.
      </p>
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      {message ? <NotificationBanner type="success" heading={message} /> : null}
      {periods.length === 0 ? (
        <p className="govuk-body" data-testid="no-periods">
          There are no reporting periods yet: they come with the organisation’s first plan.
        </p>
      ) : (
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
                    <form onSubmit={reopen(p.label, p.version)} noValidate>
                      <TextInput
                        id="reopen-reason"
                        label={`Why reopen ${p.label}?`}
                        value={reason}
                        onChange={setReason}
                        error={form.errorFor('reopen-reason')}
                      />
                      <Button secondary disabled={form.pending}>
                        Reopen {p.label}
                      </Button>
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
      )}
    </>
  );
}
