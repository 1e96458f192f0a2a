import { Prisma } from "@/lib/db";
import type { DncEntryDto, EntrySource } from "./schemas";

export type EntryRow = {
  id: string;
  teamId: string;
  url: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  source: string;
  sourceFile: string | null;
  note: string | null;
};

/** The columns of `EntryRow`, for raw SELECTs. */
export const ENTRY_COLUMNS = Prisma.raw(`"id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source", "sourceFile", "note"`);

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
