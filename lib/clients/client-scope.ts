import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { GLOBAL_LIST } from "./schemas";

/**
 * Agency clients (issue 18), Kakiyo's rule: a check applies the team's global entries plus the
 * client's. Each entry is on one list: the global one (stored as clientId "") or one client's. An
 * identifier is on each list at most once, so a person may be on the global list and on several
 * clients' lists, each entry with its own provenance.
 */

/** The team's global list, as DncEntry.clientId stores it. */
export const GLOBAL_CLIENT_ID = "";

/**
 * Which lists a read covers: `undefined` for every list of the team (a team-wide caller naming no
 * client: the safe answer for a check), `""` for the global list alone, or a client's id for the
 * global list plus that client's.
 */
export type ClientView = string | undefined;

/** The SQL condition (` AND …`) on a table's clientId column that keeps the rows of the view. */
export function inClientView(view: ClientView, column: Prisma.Sql = Prisma.sql`"clientId"`): Prisma.Sql {
  return view === undefined ? Prisma.empty : Prisma.sql` AND ${column} IN (${GLOBAL_CLIENT_ID}, ${view})`;
}

/** Whether an entry on `clientId`'s list is in the view. */
export function isInClientView(view: ClientView, clientId: string): boolean {
  return view === undefined || clientId === GLOBAL_CLIENT_ID || clientId === view;
}

/** The client's id as the wire carries it: null for the global list. */
export const wireClientId = (clientId: string): string | null => clientId || null;

/** `{clientId}` for a client's entry, nothing for a global one: what webhook payloads and events spread. */
export const clientIdField = (clientId: string): { clientId?: string } => (clientId ? { clientId } : {});

async function assertClientOfTeam(teamId: string, clientId: string): Promise<void> {
  const db = await getDb();
  const client = await db.client.findFirst({ where: { id: clientId, teamId }, select: { id: true } });
  if (!client) throw new AppError("client_not_found");
}

/**
 * The lists a caller reads, given the `client` it asks for (a client's id or `global`): a
 * client-bound key reads the global list plus its client's whatever it asks, except another client
 * (404 `client_not_found`, as for a client of another team); a team-wide caller reads what it asks,
 * or everything.
 */
export async function readView(caller: Caller, requested?: string): Promise<ClientView> {
  const asked = requested === GLOBAL_LIST ? GLOBAL_CLIENT_ID : requested;
  if (caller.clientId !== undefined) {
    if (asked === undefined || asked === caller.clientId) return caller.clientId;
    if (asked === GLOBAL_CLIENT_ID) return GLOBAL_CLIENT_ID;
    throw new AppError("client_not_found");
  }
  if (asked) await assertClientOfTeam(caller.teamId, asked);
  return asked;
}

/**
 * The list an add puts its entries on, given the `clientId` it names (null or absent: global): a
 * client-bound key adds to its own client only (another client is 404 `client_not_found`, the global
 * list 403 `unauthorized_dnc`); a team-wide caller to the client it names, which must be the team's.
 */
export async function listToAddTo(caller: Caller, requested: string | null | undefined): Promise<string> {
  if (caller.clientId !== undefined) {
    if (requested === undefined || requested === caller.clientId) return caller.clientId;
    throw new AppError(requested === null ? "unauthorized_dnc" : "client_not_found");
  }
  if (!requested) return GLOBAL_CLIENT_ID;
  await assertClientOfTeam(caller.teamId, requested);
  return requested;
}

/** The distinct clients named by a batch's entries, each checked once; returns the list of each entry, in order. */
export async function listsToAddTo(caller: Caller, requested: (string | null | undefined)[]): Promise<string[]> {
  const resolved = new Map<string | null | undefined, string>();
  for (const clientId of new Set(requested)) resolved.set(clientId, await listToAddTo(caller, clientId));
  return requested.map((clientId) => resolved.get(clientId)!);
}

/**
 * Whether the caller may see an entry on `clientId`'s list at all: a client-bound key sees the global
 * list and its client's; another client's entry is, to it, not there (404).
 */
export function mayRead(caller: Caller, clientId: string): boolean {
  return isInClientView(caller.clientId, clientId);
}

/**
 * Refuses a change to an entry (remove, edit, alias, restore) on `clientId`'s list unless the caller
 * may make it: a client-bound key changes its own client's entries only: another client's entry is
 * `notFound` to it, and a global entry, which it reads, is 403 `unauthorized_dnc` (one client's tool
 * must not lift an opt-out that applies to every client).
 */
export function assertMayChange(caller: Caller, clientId: string, notFound: "dnc_not_found" | "not_found" = "dnc_not_found"): void {
  if (caller.clientId === undefined || clientId === caller.clientId) return;
  throw new AppError(clientId === GLOBAL_CLIENT_ID ? "unauthorized_dnc" : notFound);
}
