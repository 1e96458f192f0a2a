"use client";

import { type FormEvent, useState } from "react";
import { UrlPreviewList } from "@/components/entries/url-preview-list";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";

export type RestoreTarget = { ids: string[]; urls: string[] };

/** Asks for the optional reason of a restore, one entry or many; Cancel, Escape and a click outside restore nothing. */
export function RestoreDialog({
  target,
  onCancel,
  onConfirm,
}: {
  target: RestoreTarget | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const count = target?.ids.length ?? 0;

  function close() {
    setReason("");
    onCancel();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    setReason("");
    onConfirm(text);
  }

  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && close()}>
      {target ? (
        <DialogContent
          title={count === 1 ? "Restore this entry?" : `Restore ${formatNumber(count)} entries?`}
          description={`Back on the list as ${count === 1 ? "it was" : "they were"}: the same id, added date, author, source and note. An expiry that has passed is cleared.`}
        >
          <form onSubmit={onSubmit}>
            <UrlPreviewList label="Entries to restore" urls={target.urls} count={count} />
            <div className="mt-4 space-y-1.5">
              <Label htmlFor="restore-reason">Reason (optional, kept in the audit log)</Label>
              <Textarea
                id="restore-reason"
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. removed by mistake"
              />
            </div>
            <div className="mt-5 flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary">
                {count === 1 ? "Restore entry" : `Restore ${formatNumber(count)} entries`}
              </Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
