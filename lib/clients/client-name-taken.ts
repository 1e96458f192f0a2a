import "server-only";

/**
 * Whether a write failed on the unique index of a team's client names (Client_teamId_name_key): the
 * index decides between two writes naming a client alike at once, so no read-then-write race. The
 * wording differs by engine (SQLite names the columns, PostgreSQL the index).
 */
export function isClientNameTaken(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? "")}`;
  return /unique/i.test(text) && /Client_teamId_name_key|Client\.name|"name"/.test(text);
}
