/**
 * Matching the ways one plan words the same priority: "Cut Crime and Anti-Social Behaviour
 * (ASB)" in the contents, "CUT CRIME & ANTI-SOCIAL BEHAVIOUR" in the overview and "CUT CRIME
 * AND ASB" in the measures table are one priority.
 */

function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The forms of a title that count as the same title: as written, without its bracketed
 * acronym, and with the acronym standing in for the words it abbreviates.
 */
export function titleKeys(title: string): ReadonlySet<string> {
  const cached = keyCache.get(title);
  if (cached) return cached;
  if (keyCache.size > 2000) keyCache.clear();
  const keys = computeKeys(title);
  keyCache.set(title, keys);
  return keys;
}

// The same few titles are compared against every line of a plan, so their keys are kept.
const keyCache = new Map<string, ReadonlySet<string>>();

function computeKeys(title: string): Set<string> {
  const base = title.toLowerCase().replace(/&/g, ' and ');
  const keys = new Set([simplify(base), simplify(base.replace(/\([^)]*\)/g, ' '))]);
  const bracketed = /^(.*?)\(\s*([\p{L}]{2,8})\s*\)(.*)$/u.exec(base);
  if (bracketed) {
    const [, before = '', acronym = '', after = ''] = bracketed;
    const words = before.trim().split(/[\s-]+/);
    const expanded = words.slice(-acronym.length);
    if (
      expanded.length === acronym.length &&
      expanded.map((word) => word.charAt(0)).join('') === acronym
    ) {
      keys.add(simplify(`${words.slice(0, -acronym.length).join(' ')} ${acronym} ${after}`));
    }
  }
  keys.delete('');
  return keys;
}

// Longer text is a paragraph, not a title; skipping it keeps the importer fast.
const TITLE_MAX_LENGTH = 150;

/** True when two wordings name the same title. */
export function sameTitle(a: string, b: string): boolean {
  if (a.length > TITLE_MAX_LENGTH || b.length > TITLE_MAX_LENGTH) return false;
  const keys = titleKeys(a);
  for (const key of titleKeys(b)) if (keys.has(key)) return true;
  return false;
}
