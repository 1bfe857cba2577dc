/**
 * "Check the stored reports": the API recomputes the SHA-256 chain of the plan's closed quarters'
 * reports from their stored bytes (`Plan.reportChain`) and says whether every one is as it was
 * stored at its close, or where the chain breaks. The latest digest is shown so that the Panel
 * can keep it and compare it later.
 */
import { SummaryList, Tag } from '../govuk/content.js';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';

export const ReportChainFields = graphql(`
  fragment ReportChainFields on Plan {
    reportChain { intact reports latestDigest broken { period sequence problem } }
  }
`);

export function ReportChain({ plan }: { plan: FragmentOf<typeof ReportChainFields> }) {
  const { reportChain: chain } = readFragment(ReportChainFields, plan);
  return (
    <section aria-labelledby="report-chain-heading" data-testid="report-chain">
      <h3 className="govuk-heading-m" id="report-chain-heading">
        Check the stored reports
      </h3>
      <p className="govuk-body">
        When a quarter closes, each report of this plan is stored exactly as it was sent, with a
        SHA-256 digest chained to the report before it, so a stored report changed afterwards shows
        here. A quarter that was reopened keeps its earlier report in the chain, marked superseded,
        so it is counted too.
      </p>
      <SummaryList
        rows={[
          {
            key: 'Stored reports',
            value:
              chain.reports === 0
                ? 'None yet: no quarter of this plan is closed'
                : String(chain.reports),
          },
          {
            key: 'Check',
            value: chain.broken ? (
              <>
                <Tag colour="red">Broken</Tag>
                <span className="govuk-!-display-block govuk-!-margin-top-1">
                  At {chain.broken.period} (stored report {chain.broken.sequence}):{' '}
                  {chain.broken.problem}
                </span>
              </>
            ) : (
              <>
                <Tag colour="green">Intact</Tag>
                <span className="govuk-!-display-block govuk-!-margin-top-1">
                  {chain.reports === 0
                    ? 'There is nothing stored to check yet.'
                    : 'Every stored report is as it was stored when its quarter closed.'}
                </span>
              </>
            ),
          },
          {
            key: 'Latest digest',
            value: chain.latestDigest ? (
              <code className="app-digest">{chain.latestDigest}</code>
            ) : (
              <span className="app-secondary-text">None yet</span>
            ),
          },
        ]}
      />
    </section>
  );
}
