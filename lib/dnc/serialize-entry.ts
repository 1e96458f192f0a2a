import type { DncEntry } from "@/lib/db";
import type { DncEntryDto, EntrySource } from "./schemas";

export type EntryRow = DncEntry;

/**
 * The Kakiyo wire shape of an entry, with our provenance extensions, and its aliases only when it
 * has some: an entry without aliases answers exactly as before (and as Kakiyo's do).
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
  };
}
