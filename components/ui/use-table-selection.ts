"use client";

import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useCallback, useState } from "react";

export type TableSelection = ReturnType<typeof useTableSelection>;

/**
 * The rows ticked in a table, by id and across pages, or every row the filter matches
 * (`allMatching`), pages never shown included. Another search, filter or the back button changes
 * `filterKey` (the filter as text) and clears it: a selection the results no longer show would be a trap.
 */
export function useTableSelection(filterKey: string) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);

  // While rendering, not in an effect: no frame offers to act on rows of the previous filter.
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

  const deselect = useCallback((id: string) => setRowSelection(({ [id]: _deselected, ...rest }) => rest), []);

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  return { rowSelection, selectedIds, allMatching, changeRowSelection, selectAllMatching, clearSelection, deselect };
}
