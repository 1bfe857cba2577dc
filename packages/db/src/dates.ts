/**
 * Calendar dates between the domain (ISO `YYYY-MM-DD` strings) and PostgreSQL `date` columns,
 * which Prisma represents as a `Date` at midnight UTC. Going through UTC keeps a date from
 * shifting with the machine's time zone.
 */
import type { IsoDate } from '@plan-tracker/domain';

/** `2021-09-30` → the `Date` Prisma writes to a `@db.Date` column as 2021-09-30. */
export function toDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A `@db.Date` value read by Prisma → `2021-09-30`. */
export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** {@link toDbDate} for optional values. */
export function toDbDateOrNull(date: IsoDate | null | undefined): Date | null {
  return date ? toDbDate(date) : null;
}

/** {@link fromDbDate} for optional values. */
export function fromDbDateOrNull(date: Date | null | undefined): IsoDate | null {
  return date ? fromDbDate(date) : null;
}
