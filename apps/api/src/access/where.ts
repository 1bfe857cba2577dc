/**
 * The access rules as Prisma `where` fragments: what a caller may see, added to every query
 * that finds records by something the caller chose (a slug, a global ID). Built from the pure
 * rules in rules.ts; no database is touched here.
 */
import type { Prisma } from '@plan-tracker/db';
import type { Caller } from '@plan-tracker/domain';
import { visibleOrganisationId } from '@plan-tracker/domain';

/** Plans the caller may see: published ones, and every plan of the caller's organisation. */
export function visiblePlanWhere(caller: Caller): Prisma.PlanWhereInput {
  const organisationId = visibleOrganisationId(caller);
  return organisationId === null
    ? { published: true }
    : { OR: [{ published: true }, { organisationId }] };
}

/** Organisations the caller may see: its own, and those with a published plan. */
export function visibleOrganisationWhere(caller: Caller): Prisma.OrganisationWhereInput {
  const organisationId = visibleOrganisationId(caller);
  const published: Prisma.OrganisationWhereInput = { plans: { some: { published: true } } };
  return organisationId === null ? published : { OR: [published, { id: organisationId }] };
}

/**
 * An organisation id no row has, for a `where` that must match nothing. Empty rather than a NUL
 * byte: PostgreSQL refuses NUL in text, so that made every such query an internal error.
 */
export const NO_ORGANISATION = '';

/** Records that belong to the caller's organisation only (users, keys, periods, audit). */
export function ownOrganisationWhere(caller: Caller): { organisationId: string } {
  const organisationId = visibleOrganisationId(caller);
  // An id no row has: anonymous callers match nothing.
  return { organisationId: organisationId ?? NO_ORGANISATION };
}
