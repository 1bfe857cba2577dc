import { describe, expect, it } from 'vitest';
import { canEditStructure, canEditWork } from './permissions.js';

describe('edit controls', () => {
  const work = { owner: 'OPCC Policy Team' };

  it('are shown to editors and administrators on everything', () => {
    expect(canEditWork({ role: 'EDITOR', ownerLabels: [] }, work)).toBe(true);
    expect(canEditWork({ role: 'ADMIN', ownerLabels: [] }, { owner: null })).toBe(true);
  });

  it('are shown to contributors only on what they own, ignoring case and spaces', () => {
    expect(
      canEditWork({ role: 'CONTRIBUTOR', ownerLabels: ['Partner', ' opcc policy team'] }, work),
    ).toBe(true);
    expect(canEditWork({ role: 'CONTRIBUTOR', ownerLabels: ['Someone Else'] }, work)).toBe(false);
    expect(
      canEditWork(
        { role: 'CONTRIBUTOR', ownerLabels: ['OPCC Policy Team'] },
        { owner: 'A partner', parentOwner: 'OPCC Policy Team' },
      ),
    ).toBe(true);
    expect(canEditStructure({ role: 'CONTRIBUTOR' })).toBe(false);
  });

  it('are never shown to viewers', () => {
    expect(canEditWork({ role: 'VIEWER', ownerLabels: ['OPCC Policy Team'] }, work)).toBe(false);
    expect(canEditStructure({ role: 'VIEWER' })).toBe(false);
  });
});
