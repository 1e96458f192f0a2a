import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { changeTeamList } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { deleteAlias } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker } from "@/lib/webhooks/outbox";
import { readEntry } from "./add-alias";
import { isProtectedCategory } from "./categories";
import { authorizeEntryDeletion, type EntryToDelete, unprotectedEntry } from "./delete-entry";
import { aliasChangeRecords, aliasFromPath } from "./entry-aliases";
import type { DncEntryDto } from "./schemas";

/**
 * Takes an alias off one of the team's entries; the entry and its other identifiers stay.
 * 1. The alias (a path segment: any accepted spelling, percent-encoded) must be an identifier
 *    (`invalid_url`); the entry the caller's team's, as for adding one.
 * 2. One audited write: delete the alias of this entry, and write the `dnc.alias_removed` audit
 *    row and its webhook deliveries only if a row was deleted.
 * 3. Nothing deleted: `alias_not_found` while the entry is listed, else `dnc_not_found`.
 * 4. The team's cached answers are invalidated around the change.
 * Answers the entry with the aliases it has left.
 */
export async function removeAlias(options: {
  caller: Caller;
  id: string;
  alias: string;
  requestId: string;
  authorized?: EntryToDelete;
}): Promise<DncEntryDto> {
  const parsed = aliasFromPath(options.alias);
  if (!parsed) throw new AppError("invalid_url");
  const { teamId, actor } = options.caller;
  const entry = options.authorized === undefined ? await authorizeEntryDeletion(options) : options.authorized;
  if (!entry || entry.id !== options.id) throw new AppError("dnc_not_found");
  // An identifier taken off a complaint or a legal demand becomes contactable: that is an owner's removal.
  const mayTouchProtected = can(options.caller, "entries.protected");
  if (isProtectedCategory(entry.category) && !mayTouchProtected) throw new AppError("protected_entry");

  const alias = parsed.canonical;
  const now = new Date();
  const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at: now,
      change: deleteAlias({ teamId, entryId: entry.id, url: alias, onlyIf: mayTouchProtected ? undefined : unprotectedEntry() }),
      ...aliasChangeRecords({
        action: "dnc.alias_removed",
        actor,
        requestId: options.requestId,
        entry: { ...entry, teamId },
        alias,
        at: now,
      }),
    }),
  );
  if (changed === 0) {
    const listed = await (await getDb()).dncEntry.findFirst({ where: { id: entry.id, teamId }, select: { category: true } });
    if (!listed) throw new AppError("dnc_not_found");
    throw new AppError(isProtectedCategory(listed.category) && !mayTouchProtected ? "protected_entry" : "alias_not_found");
  }
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return readEntry(teamId, entry.id);
}
