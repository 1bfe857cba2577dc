import { describe, expect, it } from 'vitest';
import { emailDomainAllowed, groupsOf, roleFromGroups } from './single-sign-on.js';

describe('who single sign-on lets in', () => {
  it('takes addresses of the listed domains only, exactly, ignoring case', () => {
    expect(emailDomainAllowed('Jo@Dorset.PCC.police.uk', ['dorset.pcc.police.uk'])).toBe(true);
    expect(emailDomainAllowed('jo@mail.dorset.pcc.police.uk', ['dorset.pcc.police.uk'])).toBe(
      false,
    );
    expect(
      emailDomainAllowed('jo@dorset.pcc.police.uk.evil.example', ['dorset.pcc.police.uk']),
    ).toBe(false);
    expect(emailDomainAllowed('@dorset.pcc.police.uk', ['dorset.pcc.police.uk'])).toBe(false);
  });

  it('gives the most powerful role any group maps to, or none', () => {
    const mapping = [
      { group: 'staff', role: 'VIEWER' },
      { group: 'performance', role: 'EDITOR' },
      { group: 'it', role: 'ADMIN' },
    ] as const;
    expect(roleFromGroups(['staff', 'performance'], mapping)).toBe('EDITOR');
    expect(roleFromGroups(['it', 'staff'], mapping)).toBe('ADMIN');
    expect(roleFromGroups(['visitors'], mapping)).toBeNull();
  });

  it('reads the groups claim as a list, a single string as one group', () => {
    expect(groupsOf({ groups: ['a', 2, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsOf({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(groupsOf({}, 'groups')).toEqual([]);
  });
});
