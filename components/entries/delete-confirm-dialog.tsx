"use client";

import { useState } from "react";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";
import { UrlPreviewList } from "./url-preview-list";

/** What a removal would remove; `protectedCount`: how many of them are known to be complaint or legal entries. */
export type DeleteTarget = { count: number; urls: string[]; protectedCount?: number };

/**
 * The one confirmation every removal goes through. Cancel, Escape and a click outside all close it
 * without calling `onConfirm`; the reason typed here goes to the audit trail with each DELETE.
 * Protected entries (complaints, legal demands) need a reason from an owner; anyone else is told
 * they stay.
 */
export function DeleteConfirmDialog({
  target,
  canRemoveProtected,
  onCancel,
  onConfirm,
}: {
  target: DeleteTarget | null;
  canRemoveProtected: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const single = target?.count === 1;
  const protectedCount = target?.protectedCount ?? 0;
  const reasonRequired = protectedCount > 0 && canRemoveProtected;
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
              {protectedCount > 0 ? (
                <p className="mt-2 font-medium text-foreground">
                  {canRemoveProtected
                    ? `${single ? "This is a protected entry" : `${formatNumber(protectedCount)} of them are protected`} (a complaint or a legal demand): say why it is removed.`
                    : `${single ? "This is a protected entry" : `${formatNumber(protectedCount)} of them are protected`} (a complaint or a legal demand): only an owner can remove ${single ? "it" : "them"}, so ${single ? "it stays" : "they stay"}.`}
                </p>
              ) : null}
            </div>
          }
        >
          <div className="space-y-1.5">
            <Label htmlFor="delete-reason">
              {reasonRequired ? "Reason (required, kept in the audit log)" : "Reason (optional, kept in the audit log)"}
            </Label>
            <Textarea
              id="delete-reason"
              maxLength={500}
              value={reason}
              required={reasonRequired}
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
                disabled={reasonRequired && reason.trim() === ""}
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
