"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { callSessionAction, errorMessage } from "@/components/api-client/call-api";
import { sessionActions } from "@/lib/contracts/session-actions";
import { MIN_NEW_PASSWORD_LENGTH } from "@/lib/members/schemas";

export function AccountView({ user }: { user: { email: string; name: string } }) {
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${user.name} (${user.email}).`} />
      <div className="grid max-w-xl gap-10">
        <ChangePasswordForm />
        <SignOutEverywhere />
      </div>
    </>
  );
}

function ChangePasswordForm() {
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => callSessionAction(sessionActions.changePassword, body),
    onSuccess: (result) => toast.success(`${result.message}.`),
  });
  /** Why the change was refused; it stays beside the fields until the next try. Success is a toast. */
  const error = mismatch ? "The new password and its confirmation differ." : change.isError ? errorMessage(change.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    const differ = newPassword !== form.get("confirmPassword");
    setMismatch(differ);
    if (differ) {
      change.reset();
      return;
    }
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword }, { onSuccess: () => formElement.reset() });
  }

  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password" className="text-base font-semibold text-foreground">
        Change password
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Every other browser signed in to your account is signed out; this one stays signed in.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <div className="space-y-1.5">
          <Label htmlFor="current-password">Current password</Label>
          <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="new-password">New password</Label>
          <Input
            id="new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_NEW_PASSWORD_LENGTH}
            aria-describedby="new-password-hint"
          />
          <p id="new-password-hint" className="text-xs text-muted-foreground">
            At least {MIN_NEW_PASSWORD_LENGTH} characters; a phrase of a few words is easy to remember and hard to guess.
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="confirm-password">Confirm new password</Label>
          <Input
            id="confirm-password"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_NEW_PASSWORD_LENGTH}
          />
        </div>
        <Button type="submit" variant="primary" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const signOutAll = useMutation({
    mutationFn: () => callSessionAction(sessionActions.signOutEverywhere, {}),
    onSuccess: async () => {
      // The server has ended this session too; next-auth's sign-out clears its cookie.
      await signOut({ redirect: false }).catch(() => undefined);
      queryClient.clear();
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/sign-in");
    },
  });
  // Still "signing out" after success: the page is on its way to the sign-in form.
  const pending = signOutAll.isPending || signOutAll.isSuccess;

  return (
    <section aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere" className="text-base font-semibold text-foreground">
        Sign out everywhere
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Ends every session of your account, this one included: use it after signing in on a shared or lost device.
      </p>
      {signOutAll.isError ? (
        <div className="mt-3">
          <Notice tone="error">Could not sign out everywhere: {errorMessage(signOutAll.error)}</Notice>
        </div>
      ) : null}
      <Button variant="danger" className="mt-4" disabled={pending} onClick={() => setConfirming(true)}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        description="Every browser signed in to your account is signed out, this one included. You sign in again with your password."
        confirmLabel="Sign out everywhere"
        onCancel={() => setConfirming(false)}
        onConfirm={() => signOutAll.mutate()}
      />
    </section>
  );
}
