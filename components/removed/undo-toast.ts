"use client";

import { useCallback } from "react";
import { toast, type ToastOptions } from "@/components/ui/toaster";
import { useRestoreEntry } from "./use-removed-entries";

/** The reason an undo writes to the audit trail, so a reader tells it from a deliberate restore. */
export const UNDO_REASON = "Undo";

const UNDO_TOAST_MS = 10_000;

/** What turns a removal's toast into an offer: Undo for ten seconds; afterwards the entries wait in Recently removed. */
export function undoAction(undo: () => void): ToastOptions {
  return { duration: UNDO_TOAST_MS, action: { label: "Undo", onClick: undo } };
}

/** The title of a single removal's toast: what focusToast finds it by. */
export const removalTitle = (url: string) => `Removed ${url}`;

/** Confirms the removal of one entry with a toast whose Undo restores it with a single request. */
export function useOfferSingleUndo(team: string) {
  const { mutate } = useRestoreEntry(team);
  return useCallback(
    (entry: { id: string; url: string }) =>
      toast.success(
        removalTitle(entry.url),
        undoAction(() => mutate({ ...entry, reason: UNDO_REASON })),
      ),
    [mutate],
  );
}
