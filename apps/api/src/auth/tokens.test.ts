import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';
import { apiKeyPrefix, newApiKey, sha256 } from './tokens.js';

describe('API keys', () => {
  it('are high-entropy, carry their prefix and verify by hash', () => {
    const { key, prefix, hash } = newApiKey();
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(hash).toBe(sha256(key));
    expect(newApiKey().key).not.toBe(key);
    expect(apiKeyPrefix('ptk_short_x')).toBeNull();
  });
});

describe('passwords', () => {
  it('hash with argon2id and verify', async () => {
    const hash = await hashPassword('s3cret pass');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('s3cret pass', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});
