import { fromSqlTime } from "@/lib/db/sql-time";
import type { DncEntryDto } from "./schemas";

export type EntryRow = { id: string; teamId: string; url: string; createdAt: Date; updatedAt: Date };
/** The same row read through the driver, where DateTime columns arrive as their stored text. */
export type StoredEntryRow = Omit<EntryRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

const iso = (time: Date | string) => (typeof time === "string" ? fromSqlTime(time) : time).toISOString();

/** The Kakiyo wire shape of an entry. */
export function serializeEntry(entry: EntryRow | StoredEntryRow): DncEntryDto {
  return {
    $id: entry.id,
    teamId: entry.teamId,
    url: entry.url,
    $createdAt: iso(entry.createdAt),
    $updatedAt: iso(entry.updatedAt),
  };
}
