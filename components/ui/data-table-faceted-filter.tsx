"use client";

import type { Column } from "@tanstack/react-table";
import { useId, useState } from "react";
import { formatNumber } from "@/lib/format";
import { Button } from "./button";
import { Checkbox } from "./checkbox";
import { Input } from "./input";
import { Popover, PopoverClose, PopoverContent, PopoverTrigger } from "./popover";

export type FacetOption = { value: string; label: string; count?: number };

/** Past this many options the panel gets a box to narrow them down (authors can be a hundred). */
const SEARCH_FROM = 8;
/** The trigger names this many choices; more are counted. */
const NAMED_CHOICES = 2;

/**
 * shadcn's faceted filter: a button that opens a panel of checkboxes, one per value with its count.
 * The column's filter value is the array of chosen values (undefined when none).
 */
export function DataTableFacetedFilter<TData, TValue>({
  column,
  title,
  options,
}: {
  column: Column<TData, TValue>;
  title: string;
  options: FacetOption[];
}) {
  const id = useId();
  const [search, setSearch] = useState("");
  const selected = new Set((column.getFilterValue() as string[] | undefined) ?? []);
  const chosen = options.filter((option) => selected.has(option.value));
  const needle = search.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.label.toLowerCase().includes(needle)) : options;

  function toggle(value: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    column.setFilterValue(next.size > 0 ? [...next] : undefined);
  }

  return (
    <Popover onOpenChange={(open) => !open && setSearch("")}>
      <PopoverTrigger asChild>
        <Button className="max-w-full border-dashed">
          <span aria-hidden="true">⊕</span>
          {title}
          {chosen.length > 0 ? (
            <span className="ml-1 min-w-0 truncate rounded bg-muted px-1.5 py-0.5 font-normal text-foreground">
              <span className="sr-only">: </span>
              {chosen.length > NAMED_CHOICES ? `${chosen.length} selected` : chosen.map((option) => option.label).join(", ")}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent label={`Filter by ${title}`}>
        {options.length >= SEARCH_FROM ? (
          <Input
            type="search"
            aria-label={`Search ${title}`}
            placeholder={`${title}…`}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="mb-2"
          />
        ) : null}
        <ul aria-label={title} className="max-h-64 overflow-y-auto">
          {shown.map((option, index) => (
            <li key={option.value} className="flex items-center gap-2 rounded px-2 py-1.5 hover:bg-subtle">
              <Checkbox
                id={`${id}-${index}`}
                checked={selected.has(option.value)}
                onCheckedChange={(checked) => toggle(option.value, checked === true)}
              />
              <label htmlFor={`${id}-${index}`} className="flex min-w-0 flex-1 items-center gap-2 text-sm text-foreground">
                <span className="truncate" title={option.label}>
                  {option.label}
                </span>
                {option.count === undefined ? null : (
                  <span className="ml-auto font-mono text-xs tabular-nums text-muted-foreground">
                    <span className="sr-only">, </span>
                    {formatNumber(option.count)}
                    <span className="sr-only"> entries</span>
                  </span>
                )}
              </label>
            </li>
          ))}
          {shown.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">No matches.</li> : null}
        </ul>
        {selected.size > 0 ? (
          // Closes the panel too: the button would vanish with the choices, and focus with it; it goes back to the trigger instead.
          <PopoverClose asChild>
            <Button size="sm" variant="ghost" className="mt-1 w-full justify-center" onClick={() => column.setFilterValue(undefined)}>
              Clear {title.toLowerCase()} filter
            </Button>
          </PopoverClose>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
