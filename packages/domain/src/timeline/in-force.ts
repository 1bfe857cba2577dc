/**
 * Which commitments belong to a plan at a date. A plan changes by revisions: each introduces
 * commitments and may withdraw earlier ones. "As at" reads and reports count only the
 * commitments in force at their date.
 */
import type { IsoDate } from '../model/primitives.js';

/** A plan revision, as far as dates in force need it. */
export interface RevisionDate {
  readonly id: string;
  readonly publishedOn: IsoDate;
}

/**
 * The date from which each revision's changes hold: its publication, except for the plan's
 * first revision, whose commitments hold from the start of the plan period. A plan is usually
 * published months into the term it covers (the Dorset plan in October 2021 for a term that
 * began in May), and delivery against it is reported from the start: the first-100-days report
 * and the Q2 2021/22 monitoring both predate publication.
 *
 * @param revisions - the plan's revisions, in any order
 * @param planStart - the first day of the plan period
 * @returns the date by revision id
 */
export function revisionsInForceFrom(
  revisions: readonly RevisionDate[],
  planStart: IsoDate,
): Map<string, IsoDate> {
  const first = [...revisions].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))[0];
  return new Map(
    revisions.map((r) => [
      r.id,
      r === first && planStart < r.publishedOn ? planStart : r.publishedOn,
    ]),
  );
}

/** A commitment, as far as being in force needs it. */
export interface RevisedCommitment {
  readonly introducedInRevisionId: string;
  readonly withdrawnInRevisionId?: string | null | undefined;
}

/**
 * True when the commitment is part of the plan at the end of `date`: the revision that
 * introduced it holds by then, and no revision that withdrew it does.
 *
 * @param commitment - which revisions introduced and withdrew it
 * @param inForceFrom - from {@link revisionsInForceFrom}
 * @param date - the date asked about
 */
export function isInForce(
  commitment: RevisedCommitment,
  inForceFrom: ReadonlyMap<string, IsoDate>,
  date: IsoDate,
): boolean {
  const introduced = inForceFrom.get(commitment.introducedInRevisionId);
  if (introduced === undefined || introduced > date) return false;
  if (!commitment.withdrawnInRevisionId) return true;
  const withdrawn = inForceFrom.get(commitment.withdrawnInRevisionId);
  return withdrawn === undefined || withdrawn > date;
}
