"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { ApiRequestError, callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";
import { entriesKey } from "./use-dnc-entries";

/** What stays in the dialog: why the URL was not added. A success is a toast, and the dialog is ready for the next URL. */
type Result = { tone: "error" | "info"; text: string };

/** Adds one URL; shows the canonical form before and after saving, and a duplicate as "already on the list". */
export function AddEntryDialog({ team }: { team: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const preview = url.trim() ? normalizeLinkedInUrl(url) : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    try {
      const entry = await callApi(dncContracts.addEntry, { body: { url }, team });
      toast.success(`Added ${entry.url}`);
      setUrl("");
      // The submit button is disabled with the field empty; focus goes back to where the next URL is typed.
      input.current?.focus();
      void queryClient.invalidateQueries({ queryKey: entriesKey(team) });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        setResult({ tone: "info", text: `${preview ?? url} is already on the list.` });
      } else {
        setResult({ tone: "error", text: errorMessage(error) });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setResult(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary">Add URL</Button>
      </DialogTrigger>
      <DialogContent
        title="Add a profile to the list"
        description="Any spelling of a LinkedIn profile URL is accepted and stored in one canonical form."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <div className="space-y-1.5">
            <Label htmlFor="add-url">LinkedIn profile URL</Label>
            <Input
              id="add-url"
              ref={input}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://www.linkedin.com/in/jane-doe"
              required
              autoFocus
            />
            <p className="min-h-5 text-xs text-muted-foreground" data-testid="normalized-preview">
              {url.trim() ? (
                preview ? (
                  <>
                    Will be stored as <span className="font-mono text-foreground">{preview}</span>
                  </>
                ) : (
                  "Not a LinkedIn profile URL"
                )
              ) : null}
            </p>
          </div>
          {result ? <Notice tone={result.tone}>{result.text}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Close</Button>
            <Button type="submit" variant="primary" disabled={pending || !preview}>
              {pending ? "Adding…" : "Add to list"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
