import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './session-cookie.js';

describe('cookies', () => {
  it('are HttpOnly, SameSite=Lax and Secure', () => {
    const cookie = sessionCookie('abc', 3600, true);
    expect(cookie).toMatch(
      /^__Host-plan-tracker-session=abc; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure$/,
    );
    expect(readCookie('a=1; __Host-plan-tracker-session=abc', '__Host-plan-tracker-session')).toBe(
      'abc',
    );
  });
});
