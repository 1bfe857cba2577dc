/**
 * What a new revision of a plan changes, worked out before it is applied: which commitments it
 * adds, withdraws, rewords or renumbers, and which priorities and themes it adds or retitles.
 *
 * Commitments are matched by wording first, then by code:
 * 1. a commitment of the plan whose wording (whitespace aside) the new text has, once, is the
 *    same commitment: unchanged when its code is the same, renumbered when the new text lists
 *    it elsewhere (an earlier bullet was added or removed);
 * 2. of the rest, a commitment whose code the new text still uses is reworded;
 * 3. what is left of the new text is added, and what is left of the plan is withdrawn.
 * Matching by wording first keeps a commitment's actions and updates with it when the bullets
 * around it move; codes are positions in the plan, so they move whenever a bullet is added.
 */
import type { CommitmentRow, PlanStructure, PriorityRow, ThemeRow } from './structure.js';

/** A commitment of the plan as it stands, as far as comparing needs it. */
export interface CurrentCommitment extends CommitmentRow {
  readonly id: string;
}

/** The plan as it stands: its priorities, themes and the commitments not withdrawn. */
export interface CurrentPlan {
  readonly priorities: readonly PriorityRow[];
  readonly themes: readonly ThemeRow[];
  readonly commitments: readonly CurrentCommitment[];
}

/** A commitment whose wording changed under the same code. */
export interface Reworded {
  readonly id: string;
  readonly code: string;
  readonly before: string;
  readonly after: CommitmentRow;
}

/** A commitment whose wording stayed but whose place (code) moved. */
export interface Renumbered {
  readonly id: string;
  readonly fromCode: string;
  readonly after: CommitmentRow;
}

/** A priority or theme whose title changed. */
export interface Retitled<T> {
  readonly before: T;
  readonly after: T;
}

/** Everything a revision changes; empty lists when the text is the plan as it stands. */
export interface RevisionDiff {
  readonly added: readonly CommitmentRow[];
  readonly withdrawn: readonly CurrentCommitment[];
  readonly reworded: readonly Reworded[];
  readonly renumbered: readonly Renumbered[];
  /** How many commitments keep their code and wording. */
  readonly unchanged: number;
  readonly prioritiesAdded: readonly PriorityRow[];
  readonly prioritiesRetitled: readonly Retitled<PriorityRow>[];
  readonly themesAdded: readonly ThemeRow[];
  readonly themesRetitled: readonly Retitled<ThemeRow>[];
}

/** True when the revision changes nothing at all. */
export function isEmptyDiff(diff: RevisionDiff): boolean {
  return (
    diff.added.length +
      diff.withdrawn.length +
      diff.reworded.length +
      diff.renumbered.length +
      diff.prioritiesAdded.length +
      diff.prioritiesRetitled.length +
      diff.themesAdded.length +
      diff.themesRetitled.length ===
    0
  );
}

/** Wording as compared: whitespace runs are one space, and the ends are trimmed. */
export function comparableWording(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What loading `next` over `current` changes (see the top of this module for the matching).
 *
 * @param current - the plan as it stands (withdrawn commitments left out)
 * @param next - the structure of the new revision's text
 */
export function diffRevision(current: CurrentPlan, next: PlanStructure): RevisionDiff {
  const byWording = groupBy(current.commitments, (c) => comparableWording(c.text));
  const nextWordingCounts = countBy(next.commitments, (c) => comparableWording(c.text));
  const matched = new Map<string, CurrentCommitment>(); // next code → current
  const used = new Set<string>(); // current ids
  for (const row of next.commitments) {
    const wording = comparableWording(row.text);
    const candidates = byWording.get(wording) ?? [];
    if (candidates.length !== 1 || nextWordingCounts.get(wording) !== 1) continue;
    const [only] = candidates as [CurrentCommitment];
    matched.set(row.code, only);
    used.add(only.id);
  }
  const currentByCode = new Map(current.commitments.map((c) => [c.code, c]));
  const added: CommitmentRow[] = [];
  const reworded: Reworded[] = [];
  const renumbered: Renumbered[] = [];
  let unchanged = 0;
  for (const row of next.commitments) {
    const same = matched.get(row.code);
    if (same) {
      if (same.code === row.code && samePlace(same, row)) unchanged += 1;
      else renumbered.push({ id: same.id, fromCode: same.code, after: row });
      continue;
    }
    const atCode = currentByCode.get(row.code);
    if (atCode && !used.has(atCode.id)) {
      used.add(atCode.id);
      reworded.push({ id: atCode.id, code: row.code, before: atCode.text, after: row });
      continue;
    }
    added.push(row);
  }
  const withdrawn = current.commitments.filter((c) => !used.has(c.id));

  const currentPriorities = new Map(current.priorities.map((p) => [p.number, p]));
  const currentThemes = new Map(current.themes.map((t) => [themeKey(t), t]));
  return {
    added,
    withdrawn,
    reworded,
    renumbered,
    unchanged,
    prioritiesAdded: next.priorities.filter((p) => !currentPriorities.has(p.number)),
    prioritiesRetitled: next.priorities.flatMap((after) => {
      const before = currentPriorities.get(after.number);
      return before && before.title !== after.title ? [{ before, after }] : [];
    }),
    themesAdded: next.themes.filter((t) => !currentThemes.has(themeKey(t))),
    themesRetitled: next.themes.flatMap((after) => {
      const before = currentThemes.get(themeKey(after));
      return before && comparableWording(before.title) !== comparableWording(after.title)
        ? [{ before, after }]
        : [];
    }),
  };
}

function samePlace(a: CommitmentRow, b: CommitmentRow): boolean {
  return (
    a.priorityNumber === b.priorityNumber &&
    a.themePosition === b.themePosition &&
    a.crossCuttingSection === b.crossCuttingSection &&
    a.position === b.position
  );
}

function themeKey(theme: ThemeRow): string {
  return `${theme.priorityNumber}.${theme.position}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
