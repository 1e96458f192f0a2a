import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { changeTeamList } from "@/lib/cache";
import { getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { copyEntryToRemoved, deleteAliasesOf, lockEntryRow } from "@/lib/db/statements";
import { assertMayChange, clientIdField, mayRead } from "@/lib/clients/client-scope";
import { AppError } from "@/lib/errors";
import { newAuditEventId } from "@/lib/ids";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { isProtectedCategory, PROTECTED_CATEGORIES } from "./categories";
import { restoreCutoff } from "./restore-window";
import { entryIdSchema } from "./schemas";

/** The caller's entry that `authorizeEntryDeletion` found, or null for a malformed or unknown id. */
export type EntryToDelete = { id: string; url: string; kind: string; category: string; clientId: string } | null;

/**
 * Removes one entry, as Kakiyo's DELETE /dnc/{id} does, keeping it restorable.
 * 1. A malformed or unknown id → `dnc_not_found`; another team's entry → `unauthorized_dnc`. The
 *    route has made this check already and passes its answer (`authorized`), so the entry is read once.
 *    A protected entry (a complaint or a legal demand) is removed only by an owner in the dashboard
 *    (else `protected_entry`), with a reason (else `reason_required`); the write repeats the check.
 * 2. One audited write (removeEntry): copy the entry as it is to RemovedEntry (with its aliases, who removed it,
 *    why, and the id of the audit event), delete its aliases (explicitly, no cascade relied on) and
 *    then it, scoped to the caller's team, and write the `dnc.deleted`
 *    audit row and its webhook deliveries only if a row was deleted; removals past the restore
 *    window are dropped on the way (at most once a minute). A concurrent delete that got there first leaves this one
 *    deleting nothing → `dnc_not_found`, no copy and no second audit row.
 * 3. The team's cached answers are invalidated around the change, so the next check on any
 *    instance answers `onList: false`.
 */
export async function deleteEntry(options: { caller: Caller; id: string; reason?: string; requestId: string; authorized?: EntryToDelete }) {
  const { teamId, actor } = options.caller;
  const entry = options.authorized === undefined ? await authorizeEntryDeletion(options) : options.authorized;
  if (!entry || entry.id !== options.id) throw new AppError("dnc_not_found");
  const mayRemoveProtected = can(options.caller, "entries.protected");
  if (isProtectedCategory(entry.category)) {
    if (!mayRemoveProtected) throw new AppError("protected_entry");
    if (!options.reason) throw new AppError("reason_required");
  }

  const changed = await removeEntry({
    teamId,
    entry,
    actor,
    reason: options.reason ?? null,
    event: { action: "dnc.deleted", requestId: options.requestId },
    webhook: {
      type: "dnc.deleted",
      data: { id: entry.id, url: entry.url, reason: options.reason ?? null, ...clientIdField(entry.clientId) },
    },
    // Made protected since it was read: the write re-checks, so such a removal changes nothing.
    onlyIf: mayRemoveProtected && options.reason ? undefined : unprotectedEntry(),
  });
  if (!changed) {
    // Still listed: it was made protected since it was read.
    const stillListed = await (await getDb()).dncEntry.count({ where: { id: entry.id, teamId } });
    if (stillListed === 0) throw new AppError("dnc_not_found");
    throw new AppError(mayRemoveProtected ? "reason_required" : "protected_entry");
  }
}

/**
 * Moves the team's entry to Recently removed in one audited write: a deletion, or the sweeper's
 * expiry (`onlyIf` then keeps the entry unless it is still due, so a removal that lost a race to
 * another instance, a restore or a new expiry changes nothing and records nothing). Returns whether
 * it removed the entry.
 */
export async function removeEntry(options: {
  teamId: string;
  entry: { id: string; url: string; clientId: string };
  actor: string;
  reason: string | null;
  event: { action: "dnc.deleted" | "dnc.expired"; requestId?: string };
  webhook: { type: "dnc.deleted" | "dnc.expired"; data: unknown };
  onlyIf?: Prisma.Sql;
}): Promise<boolean> {
  const { teamId, entry, actor, reason } = options;
  const now = new Date();
  const eventId = newAuditEventId(now.getTime());
  const condition = options.onlyIf ?? Prisma.empty;
  const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at: now,
      before: (db) => [
        ...lockEntryRow(db, { id: entry.id, teamId }),
        ...(purgeIsDue(teamId, now) ? [db.removedEntry.deleteMany({ where: { teamId, removedAt: { lt: restoreCutoff(now) } } })] : []),
        copyEntryToRemoved(
          db,
          { id: entry.id, teamId, onlyIf: condition },
          { removedAt: now, removedBy: actor, reason, removalEventId: eventId },
        ),
        deleteAliasesOf(db, { id: entry.id, teamId, onlyIf: condition }),
      ],
      change: Prisma.sql`DELETE FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${teamId}${condition}`,
      events: [
        {
          id: eventId,
          teamId,
          action: options.event.action,
          actor,
          targetId: entry.id,
          url: entry.url,
          reason: reason ?? undefined,
          requestId: options.event.requestId,
          ...clientIdField(entry.clientId),
        },
      ],
      deliveries: webhookDeliveries({ ...options.webhook, at: now }),
    }),
  );
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return changed > 0;
}

/** The entry is not a protected one: the condition of a removal by a caller that may not remove those. */
export function unprotectedEntry(): Prisma.Sql {
  return Prisma.sql` AND "category" NOT IN (${Prisma.join(PROTECTED_CATEGORIES)})`;
}

const PURGE_INTERVAL_MS = 60_000;
const lastPurge = new Map<string, number>();

/**
 * Removals past the restore window are dropped at most once a minute per team and process: every
 * read already leaves them out, so the purge only keeps the table small, and a statement in every
 * delete would cost each one more than the purge is worth.
 */
function purgeIsDue(teamId: string, now: Date): boolean {
  if (now.getTime() - (lastPurge.get(teamId) ?? 0) < PURGE_INTERVAL_MS) return false;
  lastPurge.set(teamId, now.getTime());
  return true;
}

/**
 * Another team's entry is refused with 403 `unauthorized_dnc`, as Kakiyo does; so is a global entry
 * to a client-bound key, and another client's entry is, to it, not there (lib/clients/client-scope.ts).
 * The route runs this before the rate limit, so such a request spends none of the team's budget; the
 * entry it returns (null for a malformed or unknown id) is the one the delete removes.
 */
export async function authorizeEntryDeletion(options: { caller: Caller; id: string }): Promise<EntryToDelete> {
  if (!entryIdSchema.safeParse(options.id).success) return null;
  const db = await getDb();
  const [entry] = await db.$queryRaw<{ teamId: string; url: string; kind: string; category: string; clientId: string }[]>`
    SELECT "teamId", "url", "kind", "category", "clientId" FROM "DncEntry" WHERE "id" = ${options.id}`;
  if (!entry) return null;
  if (entry.teamId !== options.caller.teamId) throw new AppError("unauthorized_dnc");
  if (!mayRead(options.caller, entry.clientId)) return null;
  assertMayChange(options.caller, entry.clientId);
  return { id: options.id, url: entry.url, kind: entry.kind, category: entry.category, clientId: entry.clientId };
}
