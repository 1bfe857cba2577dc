/**
 * A roll-up's figures (a plan's, a priority's, a theme's or a section's) and the table cells
 * that show them: counts by status and rating, and progress against the plan's timeline. The
 * fragment is what these read; the dashboard and priority pages spread it.
 */
import {
  type LifecycleStatus,
  lifecycleStatusLabel,
  type RagKey,
  ragLabel,
} from '@plan-tracker/domain';
import { ProgressAgainstTime } from '../dashboard/progress.js';
import { type FragmentOf, graphql } from '../graphql/graphql.js';

/** The figures shown at every level, from a commitment to the plan. */
export const RollUpFields = graphql(`
  fragment RollUpFields on RollUp {
    count
    progressPercent
    overdue
    rag
    status
    byStatus { status count }
    byRag { rag count }
  }
`);

/** The figures of one roll-up, as the fragment reads them. */
export type RollUp = FragmentOf<typeof RollUpFields>;

/** How many of the roll-up have this status. */
export function statusCount(rollUp: RollUp | null | undefined, status: LifecycleStatus): number {
  return rollUp?.byStatus?.find((s) => s.status === status)?.count ?? 0;
}

/** How many of the roll-up have this rating. */
export function ragCount(rollUp: RollUp | null | undefined, rag: RagKey): number {
  return rollUp?.byRag?.find((r) => r.rag === rag)?.count ?? 0;
}

/** A row's status counts, rating counts and progress against time, as three table cells. */
export function RollUpCells({
  rollUp,
  period,
  asAt,
  label,
}: {
  rollUp: RollUp | null | undefined;
  period: { start: string; end: string };
  asAt: string;
  label: string;
}) {
  return (
    <>
      <td className="govuk-table__cell" data-label="Status">
        <StatusCounts rollUp={rollUp} />
      </td>
      <td className="govuk-table__cell" data-label="Rating">
        <RagCounts rollUp={rollUp} />
      </td>
      <td className="govuk-table__cell" data-label="Progress">
        <ProgressAgainstTime
          progressPercent={rollUp?.progressPercent}
          period={period}
          asAt={asAt}
          label={label}
        />
      </td>
    </>
  );
}

function StatusCounts({ rollUp }: { rollUp: RollUp | null | undefined }) {
  const rows = (rollUp?.byStatus ?? []).filter((s) => s.status && (s.count ?? 0) > 0);
  if (rows.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rows.map((s) => (
        <li key={s.status}>
          {s.count} {s.status ? lifecycleStatusLabel(s.status).toLowerCase() : ''}
        </li>
      ))}
    </ul>
  );
}

function RagCounts({ rollUp }: { rollUp: RollUp | null | undefined }) {
  const rows = (rollUp?.byRag ?? []).filter((r) => (r.count ?? 0) > 0);
  if (rows.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rows.map((r) => (
        <li key={r.rag}>
          {r.count} {ragLabel(r.rag === 'NONE' ? null : r.rag).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
