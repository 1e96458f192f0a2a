import "server-only";
import { getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import type { EntryFacets } from "./schemas";

const MAX_AUTHORS = 100;

/** How many entries each source and author has: the values the table's filters offer. Cached until the list changes. */
export async function entryFacets(teamId: string): Promise<EntryFacets> {
  const cache = getTeamCache();
  const lookup = await cache.lookup<EntryFacets>(teamId, "facets");
  if (lookup.value) return lookup.value;
  const db = await getDb();
  const [sources, authors] = await Promise.all([
    db.dncEntry.groupBy({ by: ["source"], where: { teamId }, _count: { _all: true }, orderBy: { source: "asc" } }),
    db.dncEntry.groupBy({
      by: ["createdBy"],
      where: { teamId },
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
