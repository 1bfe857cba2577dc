/**
 * Who is calling: nobody (anonymous), a member of staff signed in with a session cookie, or a
 * partner system with an API key. Built once per request by the context factory; the access
 * rules in this folder only ever look at this value.
 */
import type { Role } from '@plan-tracker/db';

/** What an API key may do. `read` sees the organisation's plans; `write:updates` adds progress updates. */
export const API_KEY_SCOPES = ['read', 'write:updates'] as const;
/** One of {@link API_KEY_SCOPES}. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A caller who has not signed in. Sees published plans only, and only their public fields. */
export interface AnonymousCaller {
  readonly kind: 'anonymous';
}

/** A member of staff signed in with email and password. */
export interface UserCaller {
  readonly kind: 'user';
  readonly userId: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly name: string;
  /**
   * The owner labels (roles, teams, partners) this person answers for: as a CONTRIBUTOR they may
   * edit the work whose `owner` is one of them.
   */
  readonly ownerLabels: readonly string[];
  /** The session this request came with, so signing out can end it. */
  readonly sessionId: string;
}

/** A partner system calling with an API key. */
export interface ApiKeyCaller {
  readonly kind: 'apiKey';
  readonly apiKeyId: string;
  readonly organisationId: string;
  /** The key's visible prefix, used as the actor name in the audit log. */
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
}

/** Anyone who can call the API. */
export type Caller = AnonymousCaller | UserCaller | ApiKeyCaller;

/** The one anonymous caller. */
export const ANONYMOUS: AnonymousCaller = Object.freeze({ kind: 'anonymous' });

/** The organisation the caller belongs to, or `null` for anonymous callers. */
export function callerOrganisationId(caller: Caller): string | null {
  return caller.kind === 'anonymous' ? null : caller.organisationId;
}

/** How the audit log names the caller. */
export function actorName(caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return caller.name;
    case 'apiKey':
      return `api-key:${caller.prefix}`;
    default:
      return 'anonymous';
  }
}
