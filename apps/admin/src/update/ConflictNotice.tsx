/**
 * What an update form shows when someone else saved first: what they changed, their note, and
 * that nothing typed has been lost.
 */
import { NotificationBanner, SummaryList } from '../govuk/content.js';
import type { TheirChange } from './update-form.js';

export interface Conflict {
  readonly changes: readonly TheirChange[];
  readonly latestUpdate: {
    readonly period: string;
    readonly author: string | null;
    readonly narrative: string;
  } | null;
}

export function ConflictNotice({ conflict, subject }: { conflict: Conflict; subject: string }) {
  return (
    <NotificationBanner
      title="Important"
      heading={`Someone else saved changes to this ${subject} first`}
      takeFocus
    >
      <div data-testid="conflict">
        <p className="govuk-body">
          Your update has not been saved yet. Nothing you typed has been lost.
        </p>
        {conflict.changes.length > 0 ? (
          <>
            <p className="govuk-body">They changed:</p>
            <SummaryList
              rows={conflict.changes.map((change) => ({
                key: change.label,
                value: `${change.before} → ${change.after}`,
              }))}
            />
          </>
        ) : null}
        {conflict.latestUpdate ? (
          <>
            <p className="govuk-body govuk-!-margin-bottom-1">
              Their note for {conflict.latestUpdate.period}
              {conflict.latestUpdate.author ? `, by ${conflict.latestUpdate.author}` : ''}:
            </p>
            <div className="govuk-inset-text govuk-!-margin-top-1">
              {conflict.latestUpdate.narrative}
            </div>
          </>
        ) : null}
        <p className="govuk-body">
          Check your answers below against theirs, then select ‘Save my update again’ to add yours
          on top.
        </p>
      </div>
    </NotificationBanner>
  );
}
