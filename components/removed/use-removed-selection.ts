"use client";

import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useCallback, useState } from "react";
import { type RemovedFilter, removedFilterKey } from "./removed-url-state";

export type RemovedSelection = ReturnType<typeof useRemovedSelection>;

/**
 * The removed entries ticked, by id and across pages, or every one the search or run matches
 * (`allMatching`), pages never shown included. Another search, run or the back button clears it:
 * a selection the results no longer show would be a trap.
 */
export function useRemovedSelection(filter: RemovedFilter) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);

  // While rendering, not in an effect: no frame offers to restore rows of the previous filter.
  const filterKey = removedFilterKey(filter);
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setRowSelection({});
    setAllMatching(false);
  }

  // A tick or untick narrows "all matching" back to the rows ticked.
  const changeRowSelection: OnChangeFn<RowSelectionState> = useCallback((updater) => {
    setRowSelection(updater);
    setAllMatching(false);
  }, []);

  const selectAllMatching = useCallback(() => setAllMatching(true), []);

  const clearSelection = useCallback(() => {
    setRowSelection({});
    setAllMatching(false);
  }, []);

  const deselect = useCallback((id: string) => setRowSelection(({ [id]: _restored, ...rest }) => rest), []);

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  return { rowSelection, selectedIds, allMatching, changeRowSelection, selectAllMatching, clearSelection, deselect };
}
