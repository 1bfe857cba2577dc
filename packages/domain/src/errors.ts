/**
 * Typed errors for expected failures in the domain: a bad period label, a forbidden status
 * change. Each carries a stable `code` that the API copies into `extensions.code`, so callers
 * branch on the code and never on the wording of the message.
 */

/**
 * Error codes raised by the status and timeline modules. Other modules (the importer) add
 * their own prefixed codes through `DomainError`'s type parameter. Codes are stable: a code is never renamed or
 * reused, so clients may match on it.
 */
export const DOMAIN_ERROR_CODES = [
  'STATUS_TRANSITION_FORBIDDEN',
  'STATUS_REASON_REQUIRED',
  'TIMELINE_INVALID_DATE',
  'TIMELINE_INVALID_PERIOD_LABEL',
  'TIMELINE_INVALID_RANGE',
] as const;

/** One of {@link DOMAIN_ERROR_CODES}. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Extra, machine-readable facts about a failure (the offending value, the allowed values). */
export type DomainErrorDetails = Readonly<Record<string, unknown>>;

/**
 * Base class of every expected failure raised by the domain package.
 *
 * The message is written for the person who made the request and says what to do next;
 * `code` is for programs. Subclasses narrow `code` to the codes they can raise; a module with
 * its own codes passes them as `Code` (any prefixed string), e.g.
 * `class PlanImportError extends DomainError<PlanImportErrorCode>`.
 *
 * @example
 * ```ts
 * try { periodFromLabel(input); }
 * catch (error) { if (isDomainError(error)) return { code: error.code, message: error.message }; throw error; }
 * ```
 */
export class DomainError<Code extends string = DomainErrorCode> extends Error {
  /** Stable, prefixed error code, e.g. `STATUS_REASON_REQUIRED`. */
  readonly code: Code;
  /** Machine-readable facts about the failure; empty when there are none. */
  readonly details: DomainErrorDetails;

  /**
   * @param code - stable error code
   * @param message - plain-English message that says what to do
   * @param details - machine-readable facts (the offending value and so on)
   * @param options - standard `Error` options, e.g. `cause`
   */
  constructor(
    code: Code,
    message: string,
    details: DomainErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/**
 * True when `value` is a {@link DomainError}, optionally with the given code.
 *
 * @param value - anything caught
 * @param code - when given, the error must also carry this code
 */
export function isDomainError<Code extends string>(
  value: unknown,
  code?: Code,
): value is DomainError<Code> {
  return value instanceof DomainError && (code === undefined || value.code === code);
}

/**
 * A calendar date that is not a real `YYYY-MM-DD` date.
 *
 * @param value - the rejected input
 * @param what - what the date was for, used in the message (e.g. `"due date"`)
 */
export function invalidDateError(
  value: unknown,
  what = 'date',
): DomainError<'TIMELINE_INVALID_DATE'> {
  return new DomainError(
    'TIMELINE_INVALID_DATE',
    `The ${what} ${JSON.stringify(value)} is not a real calendar date. Use the form YYYY-MM-DD, for example 2021-05-13.`,
    { value },
  );
}

/**
 * A reporting-period label that is not of the form `2021/22 Q2`.
 *
 * @param value - the rejected label
 */
export function invalidPeriodLabelError(
  value: unknown,
): DomainError<'TIMELINE_INVALID_PERIOD_LABEL'> {
  return new DomainError(
    'TIMELINE_INVALID_PERIOD_LABEL',
    `The reporting period ${JSON.stringify(value)} is not valid. Use a financial year and quarter such as "2021/22 Q2", where the second year follows the first.`,
    { value },
  );
}

/**
 * A date range whose end comes before its start.
 *
 * @param start - start of the range
 * @param end - end of the range
 */
export function invalidRangeError(
  start: string,
  end: string,
): DomainError<'TIMELINE_INVALID_RANGE'> {
  return new DomainError(
    'TIMELINE_INVALID_RANGE',
    `The end date ${end} is before the start date ${start}. Give an end date on or after the start date.`,
    { start, end },
  );
}
