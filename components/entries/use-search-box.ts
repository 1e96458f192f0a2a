"use client";

import { useEffect, useState } from "react";
import { type EntriesView, filterParams } from "./entries-url-state";

const SEARCH_DEBOUNCE_MS = 250;

type UpdateView = (update: (current: EntriesView) => EntriesView) => void;

/**
 * The entries' search box: what is typed reaches the URL's `q` once typing pauses, so the list is
 * asked per pause, not per keystroke. When the filter changes from elsewhere (the back button, a
 * link), the box shows the `q` it did not type itself.
 */
export function useSearchBox(view: EntriesView, setView: UpdateView) {
  const [search, setSearch] = useState(view.q);

  // While rendering, not in an effect: no frame shows a search the URL no longer has.
  const filterKey = filterParams(view).toString();
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
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
