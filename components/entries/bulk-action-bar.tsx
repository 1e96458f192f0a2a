"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";

/**
 * Shown while rows are selected: the count (announced to screen readers), the offer to extend the
 * selection to every matching entry, and the bulk delete. Escape clears the selection.
 */
export function BulkActionBar({
  selectedCount,
  total,
  allMatching,
  canSelectAllMatching,
  onSelectAllMatching,
  onClear,
  onDelete,
  escapeEnabled,
  busy,
}: {
  selectedCount: number;
  total: number;
  allMatching: boolean;
  canSelectAllMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDelete: () => void;
  escapeEnabled: boolean;
  busy: boolean;
}) {
  useEffect(() => {
    if (!escapeEnabled) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClear();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [escapeEnabled, onClear]);

  const count = allMatching ? total : selectedCount;
  return (
    <div
      role="region"
      aria-label="Selection"
      className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-accent-border bg-accent-soft px-4 py-2.5 text-sm"
    >
      <p aria-live="polite" className="font-medium text-accent-text">
        {allMatching ? `All ${formatNumber(total)} matching entries selected` : `${formatNumber(selectedCount)} selected`}
      </p>
      {!allMatching && canSelectAllMatching ? (
        <Button size="sm" variant="ghost-accent" onClick={onSelectAllMatching}>
          Select all {formatNumber(total)} matching
        </Button>
      ) : null}
      <div className="ml-auto flex gap-2">
        <Button size="sm" onClick={onClear}>
          Clear selection
        </Button>
        <Button size="sm" variant="danger" onClick={onDelete} disabled={busy}>
          Delete {formatNumber(count)} selected
        </Button>
      </div>
    </div>
  );
}
