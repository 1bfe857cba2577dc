import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  PASSWORD_MIN_LENGTH,
  verifyAgainstNothing,
  verifyPassword,
  weakPasswordReason,
} from './password.js';

describe('passwords', () => {
  it('hash with argon2id and verify', async () => {
    const hash = await hashPassword('s3cret pass');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('s3cret pass', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});

describe('new passwords', () => {
  it('are refused when short, huge or nearly one character, with the reason in plain English', () => {
    expect(weakPasswordReason('short')).toMatch(
      `at least ${PASSWORD_MIN_LENGTH} characters long (it has 5)`,
    );
    expect(weakPasswordReason('x'.repeat(1001))).toMatch(/at most 1000 characters/);
    expect(weakPasswordReason('abababababababab')).toMatch(/repeats too few characters/);
    expect(weakPasswordReason('four unrelated words here')).toBeNull();
  });

  it('verify against nothing as false, for an address with no account', async () => {
    expect(await verifyAgainstNothing('anything at all')).toBe(false);
  });
});
