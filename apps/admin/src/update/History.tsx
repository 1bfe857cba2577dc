/**
 * The history of a commitment or a delivery action: its progress updates, newest first, with
 * who wrote each and when, what changed, the note and the evidence. The fields it shows are its
 * fragment, which the pages that show a history spread into their queries.
 */
import { lifecycleStatusLabel, ragLabel } from '@plan-tracker/domain';
import type { ReactNode } from 'react';
import { type FragmentOf, graphql, readFragment } from '../graphql/graphql.js';
import { formatDate } from '../work/tags.js';

export const HistoryFields = graphql(`
  fragment HistoryFields on ProgressUpdate {
    id
    period
    recordedOn
    author
    statusBefore
    statusAfter
    ragBefore
    ragAfter
    progressBefore
    progressAfter
    narrative
    evidence { title url }
    action { id title }
  }
`);

function Change({ label, before, after }: { label: string; before: ReactNode; after: ReactNode }) {
  return (
    <li>
      {label}: {before} → {after}
    </li>
  );
}

/** The append-only history, newest first: who, when, what changed, why, and the evidence. */
export function History({
  updates: data,
}: {
  updates: readonly FragmentOf<typeof HistoryFields>[];
}) {
  const updates = data.map((u) => readFragment(HistoryFields, u));
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      {updates.length === 0 ? (
        <p className="govuk-body">No updates have been recorded yet.</p>
      ) : (
        <ol className="app-timeline" data-testid="history">
          {updates.map((u) => (
            <li className="app-timeline__item" key={u.id}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                {u.period}:{' '}
                {u.action ? `update on “${u.action.title}”` : 'update on the commitment'}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-2 app-secondary-text">
                {formatDate(u.recordedOn)}
                {u.author ? ` by ${u.author}` : ''}
              </p>
              <ul className="govuk-list govuk-body-s">
                {u.statusBefore !== u.statusAfter ? (
                  <Change
                    label="Status"
                    before={u.statusBefore ? lifecycleStatusLabel(u.statusBefore) : 'none'}
                    after={lifecycleStatusLabel(u.statusAfter)}
                  />
                ) : (
                  <li>Status: {lifecycleStatusLabel(u.statusAfter)} (no change)</li>
                )}
                {u.ragBefore !== u.ragAfter ? (
                  <Change
                    label="Rating"
                    before={ragLabel(u.ragBefore)}
                    after={ragLabel(u.ragAfter)}
                  />
                ) : null}
                {u.progressBefore !== u.progressAfter && u.progressAfter !== null ? (
                  <Change
                    label="Progress"
                    before={`${u.progressBefore ?? 0}%`}
                    after={`${u.progressAfter}%`}
                  />
                ) : null}
              </ul>
              <p className="govuk-body">{u.narrative}</p>
              {u.evidence.length > 0 ? (
                <>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">Evidence:</p>
                  <ul className="govuk-list govuk-list--bullet govuk-body-s">
                    {u.evidence.map((e) => (
                      <li key={e.url}>
                        <a
                          className="govuk-link"
                          href={e.url}
                          rel="noreferrer noopener"
                          target="_blank"
                        >
                          {e.title} (opens in new tab)
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
