import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { GLOBAL_CLIENT_ID } from "@/lib/clients/client-scope";
import { getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import type { EntryFacets } from "./schemas";

const MAX_AUTHORS = 100;

/**
 * How many entries each source and author has among the lists the caller reads: the values the
 * table's filters offer. Cached until the list changes.
 */
export async function entryFacets(caller: Caller): Promise<EntryFacets> {
  const { teamId, clientId } = caller;
  const cache = getTeamCache();
  const lookup = await cache.lookup<EntryFacets>(teamId, clientId === undefined ? "facets" : `facets@${clientId}`);
  const where = { teamId, ...(clientId === undefined ? {} : { clientId: { in: [GLOBAL_CLIENT_ID, clientId] } }) };
  if (lookup.value) return lookup.value;
  const db = await getDb();
  const [sources, authors] = await Promise.all([
    db.dncEntry.groupBy({ by: ["source"], where, _count: { _all: true }, orderBy: { source: "asc" } }),
    db.dncEntry.groupBy({
      by: ["createdBy"],
      where,
      _count: { createdBy: true },
      orderBy: [{ _count: { createdBy: "desc" } }, { createdBy: "asc" }],
      take: MAX_AUTHORS,
    }),
  ]);
  const facets: EntryFacets = {
    source: sources.map((row) => ({ value: row.source, count: row._count._all })),
    createdBy: authors.map((row) => ({ value: row.createdBy, count: row._count.createdBy })),
  };
  await cache.store(lookup.key, facets);
  return facets;
}
