import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBox, secretKeyProblem } from './secrets.js';

const key = randomBytes(32).toString('base64');

describe('secretBox', () => {
  it('seals so that the secret is not in the stored text, and opens it again', () => {
    const box = secretBox(key);
    const sealed = box.seal('client-secret-123');
    expect(sealed).not.toContain('client-secret-123');
    expect(sealed).not.toBe(box.seal('client-secret-123'));
    expect(box.open(sealed)).toBe('client-secret-123');
  });

  it('refuses another key, a tampered secret and a bad key', () => {
    const sealed = secretBox(key).seal('client-secret-123');
    expect(() => secretBox(randomBytes(32).toString('base64')).open(sealed)).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => secretBox(key).open(tampered)).toThrow();
    expect(secretKeyProblem(undefined)).toMatch(/PLAN_TRACKER_SECRET_KEY/);
    expect(secretKeyProblem('c2hvcnQ=')).toMatch(/32 bytes/);
    expect(() => secretBox('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
