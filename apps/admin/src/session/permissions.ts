/**
 * Which edit controls to show. The API decides every write (apps/api/src/access/rules.ts) and
 * refuses what is not allowed; this only keeps people from being offered what they cannot do:
 * administrators and editors edit everything, contributors only the work they own (its owner is
 * one of their owner labels, or the commitment above it is theirs), viewers nothing.
 */
import type { Viewer } from './session.js';

function sameOwner(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

/** May the viewer change the status, figures and updates of this work? */
export function canEditWork(
  viewer: Pick<Viewer, 'role' | 'ownerLabels'>,
  work: {
    readonly owner?: string | null | undefined;
    readonly parentOwner?: string | null | undefined;
  },
): boolean {
  if (viewer.role === 'ADMIN' || viewer.role === 'EDITOR') return true;
  if (viewer.role === 'CONTRIBUTOR') {
    return viewer.ownerLabels.some(
      (label) => sameOwner(work.owner, label) || sameOwner(work.parentOwner, label),
    );
  }
  return false;
}

/** May the viewer add, rename or archive delivery actions? Editors and administrators only. */
export function canEditStructure(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'EDITOR';
}

export function isAdmin(viewer: Pick<Viewer, 'role'>): boolean {
  return viewer.role === 'ADMIN';
}
