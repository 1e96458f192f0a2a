"use client";

import { signIn, signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { rememberTeam } from "@/components/dashboard/remember-team";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { ApiRequestError, callSessionAction, errorMessage } from "@/components/api-client/call-api";
import { sessionActions } from "@/lib/contracts/session-actions";
import { type AcceptedInvitation, MIN_NEW_PASSWORD_LENGTH } from "@/lib/members/schemas";
import { signInPathFor } from "./sign-in-path";

function accept(body: { token: string; name?: string; password?: string }) {
  return callSessionAction(sessionActions.acceptInvitation, body);
}

/** A full load of the new team's list: the server renders the dashboard with the new membership and cookie. */
function openTeam(slug: string) {
  rememberTeam(slug);
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign("/entries");
}

/** For a visitor signed in as the invited email: one click adds the membership. */
export function AcceptInvitationButton({ token, teamName }: { token: string; teamName: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onAccept() {
    setPending(true);
    setError(null);
    try {
      openTeam((await accept({ token })).team.slug);
    } catch (err) {
      setError(errorMessage(err));
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button variant="primary" className="w-full justify-center" disabled={pending} onClick={onAccept}>
        {pending ? "Joining…" : `Accept and join ${teamName}`}
      </Button>
    </div>
  );
}

/** For an invited email without an account: the account is made with the invitation, then signed in. */
export function CreateAccountForm({ token, email, teamName }: { token: string; email: string; teamName: string }) {
  const [error, setError] = useState<{ tone: "error" | "info"; text: string; signInHref?: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== form.get("confirmPassword")) {
      setError({ tone: "error", text: "The password and its confirmation differ." });
      return;
    }
    setPending(true);
    setError(null);
    let accepted: AcceptedInvitation;
    try {
      accepted = await accept({ token, name: String(form.get("name") ?? ""), password });
    } catch (err) {
      const signInFirst = err instanceof ApiRequestError && err.code === "sign_in_required";
      setError({ tone: "error", text: errorMessage(err), signInHref: signInFirst ? signInPathFor(token) : undefined });
      setPending(false);
      return;
    }
    const result = await signIn("credentials", { email: accepted.email, password, redirect: false });
    if (result?.ok && !result.error) {
      openTeam(accepted.team.slug);
      return;
    }
    // The account exists now; only the automatic sign-in failed (a throttled address, say).
    rememberTeam(accepted.team.slug);
    setError({
      tone: "info",
      text: `Your account was created and you joined ${accepted.team.name}. Sign in with your new password.`,
      signInHref: "/sign-in",
    });
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
      {error ? (
        <Notice tone={error.tone}>
          {error.text}{" "}
          {error.signInHref ? (
            <a className="font-medium underline" href={error.signInHref}>
              Sign in
            </a>
          ) : null}
        </Notice>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor="invite-account-email">Email</Label>
        <Input id="invite-account-email" type="email" value={email} readOnly autoComplete="username" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="invite-name">Your name</Label>
        <Input id="invite-name" name="name" required maxLength={100} autoComplete="name" autoFocus />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="invite-password">Password</Label>
        <Input
          id="invite-password"
          name="password"
          type="password"
          required
          minLength={MIN_NEW_PASSWORD_LENGTH}
          autoComplete="new-password"
          aria-describedby="invite-password-hint"
        />
        <p id="invite-password-hint" className="text-xs text-muted-foreground">
          At least {MIN_NEW_PASSWORD_LENGTH} characters; a phrase of a few words is easy to remember and hard to guess.
        </p>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="invite-confirm-password">Confirm password</Label>
        <Input
          id="invite-confirm-password"
          name="confirmPassword"
          type="password"
          required
          minLength={MIN_NEW_PASSWORD_LENGTH}
          autoComplete="new-password"
        />
      </div>
      <Button type="submit" variant="primary" className="w-full justify-center" disabled={pending}>
        {pending ? "Creating your account…" : `Create account and join ${teamName}`}
      </Button>
    </form>
  );
}

/** For a visitor signed in as someone else: signs out and shows the invitation again. */
export function SignOutToAccept() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full justify-center"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.reload();
      }}
    >
      Sign out
    </Button>
  );
}
