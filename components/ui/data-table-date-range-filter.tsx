"use client";

import type { Column } from "@tanstack/react-table";
import { useEffect, useId, useRef } from "react";
import { Button } from "./button";
import { Input } from "./input";

/** Days as `<input type="date">` gives them (YYYY-MM-DD), both ends inclusive. */
export type DateRange = { from?: string; to?: string };

/** Two native date fields, From and To, filtering a date column; the filter value is undefined while both are empty. */
export function DataTableDateRangeFilter<TData, TValue>({
  column,
  title,
  hint,
}: {
  column: Column<TData, TValue>;
  title: string;
  /** Said to screen readers with the group, e.g. which time zone the days are in. */
  hint?: string;
}) {
  const id = useId();
  const range = (column.getFilterValue() as DateRange | undefined) ?? {};
  // `min` and `max` stop the pickers, not typing or a pasted URL: a From after To matches nothing, so say why and offer the fix.
  const reversed = range.from !== undefined && range.to !== undefined && range.from > range.to;
  const invalid = reversed ? { "aria-invalid": true, "aria-describedby": `${id}-reversed` } : {};

  // From the filter as it is when the field changes, not as this render saw it: a second field changed
  // before the first change is rendered must not write the first one back to what it was.
  function change(field: keyof DateRange, value: string | undefined) {
    column.setFilterValue((current: DateRange | undefined) => withDay(current ?? {}, field, value));
  }

  // A day typed into the server's HTML before the page hydrated raised no change: take it once
  // hydrated, or the next render would wipe it from the field without it ever filtering. In a task of
  // its own: the router's effects, which run after this child's, must first connect the URL to the page.
  const fromField = useRef<HTMLInputElement>(null);
  const toField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const [field, input] of [
        ["from", fromField.current],
        ["to", toField.current],
      ] as const) {
        if (input?.value && input.value !== (range[field] ?? "")) change(field, input.value);
      }
    });
    return () => clearTimeout(timer);
    // Once, at hydration: afterwards every change comes through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    // Each label stays with its field; on a phone the pairs take a line each. A fieldset is min-content wide unless told otherwise.
    <fieldset className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-muted-foreground">
      <legend className="sr-only">
        {title}
        {hint ? ` (${hint})` : null}
      </legend>
      <span className="flex items-center gap-2">
        <label htmlFor={`${id}-from`}>From</label>
        <Input
          ref={fromField}
          id={`${id}-from`}
          type="date"
          value={range.from ?? ""}
          max={range.to}
          onChange={(event) => change("from", event.target.value || undefined)}
          className="w-auto px-2"
          {...invalid}
        />
      </span>
      <span className="flex items-center gap-2">
        <label htmlFor={`${id}-to`}>To</label>
        <Input
          ref={toField}
          id={`${id}-to`}
          type="date"
          value={range.to ?? ""}
          min={range.from}
          onChange={(event) => change("to", event.target.value || undefined)}
          className="w-auto px-2"
          {...invalid}
        />
      </span>
      <span role="status" id={`${id}-reversed`} className="flex items-center gap-2 text-danger-text">
        {reversed ? (
          <>
            From is after To, so nothing can match.
            <Button size="sm" onClick={() => column.setFilterValue({ from: range.to, to: range.from })}>
              Swap dates
            </Button>
          </>
        ) : null}
      </span>
    </fieldset>
  );
}

/** The range with one end set or cleared; no range at all once both ends are empty. */
function withDay(range: DateRange, field: keyof DateRange, value: string | undefined): DateRange | undefined {
  const next = { ...range, [field]: value };
  return next.from || next.to ? next : undefined;
}
