"use client";

import { functionalUpdate, type PaginationState, type Updater } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { readRemovedView, removedFilterKey, type RemovedView, writeRemovedView } from "./removed-url-state";

const SEARCH_DEBOUNCE_MS = 250;

type Update = (current: RemovedView) => RemovedView;

/**
 * The Recently removed table's view, kept in the page URL (the only copy). Typing and paging
 * replace the history entry (a search would otherwise fill the history); showing a run or leaving
 * it adds one, so Back returns to where the person was. A new search or run starts at page one.
 */
export function useRemovedView() {
  const searchParams = useSearchParams();
  const view = useMemo(() => readRemovedView(searchParams), [searchParams]);

  const setView = useCallback((update: Update, history: "replace" | "push" = "replace") => {
    // The location, not the last render: two changes in one event must not undo each other.
    const current = readRemovedView(new URLSearchParams(window.location.search));
    let next = update(current);
    if (removedFilterKey(next) !== removedFilterKey(current)) next = { ...next, pageIndex: 0 };
    const query = writeRemovedView(next).toString();
    const url = query ? `?${query}` : window.location.pathname;
    if (history === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);

  const onPaginationChange = useCallback(
    (updater: Updater<PaginationState>) =>
      setView((current) => ({ ...current, ...functionalUpdate(updater, { pageIndex: current.pageIndex, pageSize: current.pageSize }) })),
    [setView],
  );

  const showRun = useCallback((run: string | null) => setView((current) => ({ ...current, q: "", run }), "push"), [setView]);

  return { view, setView, onPaginationChange, showRun };
}

/**
 * The search box: what is typed reaches the URL's `q` once typing pauses. When `q` changes from
 * elsewhere (Back, a link, showing a run), the box shows the `q` it did not type itself.
 */
export function useRemovedSearchBox(view: RemovedView, setView: (update: Update) => void) {
  const [search, setSearch] = useState(view.q);

  // While rendering, not in an effect: no frame shows a search the URL no longer has.
  const [shownQ, setShownQ] = useState(view.q);
  if (shownQ !== view.q) {
    setShownQ(view.q);
    if (view.q !== search.trim()) setSearch(view.q);
  }

  useEffect(() => {
    const next = search.trim();
    if (next === view.q) return;
    const timer = setTimeout(() => setView((current) => ({ ...current, q: next })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, view.q, setView]);

  return [search, setSearch] as const;
}
