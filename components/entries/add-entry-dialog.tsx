"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { ApiRequestError, callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { DEFAULT_CATEGORY, type EntryCategory, isProtectedCategory } from "@/lib/dnc/categories";
import { MAX_TEXT_FIELD_LENGTH } from "@/lib/dnc/schemas";
import { recogniseEntry, type RecognisedEntry } from "@/lib/dnc/entry-identifier";
import { ClientSelect, clientIdOf } from "@/components/clients/client-select";
import { type Client, GLOBAL_LIST } from "@/lib/clients/schemas";
import { IdentifierPreview } from "./identifier-preview";
import { CategorySelect } from "./category-select";
import { entriesKey } from "./use-dnc-entries";

/**
 * Adds one entry: a person, a company page or a domain, inferred from what is typed. Shows the
 * canonical form and what it was taken for before saving, and a duplicate as "already on the list"
 * until what was sent is changed.
 */
export function AddEntryDialog({ team, clients }: { team: string; clients: readonly Client[] }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [includeSubdomains, setIncludeSubdomains] = useState(false);
  const [category, setCategory] = useState<EntryCategory>(DEFAULT_CATEGORY);
  const [receivedOn, setReceivedOn] = useState("");
  const [note, setNote] = useState("");
  const [list, setList] = useState<string>(GLOBAL_LIST);
  const input = useRef<HTMLInputElement>(null);
  const preview = url.trim() ? recogniseEntry(url, { includeSubdomains }) : null;
  const add = useMutation({
    mutationFn: (submitted: RecognisedEntry) =>
      callApi(dncContracts.addEntry, {
        body: {
          ...submitted.body,
          ...(category !== DEFAULT_CATEGORY ? { category } : {}),
          ...(receivedOn ? { receivedAt: receivedOn } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          ...clientIdOf(list),
        },
        team,
      }),
    onSuccess: (entry) => {
      toast.success(`Added ${entry.url}`);
      setUrl("");
      // A note says why this one entry is listed: it is not carried over to the next.
      setNote("");
      // The submit button is disabled with the field empty; focus goes back to where the next URL is typed.
      input.current?.focus();
      void queryClient.invalidateQueries({ queryKey: entriesKey(team) });
    },
  });
  // What stays in the dialog: why the URL sent was not added. A success is a toast, and the dialog is ready for the next URL.
  const duplicate = add.error instanceof ApiRequestError && add.error.status === 409;
  const refusal = add.isError
    ? duplicate
      ? `${add.variables.canonical} is already on ${listName(list, clients)}.`
      : errorMessage(add.error)
    : null;

  /** A refusal speaks of what was sent: once the entry or its list changes, it no longer applies. */
  function clearRefusal() {
    if (add.isError) add.reset();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (preview) add.mutate(preview);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) add.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary">Add URL</Button>
      </DialogTrigger>
      <DialogContent
        title="Add to the list"
        description="A person (any spelling of a LinkedIn profile URL, a Sales Navigator or Recruiter link, a member URN), everyone at a company (its LinkedIn page), or everyone at a domain (acme.com). Each is stored in one canonical form."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <div className="space-y-1.5">
            <Label htmlFor="add-url">LinkedIn profile URL, company page or domain</Label>
            <Input
              id="add-url"
              ref={input}
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                clearRefusal();
              }}
              placeholder="https://www.linkedin.com/in/jane-doe"
              required
              autoFocus
            />
            <IdentifierPreview input={url} recognised={preview} unrecognised="Not a LinkedIn profile URL, company page or domain" />
          </div>
          {preview?.body.kind === "domain" ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={includeSubdomains}
                onChange={(event) => {
                  setIncludeSubdomains(event.target.checked);
                  clearRefusal();
                }}
              />
              Also its subdomains (mail.{preview.canonical}, eu.{preview.canonical}, …)
            </label>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor="add-category">Category</Label>
              <CategorySelect id="add-category" value={category} onChange={setCategory} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="add-received">Opt-out received on (optional)</Label>
              <Input
                id="add-received"
                type="date"
                value={receivedOn}
                max={new Date().toISOString().slice(0, 10)}
                onChange={(event) => setReceivedOn(event.target.value)}
              />
            </div>
          </div>
          {clients.length > 0 ? (
            <div className="space-y-1.5">
              <Label htmlFor="add-client">Client</Label>
              <ClientSelect
                id="add-client"
                clients={clients}
                value={list}
                onChange={(value) => {
                  setList(value);
                  clearRefusal();
                }}
              />
            </div>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="add-note">Note (optional)</Label>
            <Textarea
              id="add-note"
              rows={2}
              maxLength={MAX_TEXT_FIELD_LENGTH}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-describedby="add-note-hint"
            />
            <p id="add-note-hint" className="text-xs text-muted-foreground">
              Why this entry is on the list (e.g. “asked by email on 2 December”), up to {MAX_TEXT_FIELD_LENGTH} characters; kept with the
              entry and in its history.
            </p>
          </div>
          {isProtectedCategory(category) ? (
            <p className="text-sm text-muted-foreground">Only an owner can remove a protected entry, and must say why.</p>
          ) : null}
          {refusal ? <Notice tone={duplicate ? "info" : "error"}>{refusal}</Notice> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Close</Button>
            <Button type="submit" variant="primary" disabled={add.isPending || !preview}>
              {add.isPending ? "Adding…" : "Add to list"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** "the list" for a team with one list; which one, once it has clients. */
function listName(list: string, clients: readonly Client[]): string {
  if (clients.length === 0) return "the list";
  const client = clients.find((candidate) => candidate.id === list);
  return client ? `${client.name}'s list` : "the global list";
}
