import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Invitation } from "./schemas";

type InvitationRow = {
  id: string;
  email: string;
  role: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

export function invitationStatus(
  row: Pick<InvitationRow, "expiresAt" | "acceptedAt" | "revokedAt">,
  now = Date.now(),
): Invitation["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now ? "expired" : "pending";
}

export function serializeInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row),
  };
}

/** The team's invitations of the last 30 days (any status), newest first. */
export async function listInvitations(teamId: string): Promise<Invitation[]> {
  const db = await getDb();
  const rows = await db.invitation.findMany({
    where: { teamId, createdAt: { gte: new Date(Date.now() - 30 * 24 * 60 * 60_000) } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(serializeInvitation);
}
