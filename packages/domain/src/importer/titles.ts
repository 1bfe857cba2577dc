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
export function titleKeys(title: string): Set<string> {
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

/** True when two wordings name the same title. */
export function sameTitle(a: string, b: string): boolean {
  const keys = titleKeys(a);
  for (const key of titleKeys(b)) if (keys.has(key)) return true;
  return false;
}
