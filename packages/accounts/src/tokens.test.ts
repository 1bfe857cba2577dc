import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, newApiKey, newSessionToken, sameHash, sha256 } from './tokens.js';

describe('API keys', () => {
  it('are high-entropy, carry their prefix and verify by hash', () => {
    const { key, prefix, hash } = newApiKey();
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(hash).toBe(sha256(key));
    expect(newApiKey().key).not.toBe(key);
    expect(apiKeyPrefix('ptk_short_x')).toBeNull();
    expect(sameHash(hash, sha256(key))).toBe(true);
    expect(sameHash(hash, sha256(`${key}x`))).toBe(false);
    expect(sameHash(hash, hash.slice(2))).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(token);
  });
});
