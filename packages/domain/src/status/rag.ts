/**
 * RAG ratings for people and for roll-ups. `null` means "not yet rated": nothing has been
 * reported yet, which is different from any colour.
 */
import type { Rag } from '../model/vocabulary.js';

/** Words people see for each RAG rating. */
export const RAG_LABELS: Readonly<Record<Rag, string>> = {
  GREEN: 'On track',
  AMBER: 'At risk',
  RED: 'Off track',
};

/** What people see for an item with no RAG yet. */
export const NOT_YET_RATED_LABEL = 'Not yet rated';

/**
 * The words people see for a RAG rating; `"Not yet rated"` for `null`.
 *
 * @param rag - the rating, or `null`/`undefined` before the first update
 */
export function ragLabel(rag: Rag | null | undefined): string {
  return rag ? RAG_LABELS[rag] : NOT_YET_RATED_LABEL;
}

/** RAG keys for counting, with `NONE` standing for "not yet rated". */
export const RAG_KEYS = ['GREEN', 'AMBER', 'RED', 'NONE'] as const;
/** One of {@link RAG_KEYS}. */
export type RagKey = (typeof RAG_KEYS)[number];

/**
 * The counting key for a rating: the rating itself, or `NONE` when not yet rated.
 *
 * @param rag - the rating or `null`
 */
export function ragKey(rag: Rag | null | undefined): RagKey {
  return rag ?? 'NONE';
}

const SEVERITY: Readonly<Record<Rag, number>> = { GREEN: 0, AMBER: 1, RED: 2 };

/**
 * The worse of two ratings (RED over AMBER over GREEN); a rating beats `null`.
 *
 * @param a - a rating or `null`
 * @param b - a rating or `null`
 */
export function worseRag(a: Rag | null, b: Rag | null): Rag | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
