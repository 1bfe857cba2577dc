/** The dashboard's comparison of now with the end of the last quarter, priority by priority. */

import { type RollUp, ragCount, statusCount } from '../rollup/rollup.js';
import { formatDate } from '../work/tags.js';

function Change({
  earlier,
  now,
  unit = '',
  goodWhen,
}: {
  earlier: number;
  now: number;
  unit?: string;
  goodWhen: 'up' | 'down';
}) {
  const delta = now - earlier;
  const words =
    delta === 0 ? 'no change' : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}${unit}`;
  const good = delta === 0 ? null : delta > 0 === (goodWhen === 'up');
  return (
    <>
      {now}
      {unit}{' '}
      <span className="govuk-body-s">
        ({words}
        {good === null ? '' : good ? ', better' : ', worse'})
      </span>
    </>
  );
}

export function ChangeTable({
  lastLabel,
  lastEnd,
  rows,
}: {
  lastLabel: string;
  lastEnd: string;
  rows: {
    key: string;
    name: string;
    now: RollUp | null | undefined;
    earlier: RollUp | null | undefined;
  }[];
}) {
  return (
    <table className="govuk-table" data-testid="changes-since-last-quarter">
      <caption className="govuk-table__caption govuk-table__caption--s">
        Now compared with the end of {lastLabel} ({formatDate(lastEnd)})
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Priority
          </th>
          <th scope="col" className="govuk-table__header">
            Progress
          </th>
          <th scope="col" className="govuk-table__header">
            Completed
          </th>
          <th scope="col" className="govuk-table__header">
            Off track
          </th>
          <th scope="col" className="govuk-table__header">
            Overdue
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            <th scope="row" className="govuk-table__header">
              {row.name}
            </th>
            <td className="govuk-table__cell" data-label="Progress">
              <Change
                earlier={row.earlier?.progressPercent ?? 0}
                now={row.now?.progressPercent ?? 0}
                unit="%"
                goodWhen="up"
              />
            </td>
            <td className="govuk-table__cell" data-label="Completed">
              <Change
                earlier={statusCount(row.earlier, 'COMPLETED')}
                now={statusCount(row.now, 'COMPLETED')}
                goodWhen="up"
              />
            </td>
            <td className="govuk-table__cell" data-label="Off track">
              <Change
                earlier={ragCount(row.earlier, 'RED')}
                now={ragCount(row.now, 'RED')}
                goodWhen="down"
              />
            </td>
            <td className="govuk-table__cell" data-label="Overdue">
              <Change
                earlier={row.earlier?.overdue ?? 0}
                now={row.now?.overdue ?? 0}
                goodWhen="down"
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
