"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/next-path";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  // Single sign-on refused: no verified email, or no membership and no pending invitation for it.
  AccessDenied: "Your single sign-on account has no access to DNC Console. Ask an owner of your team for an invitation.",
};

/** The server answers a throttled attempt with `too_many_attempts:<seconds to wait>`. */
function messageFor(error: string | null | undefined): string {
  const throttled = /^too_many_attempts:(\d+)$/.exec(error ?? "");
  if (throttled) {
    const seconds = Number(throttled[1]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? "" : "s"}`;
    return `Too many sign-in attempts. Try again in ${wait}.`;
  }
  return MESSAGES[error ?? ""] ?? "Sign-in failed. Try again.";
}

/**
 * After sign-in the browser goes to `next` when it is a path on this site, else to the entries.
 * With single sign-on configured a "Sign in with …" button comes first; `sso.only` hides the password form.
 */
export function SignInForm({
  next,
  sso,
  initialError,
}: {
  next?: string;
  sso?: { name: string; only: boolean } | null;
  initialError?: string;
}) {
  const passwordSignIn = useMutation({
    // redirect: false, then navigate here: next-auth's own redirect would use NEXTAUTH_URL, which a
    // zero-configuration install does not set.
    mutationFn: async (credentials: { email: string; password: string }) => {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (!result?.ok || result.error) throw new Error(messageFor(result?.error));
    },
    // A full load, so the server renders the dashboard with the new session cookie.
    onSuccess: () => window.location.assign(safeNextPath(next) ?? "/entries"),
  });
  // Still pending after success: the page is on its way to the dashboard.
  const pending = passwordSignIn.isPending || passwordSignIn.isSuccess;
  const error = passwordSignIn.isError
    ? passwordSignIn.error.message
    : passwordSignIn.isIdle && initialError
      ? messageFor(initialError)
      : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    passwordSignIn.mutate({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  const ssoButton = sso ? (
    <Button
      type="button"
      variant={sso.only ? "primary" : "secondary"}
      className="w-full justify-center"
      onClick={() => void signIn("oidc", { callbackUrl: safeNextPath(next) ?? "/entries" })}
    >
      Sign in with {sso.name}
    </Button>
  ) : null;
  if (sso?.only) {
    return (
      <div className="space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
        {error ? <Notice tone="error">{error}</Notice> : null}
        {ssoButton}
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
      {error ? <Notice tone="error">{error}</Notice> : null}
      {ssoButton}
      <div className="space-y-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" variant="primary" className="w-full justify-center" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
