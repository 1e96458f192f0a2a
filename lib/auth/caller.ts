import type { KeyScope, Role } from "./permissions";

/** Who is calling, resolved to exactly one team: an API key, a signed-in user, or the system itself (seed, CLI). */
export type Caller = {
  teamId: string;
  /** Label written to the audit trail: a user's email, `key:<prefix>` for an API key, or a system name. */
  actor: string;
  via: "api_key" | "session" | "system";
  apiKeyId?: string;
  /** Set for API key callers: what the key may do. */
  keyScope?: KeyScope;
  /** Set for API key callers: the key's name, recorded with the entries it adds */
  apiKeyName?: string;
  /** Set for session callers: the membership's role, re-read from the database on this request. */
  role?: Role;
  userId?: string;
  /** Set for a client-bound API key: it adds to this client's list and reads the global list plus this one. */
  clientId?: string;
};

/** Who added an entry, as the entry records it: a user's email, or "<key name> (key:<prefix>)". */
export function entryAuthor(caller: Caller): string {
  return caller.apiKeyName === undefined ? caller.actor : `${caller.apiKeyName} (${caller.actor})`;
}
