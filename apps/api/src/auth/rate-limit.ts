/**
 * Per-API-key rate limit: a token bucket in memory. Each key gets a bucket of `capacity`
 * requests that refills continuously at `capacity` per minute; a request with an empty bucket
 * is refused with 429 and `Retry-After` (seconds until one token is back).
 *
 * In memory means per process: behind several processes each allows the full rate, and a restart
 * refills every bucket. That is acceptable for one office's API; a shared store (PostgreSQL or
 * Redis) is the step up. Buckets idle long enough to be full again are dropped.
 */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until a request would be allowed; 0 when allowed. */
  readonly retryAfterSeconds: number;
  /** Tokens left after this request. */
  readonly remaining: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /**
   * @param capacity - requests allowed in a burst, and per minute sustained
   * @param now - the clock, for tests
   */
  constructor(
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = capacity / 60_000;
  }

  /** Takes one token for `key` if there is one. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
      remaining: 0,
    };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.capacity) {
        this.buckets.delete(key);
      }
    }
  }
}
