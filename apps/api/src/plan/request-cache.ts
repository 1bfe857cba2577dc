/**
 * A per-request memo for plan-wide reads. Roll-ups and "as at" figures need the whole plan;
 * loading it once per request per plan (not once per field) keeps the number of SQL statements
 * independent of how many commitments a query touches.
 */
export class RequestCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private readonly values = new Map<string, unknown>();
  private readonly loaded = new Map<string, unknown>();

  /** The value under `key`, loading it with `load` the first time in this request. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = load();
      this.entries.set(key, entry);
      // Failures reach whoever awaits the entry; nothing is kept for them here.
      entry.then(
        (value) => this.loaded.set(key, value),
        () => undefined,
      );
    }
    return entry;
  }

  /**
   * The value under `key` once its load has finished, else `undefined`. Lets the thousands of
   * fields of a plan tree that read one loaded value answer without a promise each.
   */
  ready<T>(key: string): T | undefined {
    return this.loaded.get(key) as T | undefined;
  }

  /** True when `key` was loaded, or is loading, in this request. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value under `key`, computed with `compute` the first time in this request. */
  value<T>(key: string, compute: () => T): T {
    if (!this.values.has(key)) this.values.set(key, compute());
    return this.values.get(key) as T;
  }
}
