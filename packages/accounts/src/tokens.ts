/**
 * Session tokens and API keys: high-entropy random secrets, of which only a SHA-256 hash is
 * stored. With 256 bits of randomness a fast hash is enough (nothing to brute-force), and it
 * lets a request be matched with one indexed lookup. How a token travels (the session cookie,
 * the `Authorization` header) is the API's business: apps/api/src/auth.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256, hex. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A new session token (base64url, 256 bits). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Visible prefix length of an API key after `ptk_`. */
const PREFIX_LENGTH = 12;

/** A new API key: `ptk_<prefix>_<secret>`; the prefix finds the row, the hash proves the key. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(9).toString('base64url').slice(0, PREFIX_LENGTH);
  const secret = randomBytes(32).toString('base64url');
  const key = `ptk_${prefix}_${secret}`;
  return { key, prefix, hash: sha256(key) };
}

/** The prefix of a well-formed key, or null. */
export function apiKeyPrefix(key: string): string | null {
  const match = /^ptk_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match?.[1] ?? null;
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
