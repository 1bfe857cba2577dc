// Calendar dates cross the database boundary here: the domain's IsoDate strings are stored in
// `@db.Date` columns, which Prisma reads and writes as JavaScript Dates at midnight UTC.
import type { IsoDate } from '@plan-tracker/domain';

export function toDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function toDbDateOrNull(date: IsoDate | null | undefined): Date | null {
  return date ? toDbDate(date) : null;
}

export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function fromDbDateOrNull(date: Date | null): IsoDate | null {
  return date ? fromDbDate(date) : null;
}

export function isoInstantOrNull(instant: Date | null): string | null {
  return instant ? instant.toISOString() : null;
}
