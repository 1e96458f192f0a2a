import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Client, ListClientsResult } from "./schemas";

const CLIENT_SELECT = { id: true, name: true, createdAt: true, createdBy: true } as const;
type ClientRow = { id: string; name: string; createdAt: Date; createdBy: string };

/**
 * The team's clients by name, each with how many entries its list has (one grouped count, not one
 * per client). A client-bound key sees its own client only: the others' names are not its business.
 */
export async function listClients(caller: Caller): Promise<ListClientsResult> {
  const db = await getDb();
  const rows = await db.client.findMany({
    where: { teamId: caller.teamId, ...(caller.clientId === undefined ? {} : { id: caller.clientId }) },
    select: CLIENT_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return { clients: await withEntryCounts(caller.teamId, rows) };
}

/** One of the team's clients with its entry count; another team's, or none, is 404 `client_not_found`. */
export async function readClient(teamId: string, id: string): Promise<Client> {
  const db = await getDb();
  const row = await db.client.findFirst({ where: { id, teamId }, select: CLIENT_SELECT });
  if (!row) throw new AppError("client_not_found");
  const [client] = await withEntryCounts(teamId, [row]);
  return client!;
}

/** A client of the team named by its id, else by its exact name (unique in a team), for the CLI; neither is `client_not_found`. */
export async function findClientByIdOrName(teamId: string, idOrName: string): Promise<{ id: string; name: string }> {
  const db = await getDb();
  const select = { id: true, name: true } as const;
  const client =
    (await db.client.findFirst({ where: { teamId, id: idOrName }, select })) ??
    (await db.client.findFirst({ where: { teamId, name: idOrName }, select }));
  if (!client) throw new AppError("client_not_found", `No client with the id or name "${idOrName}" in this team`);
  return client;
}

async function withEntryCounts(teamId: string, rows: ClientRow[]): Promise<Client[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const counts = await db.dncEntry.groupBy({
    by: ["clientId"],
    where: { teamId, clientId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  const entries = new Map(counts.map((count) => [count.clientId, count._count._all]));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), entries: entries.get(row.id) ?? 0 }));
}
