import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import type { TeamSettings } from "./schemas";

const DAY_MS = 86_400_000;

export async function readTeamSettings(teamId: string): Promise<TeamSettings> {
  const db = await getDb();
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { optOutWindowDays: true } });
  return { optOutWindowDays: team.optOutWindowDays };
}

/**
 * Changes the team's settings in one audited write: a `team.settings_changed` event whose reason says
 * what changed from what (the trail shows which window was in force when), only if something did;
 * the write applies only to the value read, and a lost race reads again.
 */
export async function updateTeamSettings(options: { caller: Caller; settings: TeamSettings; requestId: string }): Promise<TeamSettings> {
  const { teamId, actor } = options.caller;
  const { optOutWindowDays } = options.settings;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const before = await readTeamSettings(teamId);
    if (before.optOutWindowDays === optOutWindowDays) return before;
    // Only from the value read: two changes at once each name the window they really replaced.
    const { changed } = await auditedWrite(auditChain, {
      teamId,
      change: Prisma.sql`UPDATE "Team" SET "optOutWindowDays" = ${optOutWindowDays}
        WHERE "id" = ${teamId} AND "optOutWindowDays" = ${before.optOutWindowDays}`,
      events: [
        {
          teamId,
          action: "team.settings_changed",
          actor,
          reason: `Opt-out window: ${before.optOutWindowDays} → ${optOutWindowDays} days`,
          requestId: options.requestId,
        },
      ],
    });
    if (changed > 0) return { optOutWindowDays };
  }
  throw new AppError("service_unavailable");
}

/** Another change of the setting between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 3;

/**
 * Whether each entry added at `addedAt` is late: added more than the team's opt-out window after
 * its opt-out was received. Entries without a `receivedAt` were received as they were added, so the
 * team's setting is read only when one has a date.
 */
export async function latenessOf(teamId: string, receivedAts: (Date | undefined)[], addedAt: Date): Promise<boolean[]> {
  if (receivedAts.every((receivedAt) => receivedAt === undefined)) return receivedAts.map(() => false);
  const { optOutWindowDays } = await readTeamSettings(teamId);
  return receivedAts.map((receivedAt) => receivedAt !== undefined && addedAt.getTime() > receivedAt.getTime() + optOutWindowDays * DAY_MS);
}
