import "server-only";
import { createHash } from "node:crypto";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { restoreCutoff } from "./restore-window";
import type { ChangeType, ListChangesResult } from "./schemas";

/**
 * The team's list changes in commit order, for clients that keep a mirror of the list.
 *
 * The feed is the team's audit hash chain read through its additions, removals and restores. Its
 * sequence numbers are assigned in commit order (lib/audit/chain-head.ts): an event is written
 * only on top of a committed head, and two writers on one head cannot both commit. So when a
 * reader sees event n, every event before n is already visible, and a cursor "after n" can never
 * skip an event that commits later with a smaller number (the trap of ordinary sequences).
 *
 * A cursor is opaque: the sequence it points after, when it was issued, and a tag of its team. It
 * expires DNC_RESTORE_DAYS after it was issued (410 `cursor_expired`: re-read the list); the
 * `nextCursor` of every answer is fresh, so a client that polls never sees it expire.
 */
const FEED_ACTIONS: Record<string, ChangeType> = {
  "dnc.added": "added",
  "dnc.batch_added": "added",
  "dnc.deleted": "removed",
  "dnc.restored": "restored",
};
const ACTIONS = Prisma.join(Object.keys(FEED_ACTIONS));

type Cursor = { after: number; issuedAt: number };

export async function listChanges(options: { teamId: string; cursor?: string; limit: number }): Promise<ListChangesResult> {
  const now = Date.now();
  const cursor = options.cursor === undefined ? { after: 0, issuedAt: now } : decodeCursor(options.cursor, options.teamId);
  if (cursor.issuedAt < restoreCutoff(new Date(now)).getTime()) throw new AppError("cursor_expired");

  const db = await getDb();
  const rows = await db.$queryRaw<{ sequence: number | bigint; action: string; targetId: string; url: string; createdAt: Date }[]>`
    SELECT "sequence", "action", "targetId", "url", "createdAt" FROM "AuditEvent"
    WHERE "teamId" = ${options.teamId} AND "sequence" > ${cursor.after} AND "action" IN (${ACTIONS})
    ORDER BY "sequence" ASC LIMIT ${options.limit}`;
  const changes = rows.map((row) => ({
    cursor: encodeCursor({ after: Number(row.sequence), issuedAt: row.createdAt.getTime() }, options.teamId),
    type: FEED_ACTIONS[row.action]!,
    $id: row.targetId,
    url: row.url,
    at: row.createdAt.toISOString(),
  }));
  const last = rows.at(-1);
  return {
    changes,
    nextCursor: encodeCursor({ after: last ? Number(last.sequence) : cursor.after, issuedAt: now }, options.teamId),
  };
}

function teamTag(teamId: string) {
  return createHash("sha256").update(teamId).digest("base64url").slice(0, 8);
}

function encodeCursor(cursor: Cursor, teamId: string): string {
  return Buffer.from(`1.${cursor.after}.${cursor.issuedAt}.${teamTag(teamId)}`).toString("base64url");
}

function decodeCursor(text: string, teamId: string): Cursor {
  const match = /^1\.(\d{1,15})\.(\d{1,15})\.([\w-]{8})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match || match[3] !== teamTag(teamId)) throw new AppError("invalid_cursor");
  return { after: Number(match[1]), issuedAt: Number(match[2]) };
}
