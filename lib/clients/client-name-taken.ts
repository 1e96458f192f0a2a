import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * Whether a write failed on the unique index of a team's client names (Client_teamId_name_key): the
 * index decides between two writes naming a client alike at once, so no read-then-write race. The
 * wording differs by engine (SQLite names the columns, PostgreSQL the index).
 */
export function isClientNameTaken(error: unknown): boolean {
  return isUniqueViolation(error, /Client_teamId_name_key|Client\.name|"name"/);
}
