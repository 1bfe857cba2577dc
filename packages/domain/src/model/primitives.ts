/**
 * Small value schemas every entity uses: ids, dates, per cents, codes, period labels and
 * evidence links.
 */
import { z } from 'zod';
import { isIsoDate } from '../timeline/calendar.js';
import { financialYearStartYear, isPeriodLabel } from '../timeline/financial-year.js';

/** A record id: any non-empty string (the database chooses the format). */
export const IdSchema = z.string().min(1, 'An id cannot be empty.');
/** A record id. */
export type Id = z.infer<typeof IdSchema>;

/** A URL-safe name such as `dorset-2021-29`: lower-case letters and digits joined by single hyphens. */
export const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Use lower-case letters and digits joined by hyphens, for example dorset-2021-29.',
  );
/** A URL-safe name. */
export type Slug = z.infer<typeof SlugSchema>;

/**
 * A calendar date `YYYY-MM-DD` that exists (`2024-02-29` yes, `2023-02-29` no). Dates are
 * strings, never `Date` objects, so they cannot shift with a time zone.
 */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, 'Enter a real date in the form YYYY-MM-DD, for example 2021-05-13.');
/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** An instant: ISO 8601 date and time with `Z` or an offset, e.g. `2021-08-24T09:30:00+01:00`. */
export const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'Enter a date and time with a time zone, for example 2021-08-24T09:30:00+01:00.',
});
/** An ISO 8601 instant with offset. */
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A whole per cent from 0 to 100. */
export const PercentSchema = z
  .number()
  .int('Enter a whole number per cent.')
  .min(0, 'Per cent cannot be less than 0.')
  .max(100, 'Per cent cannot be more than 100.');
/** A whole per cent from 0 to 100. */
export type Percent = z.infer<typeof PercentSchema>;

/** A priority's number within its plan, 1–6 (the plan has six priorities). */
export const PriorityNumberSchema = z.number().int().min(1).max(6);

/** A 1-based position within a parent. */
export const PositionSchema = z.number().int().min(1);

/**
 * A commitment code: `priority.theme.position` such as `1.2.3`, or for a cross-cutting
 * commitment `X.n.m`, where `n` is the section (1–3) and `m` the position within it.
 */
export const CommitmentCodeSchema = z
  .string()
  .regex(
    /^(?:[1-9]\d*\.[1-9]\d*\.[1-9]\d*|X\.[1-3]\.[1-9]\d*)$/,
    'Use a code such as 1.2.3, or X.1.2 for a cross-cutting commitment.',
  );
/** A commitment code such as `1.2.3` or `X.1.2`. */
export type CommitmentCode = z.infer<typeof CommitmentCodeSchema>;

/** A financial-year label such as `2021/22`, the second year following the first. */
export const FinancialYearSchema = z
  .string()
  .refine(
    (value) => financialYearStartYear(value) !== null,
    'Use a financial year such as 2021/22.',
  );
/** A financial-year label such as `2021/22`. */
export type FinancialYear = z.infer<typeof FinancialYearSchema>;

/** A reporting-period label such as `2021/22 Q2` (Q1 is April–June). */
export const PeriodLabelSchema = z
  .string()
  .refine(isPeriodLabel, 'Use a reporting period such as 2021/22 Q2.');
/** A reporting-period label such as `2021/22 Q2`. */
export type PeriodLabel = z.infer<typeof PeriodLabelSchema>;

/**
 * A required piece of text: trimmed, then 1 to `max` characters.
 *
 * @param max - most characters allowed after trimming
 * @param what - how messages name the field, e.g. `"The title"`
 */
export function requiredText(max: number, what = 'This'): z.ZodString {
  return z
    .string()
    .trim()
    .min(1, `${what} cannot be blank.`)
    .max(max, `${what} must be ${max} characters or fewer.`);
}

/** A link to evidence behind an update: a title and an `http`/`https` URL. */
export const EvidenceLinkSchema = z.object({
  title: requiredText(200, 'The link title'),
  url: z.url({
    protocol: /^https?$/,
    message: 'Enter a web address starting with http:// or https://.',
  }),
});
/** A link to evidence behind an update. */
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;
