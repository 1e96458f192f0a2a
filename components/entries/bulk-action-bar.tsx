"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { SelectionBar } from "@/components/ui/selection-bar";
import { formatNumber } from "@/lib/format";

/** The entries' selection bar: the offer to extend the selection to every matching entry, and the bulk delete. */
export function BulkActionBar({
  selectedCount,
  total,
  allMatching,
  canSelectAllMatching,
  onSelectAllMatching,
  onClear,
  onDelete,
  busy,
}: {
  selectedCount: number;
  total: number;
  allMatching: boolean;
  canSelectAllMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDelete: () => void;
  busy: boolean;
}) {
  const count = allMatching ? total : selectedCount;
  const clear = useRef<HTMLButtonElement>(null);
  return (
    <SelectionBar
      summary={allMatching ? `All ${formatNumber(total)} matching entries selected` : `${formatNumber(selectedCount)} selected`}
      extend={
        !allMatching && canSelectAllMatching ? (
          <Button
            size="sm"
            variant="ghost-accent"
            onClick={() => {
              onSelectAllMatching();
              // This button goes with the click; Clear selection, beside it, undoes what it did.
              clear.current?.focus();
            }}
          >
            Select all {formatNumber(total)} matching
          </Button>
        ) : null
      }
      onClear={onClear}
      clearRef={clear}
    >
      <Button size="sm" variant="danger" onClick={onDelete} disabled={busy}>
        Delete {formatNumber(count)} selected
      </Button>
    </SelectionBar>
  );
}
