import Link from "next/link";
import type { ReactNode } from "react";
import { AcceptInvitationButton, CreateAccountForm, SignOutToAccept } from "@/components/invite/invitation-actions";
import { signInPathFor } from "@/components/invite/sign-in-path";
import { readDashboardSession } from "@/lib/auth/dashboard-session";
import { describeInvitation } from "@/lib/members/describe-invitation";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation · DNC Console" };

const ROLE_NAMES = { owner: "an owner", admin: "an admin", viewer: "a viewer" } as const;

const CLOSED: Record<"unknown" | "expired" | "revoked" | "accepted", { title: string; text: string }> = {
  unknown: {
    title: "This invitation link is not valid",
    text: "Check that the whole link was copied, or ask the person who invited you for a new one.",
  },
  expired: { title: "This invitation has expired", text: "Ask the person who invited you to send a new invitation." },
  revoked: {
    title: "This invitation was withdrawn",
    text: "It can no longer be used. Ask the team's owners or admins if you still need access.",
  },
  accepted: { title: "This invitation has already been used", text: "Sign in with the account that accepted it." },
};

/**
 * Where an invitation link lands (outside the dashboard: the visitor may have no account yet).
 * A closed link says why; an open one offers what fits the visitor: create an account, sign in
 * first, accept as the signed-in user, or sign out of someone else's session.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([describeInvitation(token), readDashboardSession()]);

  if (invitation.status !== "pending" || !invitation.team || !invitation.email) {
    const closed = CLOSED[invitation.status === "pending" ? "unknown" : invitation.status];
    return (
      <InviteFrame title={closed.title}>
        <p className="text-center text-muted-foreground">{closed.text}</p>
        <p className="mt-6 text-center">
          <Link href={session ? "/entries" : "/sign-in"} className="font-medium text-accent-text hover:underline">
            {session ? "Go to your dashboard" : "Go to sign-in"}
          </Link>
        </p>
      </InviteFrame>
    );
  }

  const { team, email } = invitation;
  const intro = (
    <p className="mb-6 text-center text-muted-foreground">
      <span className="font-medium text-foreground">{email}</span> is invited to join {team.name}
      {invitation.role ? ` as ${ROLE_NAMES[invitation.role]}` : ""}.
    </p>
  );
  const signedInAs = session?.user.email.toLowerCase();

  if (signedInAs && signedInAs !== email.toLowerCase()) {
    return (
      <InviteFrame title={`Join ${team.name}`}>
        {intro}
        <p className="mb-4 text-center text-sm text-muted-foreground">
          You are signed in as <span className="font-medium text-foreground">{session?.user.email}</span>. Sign out to accept this
          invitation as {email}.
        </p>
        <SignOutToAccept />
      </InviteFrame>
    );
  }

  if (signedInAs) {
    return (
      <InviteFrame title={`Join ${team.name}`}>
        {intro}
        <AcceptInvitationButton token={token} teamName={team.name} />
      </InviteFrame>
    );
  }

  if (invitation.accountExists) {
    return (
      <InviteFrame title={`Join ${team.name}`}>
        {intro}
        <p className="mb-4 text-center text-sm text-muted-foreground">{email} already has an account: sign in, then accept.</p>
        <Link
          href={signInPathFor(token)}
          className="flex h-9 w-full items-center justify-center rounded-md bg-accent px-3.5 text-sm font-medium text-white shadow-sm hover:bg-accent-hover"
        >
          Sign in to accept
        </Link>
      </InviteFrame>
    );
  }

  return (
    <InviteFrame title={`Join ${team.name}`}>
      {intro}
      <CreateAccountForm token={token} email={email} teamName={team.name} />
    </InviteFrame>
  );
}

function InviteFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-accent text-lg font-bold text-white">D</div>
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
