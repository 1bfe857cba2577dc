/**
 * The figures of a commitment or action as they stood at a past date, replayed from its
 * append-only history (progress updates and audited changes). Pure: the loader in snapshot.ts
 * feeds it rows.
 *
 * Rule, per figure (status, RAG, progress): the "after" value of the latest event on or before
 * the date that set it; failing that, the "before" value of the earliest later event that
 * recorded it (the figure stood so until then); failing that, the figure now (nothing recorded
 * ever changed it).
 */
import type { IsoDate, LifecycleStatus, Rag } from '@plan-tracker/domain';

/** The figures that change over time. */
export interface Figures {
  readonly status: LifecycleStatus;
  readonly rag: Rag | null;
  readonly progressPercent: number;
}

/** Part of {@link Figures}; `undefined` means the event did not record that figure. */
export interface PartialFigures {
  readonly status?: LifecycleStatus | undefined;
  readonly rag?: Rag | null | undefined;
  readonly progressPercent?: number | undefined;
}

/** One dated change to a record's figures. */
export interface FigureEvent {
  /** The day it took effect. */
  readonly on: IsoDate;
  /** Orders events on the same day. */
  readonly sequence: number;
  readonly before: PartialFigures;
  readonly after: PartialFigures;
}

const KEYS = ['status', 'rag', 'progressPercent'] as const;

/**
 * The figures at the end of `asAt`.
 *
 * @param now - the record's figures today
 * @param events - its history, in any order
 * @param asAt - the date asked about
 */
export function figuresAsAt(now: Figures, events: readonly FigureEvent[], asAt: IsoDate): Figures {
  const sorted = [...events].sort((a, b) =>
    a.on === b.on ? a.sequence - b.sequence : a.on < b.on ? -1 : 1,
  );
  const result: Record<string, unknown> = { ...now };
  for (const key of KEYS) {
    const past = sorted.filter((e) => e.on <= asAt && e.after[key] !== undefined).at(-1);
    if (past) {
      result[key] = past.after[key];
      continue;
    }
    const later = sorted.find((e) => e.on > asAt && e.before[key] !== undefined);
    if (later) result[key] = later.before[key];
  }
  return result as unknown as Figures;
}
