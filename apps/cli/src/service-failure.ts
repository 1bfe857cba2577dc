/**
 * A service's typed failure as the one-line CLI error: validation issues each named by the option
 * a person typed (`--slug: …`), so they know what to change; other failures by their message.
 */
import type { ServiceError } from '@plan-tracker/db';
import { CliError } from './cli-error.js';

/**
 * The option each input field came from, by its path joined with dots (`periodStart`,
 * `revision.code`). A field mapped to `null` is named by its message alone: a plan file's
 * faults name the file and line themselves.
 */
export type OptionNames = Readonly<Record<string, string | null>>;

/** `cannot <doing>: <issue>; <issue>`, one issue per broken rule. */
export function serviceFailure(
  doing: string,
  error: ServiceError,
  options: OptionNames = {},
): CliError {
  if (error.code !== 'VALIDATION') return new CliError(`cannot ${doing}: ${error.message}`);
  const issues = error.issues.map((issue) => {
    const field = issue.path.join('.');
    const option = field in options ? options[field] : field || 'input';
    // One line of issues joined by semicolons: a message's own full stop would stand before one.
    const message = issue.message.replace(/\.$/, '');
    return option === null ? message : `${option}: ${message}`;
  });
  return new CliError(`cannot ${doing}: ${issues.join('; ')}`);
}
