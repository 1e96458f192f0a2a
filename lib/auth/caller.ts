/** Who is calling, resolved to exactly one team: an API key, or the system itself (seed, CLI). */
export type Caller = {
  teamId: string;
  /** Label written to the audit trail: a user's email, `key:<prefix>` for an API key, or a system name. */
  actor: string;
  canWrite: boolean;
  via: "api_key" | "system";
  apiKeyId?: string;
};
