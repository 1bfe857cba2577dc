/** The organisation's plans as a table to choose from: title, period and whether it is published. */
import { Link } from '../app/router.js';
import { Tag } from '../govuk/content.js';
import { formatDate } from '../work/tags.js';
import type { PlanSummary } from './plan.js';

export function PlanPicker({
  plans,
  linkTo,
  caption,
}: {
  plans: readonly PlanSummary[];
  /** Where choosing a plan goes, by its slug. */
  linkTo: (plan: string) => string;
  caption: string;
}) {
  return (
    <table className="govuk-table" data-testid="plan-picker">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Plan
          </th>
          <th scope="col" className="govuk-table__header">
            Period
          </th>
          <th scope="col" className="govuk-table__header">
            Published
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {plans.map((plan) => (
          <tr className="govuk-table__row" key={plan.id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={linkTo(plan.slug)}>
                {plan.title}
              </Link>
            </th>
            <td className="govuk-table__cell" data-label="Period">
              {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}
            </td>
            <td className="govuk-table__cell" data-label="Published">
              {plan.published ? (
                <Tag colour="green">Published</Tag>
              ) : (
                <Tag colour="grey">Not published</Tag>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
