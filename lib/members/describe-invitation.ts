import "server-only";
import type { MemberRole } from "./schemas";

export type InvitationDescription = {
  status: "pending" | "accepted" | "revoked" | "expired" | "unknown";
  team?: { name: string; slug: string };
  email?: string;
  role?: MemberRole;
  /** Whether the invited email already has an account (then they sign in to accept). */
  accountExists?: boolean;
};

/**
 * What an invitation link stands for, for the invitation page. This stand-in knows no invitation,
 * so every link reads as unknown; the members domain (issue 9, server half) replaces it with the
 * lookup by token hash.
 */
export async function describeInvitation(token: string): Promise<InvitationDescription> {
  void token;
  return { status: "unknown" };
}
