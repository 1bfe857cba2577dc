/**
 * Administration: reporting periods. A quarter is closed once its monitoring report has gone to
 * the Panel: its report is stored as final and updates for it are refused. Quarters close in
 * order, so closing one while earlier ones are open closes them too, after a confirmation that
 * names them; only the latest closed quarter reopens, with a reason.
 */
import { todayInPlanTimeZone } from '@plan-tracker/domain';
import { useEffect, useRef, useState } from 'react';
import { FailurePage, Loading } from '../app/Page.js';
import { ErrorSummary, NotificationBanner, Tag, WarningText } from '../govuk/content.js';
import { Button, TextInput } from '../govuk/fields.js';
import { request } from '../graphql/client.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';
import { isFailure, MutationErrorFields } from '../graphql/mutation-errors.js';
import { useMutationForm } from '../graphql/use-mutation-form.js';
import { useQuery } from '../graphql/use-query.js';
import { earlierOpenQuarters, latestClosedQuarter } from '../period/quarters.js';
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
  mutation ClosePeriod($label: String!, $expectedVersion: Int, $note: String, $closeEarlier: Boolean) {
    closeReportingPeriod(label: $label, expectedVersion: $expectedVersion, note: $note, closeEarlier: $closeEarlier) {
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

/** `2021/22 Q2`, or `the 4 quarters from 2021/22 Q2 to 2022/23 Q1`. */
function quarterRun(periods: readonly Period[]): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return '';
  return periods.length === 1
    ? first.label
    : `the ${periods.length} quarters from ${first.label} to ${last.label}`;
}

export function PeriodsSection() {
  const { data, error, reload } = useQuery(PeriodsQuery, {});
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const form = useMutationForm({ fields: { reason: 'reopen-reason' }, fallback: 'reopen-reason' });
  if (error) return <FailurePage failure={error} />;
  if (!data) return <Loading what="reporting periods" />;
  const today = todayInPlanTimeZone();
  const all = organisationPeriods(data.viewer.organisation?.plans ?? []);
  const periods = all.filter((p) => p.startDate <= today).reverse();
  const latestClosed = latestClosedQuarter(all);
  const toConfirm = confirming ? all.find((p) => p.label === confirming && !p.closed) : undefined;

  if (toConfirm) {
    return (
      <ConfirmClose
        period={toConfirm}
        earlier={earlierOpenQuarters(all, toConfirm.label)}
        onCancel={() => setConfirming(null)}
        onClosed={async (text) => {
          setConfirming(null);
          setMessage(text);
          await reload();
        }}
        onStale={reload}
      />
    );
  }

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
      setMessage(`${label} is open again: its report is a draft until it is closed again`);
      await reload();
      return null;
    });

  return (
    <>
      <h2 className="govuk-heading-m">Reporting periods</h2>
      <p className="govuk-body">
        Close a quarter once its monitoring report has gone to the Panel: its report is stored as
        final and updates for it are refused. Quarters close in order, oldest first, and only the
        latest closed quarter can be reopened.
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
                          Closed on {formatDateTime(p.closedAt)}
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
                        onClick={() => {
                          form.clear();
                          setMessage(null);
                          setConfirming(p.label);
                        }}
                      >
                        Close<span className="govuk-visually-hidden"> {p.label}</span>
                      </button>
                    ) : (
                      <span className="govuk-body-s app-secondary-text">
                        Can be closed after {formatDate(p.endDate)}
                      </span>
                    )
                  ) : p.label !== latestClosed?.label ? (
                    <span className="govuk-body-s app-secondary-text">
                      Reopen {latestClosed?.label} first
                    </span>
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

/**
 * The confirmation before a quarter closes (GOV.UK's pattern for an action that is hard to
 * undo): what closing means, and the earlier open quarters that close with it.
 */
function ConfirmClose({
  period,
  earlier,
  onCancel,
  onClosed,
  onStale,
}: {
  period: Period;
  earlier: readonly Period[];
  onCancel: () => void;
  onClosed: (message: string) => Promise<void>;
  onStale: () => Promise<unknown>;
}) {
  const [note, setNote] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useMutationForm({ fields: { note: 'close-note' }, fallback: 'close-note' });
  useEffect(() => heading.current?.focus(), []);
  const run = quarterRun(earlier);

  const close = () =>
    form.run(async () => {
      const { closeReportingPeriod: result } = await request(ClosePeriodMutation, {
        label: period.label,
        expectedVersion: period.version,
        note: note.trim() || null,
        closeEarlier: earlier.length > 0,
      });
      if (isFailure(result)) {
        // Someone else closed or reopened a quarter meanwhile: read them again, so what this
        // page says closes with it is true, and say why nothing was closed.
        if (result.code === 'CONFLICT' || result.code === 'VALIDATION') await onStale();
        return result;
      }
      await onClosed(
        earlier.length > 0
          ? `${period.label} is closed, and with it ${run}: their reports are stored as final and updates for them are refused`
          : `${period.label} is closed: its report is stored as final and updates for it are refused`,
      );
      return null;
    });

  return (
    <div data-testid="confirm-close">
      <ErrorSummary errors={form.errors} focusKey={form.attempt} />
      <h2 className="govuk-heading-m" ref={heading} tabIndex={-1}>
        Close {period.label}?
      </h2>
      <p className="govuk-body">
        {formatDate(period.startDate)} to {formatDate(period.endDate)}
      </p>
      <WarningText>
        Closing a quarter stores its monitoring report as final: it is sent to the Panel as it is,
        and updates for the quarter are then refused.
      </WarningText>
      {earlier.length > 0 ? (
        <div className="govuk-inset-text" data-testid="closes-with-it">
          <p className="govuk-body">
            {earlier.length === 1
              ? `1 earlier quarter is still open: ${run}.`
              : `${earlier.length} earlier quarters are still open, from ${earlier[0]?.label} to ${earlier.at(-1)?.label}.`}{' '}
            Quarters close in order, so {earlier.length === 1 ? 'it' : 'they'} will be closed with{' '}
            {period.label}, oldest first, each storing its report as final.
          </p>
        </div>
      ) : null}
      <p className="govuk-body">
        If a closed quarter has to change, an administrator can reopen it with a reason, but only
        the latest closed quarter can be reopened.
      </p>
      <TextInput
        id="close-note"
        label="Note for the history (optional)"
        hint="For example, the Panel meeting the report went to"
        value={note}
        onChange={setNote}
        error={form.errorFor('close-note')}
      />
      <div className="govuk-button-group">
        <Button warning type="button" disabled={form.pending} onClick={() => void close()}>
          {earlier.length > 0
            ? `Close ${period.label} and ${earlier.length === 1 ? '1 earlier quarter' : `${earlier.length} earlier quarters`}`
            : `Close ${period.label}`}
        </Button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
