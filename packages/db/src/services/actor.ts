import type { Writer } from '@plan-tracker/domain';

/**
 * Who is writing: every write records it in history, and applies the domain's access rules
 * (`writeRefusal`) to `caller` on the record it loaded, inside its transaction.
 */
export interface Actor {
  /** Every row a service reads or writes must belong to this organisation. */
  readonly organisationId: string;
  /** The signed-in user, if a user is acting. */
  readonly userId: string | null;
  /** The API key, if a partner system is acting. */
  readonly apiKeyId: string | null;
  /** Who acted, as people read it in history: `Jo Bloggs (EDITOR)`, `API key partner-x`, `seed`. */
  readonly label: string;
  /** What the access rules judge: the API's caller, or the system. */
  readonly caller: Writer;
}

/** An actor for the system itself (seed, imports, scripts): no user, no API key, any write. */
export function systemActor(organisationId: string, label = 'system'): Actor {
  return {
    organisationId,
    userId: null,
    apiKeyId: null,
    label,
    caller: { kind: 'system', organisationId },
  };
}

/**
 * The system creating an organisation (an operator at the command line, the seed): it acts for
 * no organisation yet. See the plan services' `createOrganisation`.
 */
export function systemCreator(label = 'system'): Pick<Actor, 'label' | 'userId' | 'caller'> {
  return { label, userId: null, caller: { kind: 'system', organisationId: '' } };
}
