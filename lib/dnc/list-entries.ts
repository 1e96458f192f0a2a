import "server-only";
import { getDb } from "@/lib/db";
import type { ListEntriesQuery } from "./schemas";
import { ENTRY_COLUMNS, serializeEntry } from "./serialize-entry";

/** One page of the team's entries (newest first unless asked otherwise) and the total that match. */
export async function listEntries(options: { teamId: string } & ListEntriesQuery) {
  const db = await getDb();
  const where = {
    teamId: options.teamId,
    ...(options.q ? { url: { contains: options.q.toLowerCase() } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.dncEntry.findMany({
      where,
      select: ENTRY_COLUMNS,
      orderBy: [{ createdAt: options.order }, { id: options.order }],
      skip: options.offset,
      take: options.limit,
    }),
    db.dncEntry.count({ where }),
  ]);
  return { entries: rows.map(serializeEntry), total, limit: options.limit, offset: options.offset };
}
