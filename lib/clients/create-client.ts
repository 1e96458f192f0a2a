import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { newClientId } from "@/lib/ids";
import { isClientNameTaken } from "./client-name-taken";
import type { Client } from "./schemas";

/** Adds a client to the team with its `client.created` audit row, in one write; a name the team already has is 409 `client_exists`. */
export async function createClient(options: { caller: Caller; name: string; requestId: string }): Promise<Client> {
  const { teamId, actor } = options.caller;
  const id = newClientId();
  const created = await auditedWrite(auditChain, {
    teamId,
    before: (db) => [db.client.create({ data: { id, teamId, name: options.name, createdBy: actor } })],
    events: [
      { teamId, action: "client.created", actor, targetId: id, clientId: id, reason: `"${options.name}"`, requestId: options.requestId },
    ],
  }).catch((error: unknown) => {
    throw isClientNameTaken(error) ? new AppError("client_exists") : error;
  });
  const [row] = created.before;
  return { id, name: row.name, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy, entries: 0 };
}
