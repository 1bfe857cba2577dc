/**
 * The report's sort orders, in one place so every section and format lists things alike:
 * commitments by code, then by date, then by id so that ties still sort the same way.
 */

/**
 * Orders commitment codes as people read them: `1.2.3` before `1.10.1`, priorities before the
 * cross-cutting `X.n.m` codes.
 *
 * @param a - a commitment code
 * @param b - a commitment code
 * @returns negative when `a` comes first, 0 when equal, positive otherwise
 */
export function compareCommitmentCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    // Cross-cutting codes start with X and follow the six priorities.
    if (x === 'X' || y === 'X') return x === 'X' ? 1 : -1;
    const diff = Number(x) - Number(y);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
    return compareText(x, y);
  }
  return 0;
}

/**
 * Orders strings by UTF-16 code units: the same on every machine, unlike `localeCompare`.
 *
 * @param a - text
 * @param b - text
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders optional `YYYY-MM-DD` dates, earliest first and missing dates last.
 *
 * @param a - a date or `null`
 * @param b - a date or `null`
 */
export function compareOptionalDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/**
 * Chains comparisons: the first non-zero result wins.
 *
 * @param results - comparison results in order of precedence
 */
export function firstDifference(...results: number[]): number {
  return results.find((r) => r !== 0) ?? 0;
}
