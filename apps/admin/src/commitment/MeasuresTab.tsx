/** The measures of a commitment's priority: baseline, target and each period's value. */
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';

export const MeasuresFields = graphql(`
  fragment CommitmentMeasuresFields on Commitment {
    theme {
      id
      priority {
        id
        number
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
  }
`);

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

export function MeasuresTab({ commitment }: { commitment: FragmentOf<typeof MeasuresFields> }) {
  const c = readFragment(MeasuresFields, commitment);
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
