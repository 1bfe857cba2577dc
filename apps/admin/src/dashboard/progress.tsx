/**
 * Progress against the plan's timeline: how far the work has got beside how much of the plan's
 * period has passed. The judgement (ahead, on track, behind) is the domain's, not this screen's.
 */
import { compareWithPlan, type ProgressVerdict } from '@plan-tracker/domain';

const VERDICT_WORDS: Record<ProgressVerdict, string> = {
  AHEAD: 'ahead of the timeline',
  ON_TRACK: 'in line with the timeline',
  BEHIND: 'behind the timeline',
  NOT_MEASURED: 'not measured yet',
};

export function ProgressAgainstTime({
  progressPercent,
  period,
  asAt,
  label,
}: {
  progressPercent: number | null | undefined;
  period: { start: string; end: string };
  asAt: string;
  /** What the bar is for, for screen readers, e.g. "Priority 1". */
  label: string;
}) {
  const comparison = compareWithPlan({ progressPercent: progressPercent ?? null }, period, asAt);
  const actual = comparison.actualPercent;
  return (
    <div>
      <div
        className="app-progress"
        role="img"
        aria-label={`${label}: ${actual ?? 0}% done, ${comparison.expectedPercent}% of the plan period has passed`}
      >
        <div className="app-progress__done" style={{ width: `${actual ?? 0}%` }} />
        <div
          className="app-progress__expected"
          style={{ left: `${comparison.expectedPercent}%` }}
        />
      </div>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {actual === null ? 'No progress recorded' : `${actual}% done`},{' '}
        {VERDICT_WORDS[comparison.verdict]}
      </p>
    </div>
  );
}
