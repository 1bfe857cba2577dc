import { describe, expect, it } from 'vitest';
import { sessionCookieInto, sessionSetCookie, sessionTokenFrom } from './session-cookie.js';

const withCookie = (cookie: string) => new Request('http://localhost/', { headers: { cookie } });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, with a Max-Age, Secure under the __Host- name', () => {
    expect(sessionSetCookie('abc', 3600, true)).toBe(
      '__Host-plan-tracker-session=abc; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('drops Secure and the __Host- prefix when Secure is turned off for plain HTTP', () => {
    expect(sessionSetCookie('abc', 3600, false)).toBe(
      'plan-tracker-session=abc; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('is deleted with the attributes it was set with and Max-Age=0', () => {
    const sink: string[] = [];
    const cookie = sessionCookieInto(sink, true);
    cookie.start('abc', 60);
    cookie.end();
    expect(sink).toEqual([
      '__Host-plan-tracker-session=abc; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax',
      '__Host-plan-tracker-session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
  });

  it('is read from the Cookie header under the name it is set with, among other cookies', () => {
    expect(sessionTokenFrom(withCookie('a=1; __Host-plan-tracker-session=abc; b=2'), true)).toBe(
      'abc',
    );
    expect(sessionTokenFrom(withCookie('plan-tracker-session=def'), false)).toBe('def');
    expect(sessionTokenFrom(withCookie('a=1; plan-tracker-session='), false)).toBeNull();
    expect(sessionTokenFrom(new Request('http://localhost/'), true)).toBeNull();
  });

  it('is not taken without its __Host- prefix when cookies are Secure (production)', () => {
    expect(sessionTokenFrom(withCookie('plan-tracker-session=planted'), true)).toBeNull();
    expect(sessionTokenFrom(withCookie('__Host-plan-tracker-session=abc'), false)).toBeNull();
  });
});
