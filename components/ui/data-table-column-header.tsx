"use client";

import type { Column } from "@tanstack/react-table";

type SortWords = { asc: string; desc: string };

const DEFAULT_WORDS: SortWords = { asc: "ascending", desc: "descending" };

/**
 * A column title that changes the order when pressed; its name says the current order in the
 * column's own words (e.g. "newest first"). The header cell's aria-sort comes from DataTable.
 */
export function DataTableColumnHeader<TData, TValue>({
  column,
  title,
  words = DEFAULT_WORDS,
}: {
  column: Column<TData, TValue>;
  title: string;
  words?: SortWords;
}) {
  if (!column.getCanSort()) return <>{title}</>;
  const sorted = column.getIsSorted();
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 uppercase hover:text-foreground"
      onClick={() => column.toggleSorting(sorted === "asc")}
      aria-label={`${title}, ${sorted ? words[sorted] : "not sorted"}; change order`}
    >
      {title} <span aria-hidden="true">{sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}</span>
    </button>
  );
}
