"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { errorMessage } from "@/components/api-client/call-api";
import { Button } from "./button";
import { Dialog, DialogContent, DialogTrigger } from "./dialog";
import { Notice } from "./page-header";

/**
 * A form that creates something with a secret (an API key, a webhook's signing secret, an
 * invitation link), then shows the secret this one time with a copy button. Closing the dialog forgets it: the server keeps only
 * a hash, so it can never be shown again.
 */
export function SecretOnceDialog<Created, Variables>({
  trigger,
  title,
  description,
  secretTitle,
  secretDescription,
  secretTestId,
  submit,
  create,
  variablesOf,
  secretOf,
  onCreated,
  afterSecret,
  children,
}: {
  trigger: string;
  title: string;
  /** Shown under the form's title. */
  description?: string;
  secretTitle: string;
  secretDescription: string;
  secretTestId: string;
  /** The submit button's label, and its label while the request runs. */
  submit: { idle: string; pending: string };
  create: UseMutationResult<Created, Error, Variables>;
  /** The form's fields as the mutation takes them (its type comes from `create`). */
  variablesOf: (form: FormData) => NoInfer<Variables>;
  secretOf: (created: Created) => string;
  /** Runs once the creation succeeded (a toast, say). */
  onCreated?: (created: Created) => void;
  /** More about what was created, under the secret. */
  afterSecret?: (created: Created) => ReactNode;
  /** The form's fields. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const secret = create.data === undefined ? null : secretOf(create.data);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(variablesOf(new FormData(event.currentTarget)), { onSuccess: onCreated });
  }

  async function copy() {
    if (!secret) return;
    await navigator.clipboard.writeText(secret).catch(() => undefined);
    setCopied(true);
  }

  // Every way out (Done, Cancel, Escape, a click outside) forgets the secret: opened again, the dialog starts with an empty form.
  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) {
      create.reset();
      setCopied(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">{trigger}</Button>
      </DialogTrigger>
      <DialogContent title={secret ? secretTitle : title} description={secret ? secretDescription : description}>
        {secret ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <code data-testid={secretTestId} className="min-w-0 flex-1 rounded-md bg-muted px-3 py-2 font-mono text-[13px] break-all">
                {secret}
              </code>
              <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
            </div>
            {afterSecret && create.data !== undefined ? afterSecret(create.data) : null}
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => changeOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
            {children}
            {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
            <div className="flex justify-end gap-2">
              <Button onClick={() => changeOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={create.isPending}>
                {create.isPending ? submit.pending : submit.idle}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
