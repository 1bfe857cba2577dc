import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type ApiKeyCaller, type UserCaller } from './caller.js';
import {
  auditLogRefusal,
  blanketWriteRefusal,
  canSee,
  canSeeInternal,
  isMemberOf,
  ownsWork,
  staffWriteRefusal,
  writeRefusal,
} from './rules.js';

const user = (
  role: UserCaller['role'],
  ownerLabels: readonly string[] = [],
  organisationId = 'org-a',
): UserCaller => ({
  kind: 'user',
  userId: 'u1',
  organisationId,
  role,
  name: 'Ada',
  ownerLabels,
  sessionId: 's1',
});
const key = (scopes: ApiKeyCaller['scopes'], organisationId = 'org-a'): ApiKeyCaller => ({
  kind: 'apiKey',
  apiKeyId: 'k1',
  organisationId,
  prefix: 'abc',
  scopes,
});

describe('seeing records', () => {
  it('lets anyone see published records, and only members unpublished ones', () => {
    expect(canSee(ANONYMOUS, { organisationId: 'org-a', published: true })).toBe(true);
    expect(canSee(ANONYMOUS, { organisationId: 'org-a', published: false })).toBe(false);
    expect(canSee(user('VIEWER'), { organisationId: 'org-a', published: false })).toBe(true);
    expect(canSee(user('ADMIN', [], 'org-b'), { organisationId: 'org-a', published: false })).toBe(
      false,
    );
    expect(canSee(key(['read']), { organisationId: 'org-a' })).toBe(true);
    expect(canSee(key(['write:updates']), { organisationId: 'org-a' })).toBe(false);
  });
  it('shows internal fields to staff of the organisation only', () => {
    expect(canSeeInternal(user('VIEWER'), 'org-a')).toBe(true);
    expect(canSeeInternal(user('ADMIN', [], 'org-b'), 'org-a')).toBe(false);
    expect(canSeeInternal(key(['read']), 'org-a')).toBe(false);
    expect(canSeeInternal(ANONYMOUS, 'org-a')).toBe(false);
    expect(isMemberOf(ANONYMOUS, 'org-a')).toBe(false);
  });
});

describe('writes', () => {
  const record = { organisationId: 'org-a', owner: 'Burglary Team' };
  it('refuses anonymous callers and other organisations', () => {
    expect(writeRefusal(ANONYMOUS, 'editWork', record)).toMatch(/sign in/);
    expect(writeRefusal(user('ADMIN', [], 'org-b'), 'editWork', record)).toMatch(
      /another organisation/,
    );
  });
  it('lets editors and admins edit, viewers not', () => {
    expect(writeRefusal(user('EDITOR'), 'editWork', record)).toBeNull();
    expect(writeRefusal(user('ADMIN'), 'closePeriod', record)).toBeNull();
    expect(writeRefusal(user('EDITOR'), 'closePeriod', record)).toMatch(/administrators/);
    expect(writeRefusal(user('VIEWER'), 'addUpdate', record)).toMatch(/viewers/);
  });
  it('lets contributors edit only what their owner labels name, ignoring case and spaces', () => {
    const burglary = user('CONTRIBUTOR', ['OPCC Policy Team', ' burglary team ']);
    expect(writeRefusal(burglary, 'editWork', record)).toBeNull();
    expect(writeRefusal(user('CONTRIBUTOR', ['Someone Else']), 'editWork', record)).toMatch(/own/);
    expect(writeRefusal(user('CONTRIBUTOR'), 'editWork', record)).toMatch(/own/);
    expect(
      writeRefusal(burglary, 'addUpdate', {
        organisationId: 'org-a',
        owner: 'X',
        parentOwner: 'Burglary Team',
      }),
    ).toBeNull();
    expect(writeRefusal(burglary, 'editStructure', record)).toMatch(/contributors/);
    expect(writeRefusal(burglary, 'editWork', { organisationId: 'org-a', owner: null })).toMatch(
      /own/,
    );
    expect(
      writeRefusal(ANONYMOUS, 'editWork', { organisationId: 'org-a', owner: 'Burglary Team' }),
    ).toMatch(/sign in/);
  });

  it('lets the system make any write in its own organisation only', () => {
    const system = { kind: 'system', organisationId: 'org-a' } as const;
    expect(writeRefusal(system, 'manageUsers', record)).toBeNull();
    expect(writeRefusal(system, 'editWork', { ...record, organisationId: 'org-b' })).toMatch(
      /another organisation/,
    );
  });

  it('answers the admin app with the same role rules (staffWriteRefusal)', () => {
    const contributor = { role: 'CONTRIBUTOR', ownerLabels: ['Burglary Team'] } as const;
    expect(staffWriteRefusal(contributor, 'editWork', { owner: 'burglary team ' })).toBeNull();
    expect(staffWriteRefusal(contributor, 'editWork', { owner: 'Someone else' })).toMatch(/own/);
    expect(staffWriteRefusal({ role: 'VIEWER', ownerLabels: [] }, 'addUpdate')).toMatch(/viewers/);
  });

  it("does not treat a contributor's own name as an owner label", () => {
    const named: UserCaller = { ...user('CONTRIBUTOR'), name: 'Burglary Team' };
    expect(ownsWork(named, { owner: 'Burglary Team' })).toBe(false);
  });

  it('keeps periods, keys and users for administrators', () => {
    for (const kind of ['closePeriod', 'reopenPeriod', 'manageKeys', 'manageUsers'] as const) {
      expect(writeRefusal(user('ADMIN'), kind, record)).toBeNull();
      expect(writeRefusal(user('EDITOR'), kind, record)).toMatch(/administrators/);
      expect(writeRefusal(key(['read', 'write:updates']), kind, record)).not.toBeNull();
    }
  });

  it('lets API keys add updates only with the scope', () => {
    expect(writeRefusal(key(['read', 'write:updates']), 'addUpdate', record)).toBeNull();
    expect(writeRefusal(key(['read']), 'addUpdate', record)).toMatch(/write:updates/);
    expect(writeRefusal(key(['write:updates']), 'editWork', record)).toMatch(
      /only add progress updates/,
    );
  });
});

describe('reading the audit log', () => {
  it('is for administrators only: not other roles, API keys or anonymous callers', () => {
    expect(auditLogRefusal(user('ADMIN'))).toBeNull();
    for (const role of ['EDITOR', 'CONTRIBUTOR', 'VIEWER'] as const) {
      expect(auditLogRefusal(user(role))).toMatch(/administrators/);
    }
    expect(auditLogRefusal(key(['read', 'write:updates']))).toMatch(/API keys/);
    expect(auditLogRefusal(ANONYMOUS)).toMatch(/sign in/);
  });
});

describe('writes refused whatever the record', () => {
  it('refuses anonymous callers, viewers and keys without write:updates, and nobody else', () => {
    expect(blanketWriteRefusal(ANONYMOUS)).toBe('sign in to make changes.');
    expect(blanketWriteRefusal(user('VIEWER'))).toBe('viewers cannot make changes.');
    expect(blanketWriteRefusal(key(['read']))).toMatch(/write:updates/);
    for (const caller of [
      user('ADMIN'),
      user('EDITOR'),
      user('CONTRIBUTOR'),
      key(['write:updates']),
    ]) {
      expect(blanketWriteRefusal(caller)).toBeNull();
    }
  });

  it('never allows what writeRefusal refuses for every kind of write', () => {
    const record = { organisationId: 'org-a', owner: 'Nobody' };
    for (const caller of [ANONYMOUS, user('VIEWER'), key(['read'])]) {
      expect(blanketWriteRefusal(caller)).not.toBeNull();
      expect(writeRefusal(caller, 'addUpdate', record)).not.toBeNull();
      expect(writeRefusal(caller, 'editWork', record)).not.toBeNull();
    }
  });
});
