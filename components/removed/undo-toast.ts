"use client";

import { useCallback } from "react";
import { toast } from "sonner";
import { useRestoreEntry } from "./use-removed-entries";

/** The reason an undo writes to the audit trail, so a reader tells it from a deliberate restore. */
export const UNDO_REASON = "Undo";

const UNDO_TOAST_MS = 10_000;

/** The toast after a removal: Undo for ten seconds; afterwards the entries wait in Recently removed. */
export function offerUndo(message: string, undo: () => void, id?: string) {
  toast.success(message, { id, duration: UNDO_TOAST_MS, action: { label: "Undo", onClick: undo } });
}

/** Offers to undo the removal of one entry, restoring it with a single request. */
export function useOfferSingleUndo(team: string) {
  const { mutate } = useRestoreEntry(team);
  return useCallback(
    (entry: { id: string; url: string }) => offerUndo(`Removed ${entry.url}`, () => mutate({ ...entry, reason: UNDO_REASON })),
    [mutate],
  );
}
