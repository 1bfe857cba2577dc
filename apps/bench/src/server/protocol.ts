// Messages between the benchmark (parent) and the process serving the API and the baseline.

export type ToServer = { type: 'count' } | { type: 'drain' } | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; apiUrl: string; baselineUrl: string }
  /** Statements since the last `count`, by whom. */
  | { type: 'count'; api: number; baseline: number }
  /** No request is in flight any more (autocannon leaves some running when it stops). */
  | { type: 'drained' };
