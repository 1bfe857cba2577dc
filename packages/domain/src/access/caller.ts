/**
 * Who is acting: nobody (anonymous), a member of staff signed in with a session cookie, a
 * partner system with an API key, or the system itself (the seed, imports, scripts). The API
 * builds one per request; the db services receive it with every write and apply the access
 * rules of `rules.ts` to the record they loaded, inside the write's transaction.
 */
import { z } from 'zod';
import type { Role } from '../model/vocabulary.js';

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
  /**
   * True for the people who run the deployment for every office on it: they may create
   * organisations. Within an organisation their role decides, as for anyone.
   */
  readonly platformOperator?: boolean | undefined;
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

/**
 * The system itself acting for one organisation: the seed, plan imports, scripts run by an
 * operator. It may make any write in that organisation; it never reaches the API.
 */
export interface SystemCaller {
  readonly kind: 'system';
  readonly organisationId: string;
}

/** Anyone who can call the API. */
export type Caller = AnonymousCaller | UserCaller | ApiKeyCaller;

/** Anyone who can write: a caller of the API or the system. */
export type Writer = Caller | SystemCaller;

/** The one anonymous caller. */
export const ANONYMOUS: AnonymousCaller = Object.freeze({ kind: 'anonymous' });

/** The organisation the caller belongs to, or `null` for anonymous callers. */
export function callerOrganisationId(caller: Caller | SystemCaller): string | null {
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

/** A new API key, as an administrator asks for it: what it is for, what it may do, until when. */
export const ApiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the key a name.').max(200, 'Use 200 characters or fewer.'),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'Choose at least one scope.'),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), 'The expiry must be in the future.')
    .nullish()
    .transform((date) => date ?? null),
});
