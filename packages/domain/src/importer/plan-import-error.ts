/** The one error the plan-text importer throws: a stable code and the 1-based line at fault. */
import { DomainError } from '../errors.js';

/** Every code a {@link PlanImportError} can carry. Stable: never renamed or reused. */
export const PLAN_IMPORT_ERROR_CODES = [
  'IMPORT_NOT_TEXT',
  'IMPORT_EMPTY_FILE',
  'IMPORT_NO_PRIORITIES',
  'IMPORT_BULLET_OUTSIDE_THEME',
  'IMPORT_THEME_WITHOUT_COMMITMENTS',
  'IMPORT_PRIORITY_WITHOUT_COMMITMENTS',
  'IMPORT_DUPLICATE_PRIORITY_NUMBER',
  'IMPORT_MALFORMED_MEASURES_ROW',
  'IMPORT_UNKNOWN_MEASURES_PRIORITY',
  'IMPORT_DUPLICATE_MEASURES_ROW',
  'IMPORT_INVALID_DOCUMENT',
  'IMPORT_UNKNOWN_SECTION',
  'IMPORT_PRIORITY_WITHOUT_I_WILL',
  'IMPORT_I_WILL_IN_PRIORITY',
] as const;

/** One of {@link PLAN_IMPORT_ERROR_CODES}. */
export type PlanImportErrorCode = (typeof PLAN_IMPORT_ERROR_CODES)[number];

/**
 * Plan text the importer cannot turn into a plan. The message reads
 * `[source ]line N: what is wrong — what to do`, so a command-line tool can print it as is.
 */
export class PlanImportError extends DomainError<PlanImportErrorCode> {
  /** 1-based line of the text at fault (1 when the fault is the text as a whole). */
  readonly line: number;
  /** The message without its location prefix. */
  readonly reason: string;

  /**
   * @param code - stable error code
   * @param line - 1-based line number at fault
   * @param reason - what is wrong and what to do, without the location
   * @param sourceName - the file name to put before the line number, when known
   */
  constructor(code: PlanImportErrorCode, line: number, reason: string, sourceName?: string) {
    const where = `${sourceName ? `${sourceName} ` : ''}line ${line}`;
    super(code, `${where}: ${reason}`, { line, ...(sourceName ? { sourceName } : {}) });
    this.name = 'PlanImportError';
    this.line = line;
    this.reason = reason;
  }
}

/** True when `value` is a {@link PlanImportError}. */
export function isPlanImportError(value: unknown): value is PlanImportError {
  return value instanceof PlanImportError;
}
