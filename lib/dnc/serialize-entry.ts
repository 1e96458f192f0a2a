import type { DncEntryDto } from "./schemas";

export type EntryRow = { id: string; teamId: string; url: string; createdAt: Date; updatedAt: Date };

/** The Kakiyo wire shape of an entry. */
export function serializeEntry(entry: EntryRow): DncEntryDto {
  return {
    $id: entry.id,
    teamId: entry.teamId,
    url: entry.url,
    $createdAt: entry.createdAt.toISOString(),
    $updatedAt: entry.updatedAt.toISOString(),
  };
}
