/**
 * Who single sign-on lets in, as pure rules: the identity provider proves an email address and
 * a list of groups; the organisation's settings say which email domains may come in and which
 * group gives which role. The API's OpenID Connect callback asks these; nothing else decides.
 */
import { ROLES, type Role } from '../model/vocabulary.js';

/** True when the address is in one of the domains (exactly; subdomains are not included). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  return domains.includes(email.slice(at + 1).toLowerCase());
}

/** The most powerful role any of the groups maps to, or null when none does. */
export function roleFromGroups(
  groups: readonly string[],
  mapping: readonly { readonly group: string; readonly role: Role }[],
): Role | null {
  const roles = new Set(mapping.filter((m) => groups.includes(m.group)).map((m) => m.role));
  return ROLES.find((role) => roles.has(role)) ?? null;
}

/** The groups claim of an ID token as a list (a single string counts as one group). */
export function groupsOf(claims: Readonly<Record<string, unknown>>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}
