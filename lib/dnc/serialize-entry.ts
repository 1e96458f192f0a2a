import type { DncEntry } from "@/lib/db";
import { DEFAULT_CATEGORY, type EntryCategory } from "./categories";
import type { DncEntryDto, EntrySource } from "./schemas";

export type EntryRow = DncEntry;

/** What an entry added without expiry, category or date of receipt has. */
export const ENTRY_DEFAULTS = {
  expiresAt: null,
  category: "opt_out",
  receivedAt: null,
  late: false,
  clientId: "",
} satisfies Partial<EntryRow>;

/**
 * The Kakiyo wire shape of an entry, with our provenance extensions; its kind only when it is not a
 * profile, its aliases only when it has some, its expiry only when set, its category only when not
 * opt_out, its receivedAt only when given and `late` only when true: an entry added with none of
 * these answers exactly as before (and as Kakiyo's do).
 */
export function serializeEntry(entry: EntryRow, aliases: readonly string[] = []): DncEntryDto {
  return {
    $id: entry.id,
    teamId: entry.teamId,
    url: entry.url,
    $createdAt: entry.createdAt.toISOString(),
    $updatedAt: entry.updatedAt.toISOString(),
    createdBy: entry.createdBy,
    source: entry.source as EntrySource,
    sourceFile: entry.sourceFile,
    note: entry.note,
    ...(aliases.length > 0 ? { aliases: [...aliases] } : {}),
    ...kindFields(entry),
    ...(entry.category !== DEFAULT_CATEGORY ? { category: entry.category as EntryCategory } : {}),
    ...(entry.receivedAt ? { receivedAt: entry.receivedAt.toISOString() } : {}),
    ...(entry.late ? { late: true as const } : {}),
    ...(entry.expiresAt ? { expiresAt: entry.expiresAt.toISOString() } : {}),
    ...(entry.clientId ? { clientId: entry.clientId } : {}),
  };
}

function kindFields(entry: EntryRow): Pick<DncEntryDto, "kind" | "domain" | "includeSubdomains"> {
  if (entry.kind === "domain") return { kind: "domain", domain: entry.url, includeSubdomains: entry.includeSubdomains };
  return entry.kind === "company" ? { kind: "company" } : {};
}

/** Whether the entry has reached its expiry at `now`: from then on it no longer matches, swept or not. */
export function hasExpired(entry: Pick<DncEntryDto, "expiresAt">, now: number = Date.now()): boolean {
  return entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= now;
}
