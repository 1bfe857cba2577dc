/**
 * Which edit controls to show. The API decides every write and refuses what is not allowed;
 * this only keeps people from being offered what they cannot do. Both ask the same rule, the
 * domain's `staffWriteRefusal` (packages/domain/src/access/rules.ts): administrators and
 * editors edit everything, contributors only the work they own (its owner is one of their
 * owner labels, or the commitment above it is theirs), viewers nothing.
 */
import { staffWriteRefusal } from '@plan-tracker/domain';
import type { Viewer } from './session.js';

type Staff = Pick<Viewer, 'role' | 'ownerLabels'>;

/** May the viewer change the status, figures and updates of this work? */
export function canEditWork(
  viewer: Staff,
  work: {
    readonly owner?: string | null | undefined;
    readonly parentOwner?: string | null | undefined;
  },
): boolean {
  const { role, ownerLabels } = viewer;
  return role !== null && staffWriteRefusal({ role, ownerLabels }, 'editWork', work) === null;
}

/** May the viewer add, rename or archive delivery actions? Editors and administrators only. */
export function canEditStructure(viewer: Pick<Viewer, 'role'>): boolean {
  const { role } = viewer;
  return role !== null && staffWriteRefusal({ role, ownerLabels: [] }, 'editStructure') === null;
}

export function isAdmin(viewer: Pick<Viewer, 'role'>): boolean {
  const { role } = viewer;
  return role !== null && staffWriteRefusal({ role, ownerLabels: [] }, 'manageUsers') === null;
}
