import { fromSqlTime } from "@/lib/db/sql-time";
import type { DncEntryDto } from "./schemas";

/** An entry row as any reader returns it: DateTime columns are Dates (ORM) or stored text (SQLite driver). */
export type EntryRow = { id: string; teamId: string; url: string; createdAt: Date | string; updatedAt: Date | string };

/** The Kakiyo wire shape of an entry. */
export function serializeEntry(entry: EntryRow): DncEntryDto {
  return {
    $id: entry.id,
    teamId: entry.teamId,
    url: entry.url,
    $createdAt: fromSqlTime(entry.createdAt).toISOString(),
    $updatedAt: fromSqlTime(entry.updatedAt).toISOString(),
  };
}
