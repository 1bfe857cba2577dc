/** Who is writing: every write records it in history. Services do not check roles (the API does). */
export interface Actor {
  /** Every row a service reads or writes must belong to this organisation. */
  readonly organisationId: string;
  /** The signed-in user, if a user is acting. */
  readonly userId: string | null;
  /** The API key, if a partner system is acting. */
  readonly apiKeyId: string | null;
  /** Who acted, as people read it in history: `Jo Bloggs (EDITOR)`, `API key partner-x`, `seed`. */
  readonly label: string;
}

/** An actor for the system itself (seed, imports, scripts): no user, no API key. */
export function systemActor(organisationId: string, label = 'system'): Actor {
  return { organisationId, userId: null, apiKeyId: null, label };
}
