import "server-only";

/**
 * What a failed statement says, message and metadata together: the engines word a violated
 * constraint differently (SQLite names the columns, PostgreSQL the index), and Prisma puts the
 * names in one or the other, so callers match this text rather than one engine's error code.
 */
function errorText(error: unknown): string {
  return `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? "")}`;
}

/** A unique index refused the write; with `naming`, an index whose columns or name match it. */
export function isUniqueViolation(error: unknown, naming?: RegExp): boolean {
  const text = errorText(error);
  return /unique/i.test(text) && (naming === undefined || naming.test(text));
}

/** A NOT NULL column refused the write: how `failTransactionWhen` (lib/db/statements.ts) fails a transaction. */
export function isGuardFailure(error: unknown): boolean {
  return /not[ -]null|null value/i.test(errorText(error));
}
