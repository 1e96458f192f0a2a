import type { DncEntry } from "@/lib/db";
import type { DncEntryDto, EntrySource } from "./schemas";

export type EntryRow = DncEntry;

/** The Kakiyo wire shape of an entry, with our provenance extensions. */
export function serializeEntry(entry: EntryRow): DncEntryDto {
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
  };
}
