import "server-only";
import { type AuditEvent, connectDatabase } from "@/lib/db";
import type { AuditChain } from "@/lib/db/audited-write";
import { isUniqueViolation } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { newAuditEventId } from "@/lib/ids";
import type { AuditEventInput } from "./audit-event";
import { type ChainedEvent, type ChainLink, chainHash, EMPTY_CHAIN } from "./chain";
import { recordAuditAppends } from "@/lib/observability/metrics";

/**
 * Appends to a team's hash chain one writer at a time. The chain's order is its sequence number,
 * unique per team in the database, so two writers that start from the same head cannot both
 * commit: the second fails on the unique index, reads the new head and tries again. Within a
 * process appends wait for each other (no conflicts at all); between processes (the CLI beside
 * the server, or several instances) the unique index decides.
 */

const MAX_ATTEMPTS = 50;

const heads = new Map<string, ChainLink>();
const tails = new Map<string, Promise<unknown>>();

/**
 * The chain lib/db/audited-write.ts appends to: each event gets its id (unless the write named it),
 * the write's time, the next sequence number and its hash, linked to the event before.
 */
export const auditChain: AuditChain<AuditEventInput> = {
  append: (teamId, write) => appendToChain(teamId, write),
  link: linkEvents,
  isConflict: isSequenceConflict,
};

function linkEvents(head: ChainLink, events: AuditEventInput[], at: Date): AuditEvent[] {
  let link = head;
  return events.map((event) => {
    const sequence = link.sequence + 1;
    const chained = {
      id: event.id ?? newAuditEventId(at.getTime()),
      teamId: event.teamId,
      sequence,
      action: event.action,
      actor: event.actor,
      targetId: event.targetId ?? null,
      url: event.url ?? null,
      reason: event.reason ?? null,
      requestId: event.requestId ?? null,
      undoes: event.undoes ?? null,
      source: event.source ?? null,
      sourceFile: event.sourceFile ?? null,
      clientId: event.clientId || null,
      createdAt: at,
    } satisfies ChainedEvent;
    const hash = chainHash(link.hash, chained);
    const row = { ...chained, sequence, createdAt: at, prevHash: link.hash, hash };
    link = { sequence, hash };
    return row;
  });
}

/** Runs `append` with the team's current head; `append` commits its events and returns the new head. */
async function appendToChain<Result>(
  teamId: string,
  append: (head: ChainLink) => Promise<{ result: Result; head: ChainLink }>,
): Promise<Result> {
  return oneAtATime(teamId, async () => {
    for (let attempt = 1; ; attempt += 1) {
      const head = (!sharedByInstances() && heads.get(teamId)) || (await readChainHead(teamId));
      try {
        const appended = await append(head);
        heads.set(teamId, appended.head);
        recordAuditAppends(appended.head.sequence - head.sequence);
        return appended.result;
      } catch (error) {
        heads.delete(teamId);
        if (!isSequenceConflict(error) || attempt === MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));
      }
    }
  });
}

/** Seals a trail that predates the chain (see `readChainHead`), so it can be verified before its first new event. */
export async function prepareChain(teamId: string): Promise<void> {
  await oneAtATime(teamId, async () => {
    heads.set(teamId, await readChainHead(teamId));
  });
}

/**
 * Several instances (they share Redis) read the head from the database before every append. A
 * cached head would let the instance that wrote last win every race while its queue lasts, and
 * the others, whose heads are always stale, retry until they give up; fresh heads make every race
 * even.
 */
function sharedByInstances(): boolean {
  return env().REDIS_URL !== undefined;
}

function oneAtATime<Result>(teamId: string, task: () => Promise<Result>): Promise<Result> {
  const run = (tails.get(teamId) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(teamId, tail);
  void tail.then(() => {
    if (tails.get(teamId) === tail) tails.delete(teamId);
  });
  return run;
}

function isSequenceConflict(error: unknown): boolean {
  return isUniqueViolation(error, /sequence/i);
}

/**
 * The team's last chained event. A team whose trail predates the chain (rows without a sequence and
 * no chained row yet) has those rows sealed first, in the order they were written; once a team has
 * a chain, a row without a sequence can only have been written outside the app, and stays a break.
 */
async function readChainHead(teamId: string): Promise<ChainLink> {
  const { reader } = await connectDatabase();
  const [head] = await reader.$queryRaw<{ sequence: number | bigint; hash: string }[]>`
    SELECT "sequence", "hash" FROM "AuditEvent" WHERE "teamId" = ${teamId} AND "sequence" IS NOT NULL
    ORDER BY "sequence" DESC LIMIT 1`;
  if (head) return { sequence: Number(head.sequence), hash: head.hash };
  return sealEventsBeforeTheChain(teamId);
}

const SEAL_BATCH = 500;

async function sealEventsBeforeTheChain(teamId: string): Promise<ChainLink> {
  const { reader, writer } = await connectDatabase();
  let link = EMPTY_CHAIN;
  for (;;) {
    const rows = await reader.auditEvent.findMany({
      where: { teamId, sequence: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SEAL_BATCH,
    });
    if (rows.length === 0) return link;
    const updates = rows.map((row) => {
      const sequence = link.sequence + 1;
      const event: ChainedEvent = { ...row, sequence };
      const hash = chainHash(link.hash, event);
      const update = writer.auditEvent.updateMany({ where: { id: row.id, sequence: null }, data: { sequence, prevHash: link.hash, hash } });
      link = { sequence, hash };
      return update;
    });
    await writer.$transaction(updates);
  }
}
