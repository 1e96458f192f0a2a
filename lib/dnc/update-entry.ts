import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { changeTeamList } from "@/lib/cache";
import { type DncEntry, getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { clientIdField } from "@/lib/clients/client-scope";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { readEntry } from "./add-alias";
import { type EntryCategory, isProtectedCategory } from "./categories";
import { mayExpireProtected } from "./entry-record";
import { authorizeEntryDeletion, type EntryToDelete } from "./delete-entry";
import type { DncEntryDto, UpdateEntryBody } from "./schemas";

/**
 * The fields PATCH /dnc/{id} changes: how a sent value is stored, and how a stored one is written in
 * the audit trail. Adding a field is one line here and one in updateEntryBodySchema.
 */
const UPDATABLE = {
  expiresAt: { store: (value: Date | null) => value, show: (value: Date | null) => value?.toISOString() ?? null },
  note: { store: (value: string | null) => value?.trim() || null, show: (value: string | null) => value },
  category: { store: (value: EntryCategory) => value, show: (value: string) => value },
} satisfies { [Field in keyof UpdateEntryBody]-?: Updatable<Exclude<UpdateEntryBody[Field], undefined>, DncEntry[Field]> };
type Updatable<Sent, Stored> = { store: (value: Sent) => Stored; show: (value: Stored) => string | null };
type Field = keyof typeof UPDATABLE;

/** What an update changed, as its `dnc.updated` event records it (JSON in the event's reason): each field's value before and after. */
export type EntryChanges = Partial<Record<Field, { from: string | null; to: string | null }>>;

/** Another write changing the entry between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 3;

/**
 * Changes fields of one of the team's entries (PATCH /dnc/{id}).
 * 1. The entry must be the caller's team's (checked by the route before the rate limit, as
 *    DELETE /dnc/{id} does) and not past its expiry (an expired entry is off the list: restore it).
 * 2. Fields sent with the value they have already change nothing; with none left the entry is
 *    answered as it is, and nothing is written. Making a protected entry (a complaint or a legal
 *    demand) another category, or giving one an expiry, is for owners in the dashboard (else
 *    `protected_entry`).
 * 3. One audited write: the update, only while the entry is as it was read (its `updatedAt`) and
 *    not expired, and the `dnc.updated` audit row naming each change (from → to) with its webhook
 *    deliveries, only if it happened; a write that lost a race reads the entry again and retries.
 * 4. The team's cached answers are invalidated around the change (a new expiry changes checks).
 */
export async function updateEntry(options: {
  caller: Caller;
  id: string;
  body: UpdateEntryBody;
  requestId: string;
  authorized?: EntryToDelete;
}): Promise<DncEntryDto> {
  const { teamId, actor } = options.caller;
  const authorized = options.authorized === undefined ? await authorizeEntryDeletion(options) : options.authorized;
  if (!authorized || authorized.id !== options.id) throw new AppError("dnc_not_found");
  const db = await getDb();
  for (let attempt = 1; ; attempt += 1) {
    const now = new Date();
    const entry = await db.dncEntry.findFirst({ where: { id: options.id, teamId } });
    if (!entry || (entry.expiresAt && entry.expiresAt <= now)) throw new AppError("dnc_not_found");
    const { values, changes } = changesOf(entry, options.body);
    if (Object.keys(changes).length === 0) return readEntry(teamId, entry.id);
    // Lifting a complaint's or a legal demand's protection is an owner's (the write's updatedAt guard keeps the category read here).
    const unprotects = changes.category && isProtectedCategory(entry.category) && !isProtectedCategory(changes.category.to ?? "");
    // An expiry on a protected entry is its removal decided in advance (lib/dnc/entry-record.ts).
    const expiresAfter = "expiresAt" in values ? values.expiresAt : entry.expiresAt;
    const category = changes.category?.to ?? entry.category;
    const expiresProtected =
      Boolean(changes.category || changes.expiresAt) && expiresAfter !== null && !mayExpireProtected(options.caller, category);
    if ((unprotects || expiresProtected) && !can(options.caller, "entries.protected")) throw new AppError("protected_entry");

    const assignments = Object.entries(values).map(([column, value]) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
    const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
      auditedWrite(auditChain, {
        teamId,
        at: now,
        change: Prisma.sql`UPDATE "DncEntry" SET ${Prisma.join([...assignments, Prisma.sql`"updatedAt" = ${now}`])}
          WHERE "id" = ${entry.id} AND "teamId" = ${teamId} AND "updatedAt" = ${entry.updatedAt}
            AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`,
        events: [
          {
            teamId,
            action: "dnc.updated",
            actor,
            targetId: entry.id,
            url: entry.url,
            reason: JSON.stringify(changes),
            requestId: options.requestId,
            ...clientIdField(entry.clientId),
          },
        ],
        deliveries: webhookDeliveries({
          type: "dnc.updated",
          at: now,
          data: { id: entry.id, url: entry.url, changes, ...clientIdField(entry.clientId) },
        }),
      }),
    );
    if (changed > 0) {
      if (deliveriesQueued > 0) wakeWebhookWorker();
      return readEntry(teamId, entry.id);
    }
    if (attempt === MAX_ATTEMPTS) throw new AppError("service_unavailable");
  }
}

/** The columns to set (only those whose value differs from the entry's) and the changes they make. */
function changesOf(entry: DncEntry, body: UpdateEntryBody): { values: Record<string, unknown>; changes: EntryChanges } {
  const values: Record<string, unknown> = {};
  const changes: EntryChanges = {};
  for (const field of Object.keys(UPDATABLE) as Field[]) {
    if (body[field] === undefined) continue;
    const { store, show } = UPDATABLE[field] as Updatable<unknown, unknown>;
    const value = store(body[field]);
    const [from, to] = [show(entry[field]), show(value)];
    if (from === to) continue;
    values[field] = value;
    changes[field] = { from, to };
  }
  return { values, changes };
}
