import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { hashInvitationToken } from "./invitation-token";
import { invitationStatus } from "./list-invitations";

export type InvitationView = {
  status: "pending" | "accepted" | "revoked" | "expired" | "unknown";
  team?: { name: string; slug: string };
  email?: string;
  role?: Role;
  /** Whether the invited email already has an account (then it signs in to accept). */
  accountExists?: boolean;
};

/** What the invitation page shows for a link: its state, and for a pending one whom it is for. */
export async function describeInvitation(token: string): Promise<InvitationView> {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { team: { select: { name: true, slug: true } } },
  });
  if (!invitation) return { status: "unknown" };
  const status = invitationStatus(invitation);
  if (status !== "pending") return { status };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } });
  return { status, team: invitation.team, email: invitation.email, role: invitation.role as Role, accountExists: account !== null };
}
