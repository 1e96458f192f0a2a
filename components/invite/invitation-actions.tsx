"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { rememberTeam } from "@/components/dashboard/remember-team";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { ApiRequestError, callSessionAction, errorMessage } from "@/components/api-client/call-api";
import { sessionActions } from "@/lib/contracts/session-actions";
import { MIN_NEW_PASSWORD_LENGTH } from "@/lib/members/schemas";
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
  const join = useMutation({ mutationFn: () => accept({ token }), onSuccess: (accepted) => openTeam(accepted.team.slug) });
  // Still "joining" after success: the page is on its way to the team's list.
  const pending = join.isPending || join.isSuccess;

  return (
    <div className="space-y-4">
      {join.isError ? <Notice tone="error">{errorMessage(join.error)}</Notice> : null}
      <Button variant="primary" className="w-full justify-center" disabled={pending} onClick={() => join.mutate()}>
        {pending ? "Joining…" : `Accept and join ${teamName}`}
      </Button>
    </div>
  );
}

/** For an invited email without an account: the account is made with the invitation, then signed in. */
export function CreateAccountForm({ token, email, teamName }: { token: string; email: string; teamName: string }) {
  const [mismatch, setMismatch] = useState(false);
  const join = useMutation({
    mutationFn: async ({ name, password }: { name: string; password: string }) => {
      const accepted = await accept({ token, name, password });
      const result = await signIn("credentials", { email: accepted.email, password, redirect: false });
      return { accepted, signedIn: Boolean(result?.ok && !result.error) };
    },
    onSuccess: ({ accepted, signedIn }) => {
      if (signedIn) openTeam(accepted.team.slug);
      else rememberTeam(accepted.team.slug);
    },
  });
  // Still "creating" after a sign-in: the page is on its way to the team's list.
  const pending = join.isPending || join.data?.signedIn === true;
  const error = notice();

  /** Why the form is not done: a typo in the confirmation, a refusal, or the account made without the automatic sign-in. */
  function notice(): { tone: "error" | "info"; text: string; signInHref?: string } | null {
    if (mismatch) return { tone: "error", text: "The password and its confirmation differ." };
    if (join.isError) {
      const signInFirst = join.error instanceof ApiRequestError && join.error.code === "sign_in_required";
      return { tone: "error", text: errorMessage(join.error), signInHref: signInFirst ? signInPathFor(token) : undefined };
    }
    // The account exists now; only the automatic sign-in failed (a throttled address, say).
    if (join.data && !join.data.signedIn) {
      const { name } = join.data.accepted.team;
      return {
        tone: "info",
        text: `Your account was created and you joined ${name}. Sign in with your new password.`,
        signInHref: "/sign-in",
      };
    }
    return null;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const differ = password !== form.get("confirmPassword");
    setMismatch(differ);
    if (differ) {
      join.reset();
      return;
    }
    join.mutate({ name: String(form.get("name") ?? ""), password });
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
