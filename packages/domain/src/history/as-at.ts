/**
 * "As at": the state of rows (commitments, delivery actions, anything with a history) at the
 * end of a past date, rebuilt from their live state and the history every write appends. Pure:
 * the database layer reads the rows and the entries and hands them over as plain objects.
 *
 * Every write appends a history entry holding, for the fields it changed, their values `before`
 * and `after`, and the date it is true from (`effectiveOn`); entries come in the order they were
 * written. For each row:
 * 1. start from the live row and undo every entry, newest first (set the fields to `before`;
 *    undoing a `create` means the row did not exist): the state before any recorded change;
 * 2. apply, in the order they were written, the entries effective on or before the date (set
 *    the fields to `after`; a `create` brings the row into existence).
 *
 * Applying in written order means a back-dated entry is a correction: it holds from its date
 * and, where it touches the same field as an entry written earlier, the later knowledge wins.
 * So the state "as at" today is always the live state, and a row created after the date, or
 * whose creation is dated after it, does not exist yet. Rows with no `create` entry (loaded
 * before history was kept, e.g. a plan's imported commitments) exist at every date.
 */
import type { IsoDate } from '../model/primitives.js';

/** One entry of a row's history, as a write appended it. */
export interface HistoryEntry {
  /** True for the entry that brought the row into being. */
  readonly create: boolean;
  /** The values of the fields the write changed, before it; other fields are absent. */
  readonly before: Readonly<Record<string, unknown>>;
  /** The values of the fields the write changed, after it. */
  readonly after: Readonly<Record<string, unknown>>;
  /** The date the change is true from. */
  readonly effectiveOn: IsoDate;
}

/** A history entry with the id of the row it belongs to, for {@link rowsAsAt}. */
export interface RowHistoryEntry extends HistoryEntry {
  readonly rowId: string;
}

/** One row's history, answering its state at the end of any date. */
export interface RowTimeline<T> {
  /** The state at the end of `date`; `undefined` when the row did not exist yet. */
  at(date: IsoDate): T | undefined;
}

function applyFields<T extends object>(
  state: T,
  values: Readonly<Record<string, unknown>>,
  fields: readonly (keyof T & string)[],
): T {
  const next: T = { ...state };
  for (const field of fields) {
    if (Object.hasOwn(values, field)) next[field] = values[field] as T[typeof field];
  }
  return next;
}

/**
 * One row's timeline: its live state and its history, replayed as the top of this module says.
 * The work of undoing the history is done once, so asking for many dates is cheap.
 *
 * @param live - the row as it is now
 * @param entries - its history in the order it was written (oldest first); may be empty
 * @param fields - the fields history replays; values of any other key in an entry are ignored
 */
export function rowTimeline<T extends object>(
  live: T,
  entries: readonly HistoryEntry[],
  fields: readonly (keyof T & string)[],
): RowTimeline<T> {
  if (entries.length === 0) return { at: () => live };
  // The state before any recorded change: every entry undone, newest first.
  let origin = live;
  let existed = true;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as HistoryEntry;
    if (entry.create) existed = false;
    else origin = applyFields(origin, entry.before, fields);
  }
  return {
    at(date) {
      let state: T | undefined = existed ? origin : undefined;
      for (const entry of entries) {
        if (entry.effectiveOn > date) continue;
        // An entry dated before the row's creation still brings the row into being from then.
        state = applyFields(state ?? origin, entry.after, fields);
      }
      return state;
    },
  };
}

/**
 * The state of one row at the end of `date`, or `undefined` when it did not exist yet; see
 * {@link rowTimeline} to ask about many dates.
 *
 * @param live - the row as it is now
 * @param entries - its history in the order it was written (oldest first)
 * @param fields - the fields history replays
 * @param date - a real `YYYY-MM-DD` date
 */
export function rowAsAt<T extends object>(
  live: T,
  entries: readonly HistoryEntry[],
  fields: readonly (keyof T & string)[],
  date: IsoDate,
): T | undefined {
  return rowTimeline(live, entries, fields).at(date);
}

/**
 * Many rows of one kind at the end of each of many dates: for each date, in the order of
 * `dates`, the rows that existed then, in the order of `rows`, with their fields as they were.
 * Each row's history is undone once however many dates are asked for.
 *
 * @param rows - the live rows
 * @param entries - the history of these rows (entries of other rows are ignored), in the order
 *   it was written (oldest first)
 * @param fields - the fields history replays
 * @param dates - real `YYYY-MM-DD` dates, in any order
 */
export function rowsAsAt<T extends { readonly id: string }>(
  rows: readonly T[],
  entries: readonly RowHistoryEntry[],
  fields: readonly (keyof T & string)[],
  dates: readonly IsoDate[],
): T[][] {
  const byRow = new Map<string, RowHistoryEntry[]>();
  for (const entry of entries) {
    const list = byRow.get(entry.rowId);
    if (list) list.push(entry);
    else byRow.set(entry.rowId, [entry]);
  }
  const timelines = rows.map((row) => rowTimeline(row, byRow.get(row.id) ?? [], fields));
  return dates.map((date) =>
    timelines.flatMap((timeline) => {
      const state = timeline.at(date);
      return state === undefined ? [] : [state];
    }),
  );
}
