/**
 * Roll-ups for a whole plan in one linear pass: every commitment from its actions, then every
 * theme, priority, cross-cutting section and the plan from their commitments.
 */
import type { IsoDate } from '../model/primitives.js';
import type { CrossCuttingSection } from '../model/vocabulary.js';
import {
  type CommitmentFigures,
  type RollUp,
  type RollUpItem,
  RollUpTally,
  rollUpAsItem,
  rollUpCommitment,
} from './rollup.js';

/** A theme, as far as roll-ups need it. */
export interface ThemeRef {
  readonly id: string;
  readonly priorityId: string;
}

/** A commitment, as far as roll-ups need it. */
export interface CommitmentRollUpInput extends CommitmentFigures {
  readonly id: string;
  /** `null` for a cross-cutting commitment. */
  readonly themeId: string | null;
  /** Set for a cross-cutting commitment. */
  readonly crossCuttingSection?: CrossCuttingSection | null | undefined;
}

/** A delivery action, as far as roll-ups need it. */
export interface ActionRollUpInput extends RollUpItem {
  readonly commitmentId: string;
  /** Archived actions are left out. */
  readonly archivedAt?: string | null | undefined;
}

/** Everything {@link rollUpPlan} needs about one plan. */
export interface PlanRollUpInput {
  /** The date overdue is judged at. */
  readonly asAt: IsoDate;
  /** Priorities to report even when they have no commitments. */
  readonly priorityIds?: readonly string[];
  /** The plan's themes; each gets a roll-up, zero-filled when empty. */
  readonly themes: readonly ThemeRef[];
  readonly commitments: readonly CommitmentRollUpInput[];
  readonly actions: readonly ActionRollUpInput[];
}

/** Roll-ups at every level of one plan, keyed by id (sections by name). */
export interface PlanRollUp {
  readonly asAt: IsoDate;
  readonly plan: RollUp;
  readonly priorities: ReadonlyMap<string, RollUp>;
  readonly themes: ReadonlyMap<string, RollUp>;
  readonly crossCuttingSections: ReadonlyMap<CrossCuttingSection, RollUp>;
  readonly commitments: ReadonlyMap<string, RollUp>;
}

function tallyFor<K>(tallies: Map<K, RollUpTally>, key: K, asAt: IsoDate): RollUpTally {
  let tally = tallies.get(key);
  if (!tally) {
    tally = new RollUpTally(asAt);
    tallies.set(key, tally);
  }
  return tally;
}

function results<K>(tallies: Map<K, RollUpTally>): Map<K, RollUp> {
  const out = new Map<K, RollUp>();
  for (const [key, tally] of tallies) out.set(key, tally.result('COMMITMENTS'));
  return out;
}

/**
 * Rolls up a whole plan. Each commitment is rolled up by {@link rollUpCommitment}; the levels
 * above count commitments, each weighing the same and contributing its rounded progress, so a
 * theme's figure can be checked from the figures shown for its commitments. A priority counts
 * the commitments of all its themes directly, not an average of theme averages; the plan
 * counts every commitment, cross-cutting ones included.
 *
 * Time and memory are linear in the number of themes, commitments and actions. Actions of
 * commitments not listed, and commitments of themes not listed, are ignored above their
 * own level.
 *
 * @param input - the plan's themes, commitments and actions, and the "as at" date
 * @throws DomainError `TIMELINE_INVALID_DATE` when `asAt` or a due date is not a real date
 */
export function rollUpPlan(input: PlanRollUpInput): PlanRollUp {
  const { asAt } = input;
  const actionsByCommitment = new Map<string, RollUpItem[]>();
  for (const action of input.actions) {
    if (action.archivedAt) continue;
    const list = actionsByCommitment.get(action.commitmentId);
    if (list) list.push(action);
    else actionsByCommitment.set(action.commitmentId, [action]);
  }

  const priorityOfTheme = new Map<string, string>();
  const themeTallies = new Map<string, RollUpTally>();
  const priorityTallies = new Map<string, RollUpTally>();
  for (const id of input.priorityIds ?? []) tallyFor(priorityTallies, id, asAt);
  for (const theme of input.themes) {
    priorityOfTheme.set(theme.id, theme.priorityId);
    tallyFor(themeTallies, theme.id, asAt);
    tallyFor(priorityTallies, theme.priorityId, asAt);
  }
  const sectionTallies = new Map<CrossCuttingSection, RollUpTally>();
  const planTally = new RollUpTally(asAt);
  const commitments = new Map<string, RollUp>();

  for (const commitment of input.commitments) {
    const rollUp = rollUpCommitment(commitment, actionsByCommitment.get(commitment.id) ?? [], asAt);
    commitments.set(commitment.id, rollUp);
    const item = rollUpAsItem(rollUp);
    planTally.add(item);
    if (commitment.themeId !== null) {
      themeTallies.get(commitment.themeId)?.add(item);
      const priorityId = priorityOfTheme.get(commitment.themeId);
      if (priorityId !== undefined) priorityTallies.get(priorityId)?.add(item);
    } else if (commitment.crossCuttingSection) {
      tallyFor(sectionTallies, commitment.crossCuttingSection, asAt).add(item);
    }
  }

  return {
    asAt,
    plan: planTally.result('COMMITMENTS'),
    priorities: results(priorityTallies),
    themes: results(themeTallies),
    crossCuttingSections: results(sectionTallies),
    commitments,
  };
}
