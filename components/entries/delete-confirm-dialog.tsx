"use client";

import { useState } from "react";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";
import { UrlPreviewList } from "./url-preview-list";

export type DeleteTarget = { count: number; urls: string[] };

/**
 * The one confirmation every removal goes through. Cancel, Escape and a click outside all close it
 * without calling `onConfirm`; the reason typed here goes to the audit trail with each DELETE.
 */
export function DeleteConfirmDialog({
  target,
  onCancel,
  onConfirm,
}: {
  target: DeleteTarget | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const single = target?.count === 1;
  const title = single ? "Remove this entry?" : `Remove ${formatNumber(target?.count ?? 0)} entries?`;

  function close() {
    setReason("");
    onCancel();
  }

  return (
    <AlertDialog open={target !== null} onOpenChange={(open) => !open && close()}>
      {target ? (
        <AlertDialogContent
          title={title}
          onOutsideClick={close}
          description={
            <div>
              <p>
                {single
                  ? "This profile will be removed from the Do Not Contact list and may be contacted again."
                  : "These profiles will be removed from the Do Not Contact list and may be contacted again."}
              </p>
              <UrlPreviewList label="Entries to remove" urls={target.urls} count={target.count} />
            </div>
          }
        >
          <div className="space-y-1.5">
            <Label htmlFor="delete-reason">Reason (optional, kept in the audit log)</Label>
            <Textarea
              id="delete-reason"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. consent given on 12 March"
            />
          </div>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialogCancel asChild>
              <Button>Cancel</Button>
            </AlertDialogCancel>
            <AlertDialogAction asChild>
              <Button
                variant="danger"
                onClick={() => {
                  const text = reason.trim();
                  setReason("");
                  onConfirm(text);
                }}
              >
                {single ? "Remove entry" : `Remove ${formatNumber(target.count)} entries`}
              </Button>
            </AlertDialogAction>
          </div>
        </AlertDialogContent>
      ) : null}
    </AlertDialog>
  );
}
