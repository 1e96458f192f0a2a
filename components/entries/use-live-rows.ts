"use client";

import { useEffect, useMemo } from "react";
import { useGoneEntries } from "@/components/bulk-actions/bulk-actions-context";
import type { EntriesView } from "./entries-url-state";
import type { ListedPage } from "./use-dnc-entries";

/**
 * The page as the table shows it: the entries this tab saw removed since the page was asked for
 * are left out (a bulk run's rows go one by one as the server acknowledges them), and the total is
 * lowered by as many. `refilling`: every row shown went, but more entries match; the refetch that
 * follows each removal brings them.
 */
export function useLiveRows(page: ListedPage | undefined) {
  const gone = useGoneEntries();
  return useMemo(() => {
    const entries = page?.entries ?? [];
    const rows = entries.filter((entry) => !gone.goneSince(entry.$id, page?.requestedAt ?? 0));
    const total = Math.max(0, (page?.total ?? 0) - (entries.length - rows.length));
    return { rows, total, refilling: rows.length === 0 && entries.length > 0 && total > 0 };
  }, [page, gone]);
}

/** A page past the end (the last page, emptied by a removal) turns to the last page that has entries. */
export function useClampedPage(total: number | undefined, view: EntriesView, onPageIndex: (pageIndex: number) => void) {
  useEffect(() => {
    if (total === undefined) return;
    const lastPage = Math.max(0, Math.ceil(total / view.pageSize) - 1);
    if (view.pageIndex > lastPage) onPageIndex(lastPage);
  }, [total, view.pageIndex, view.pageSize, onPageIndex]);
}
