"use client";

import type { Column } from "@tanstack/react-table";

/** The choices offered; a link may name another number of days, which is offered too. */
const CHOICES = [7, 30, 90, 365];

/** "Expires within N days": a native select filtering the Expires column; the filter value is undefined for "any". */
export function ExpiresWithinFilter<TData, TValue>({ column }: { column: Column<TData, TValue> }) {
  const days = column.getFilterValue() as number | undefined;
  const choices = days === undefined || CHOICES.includes(days) ? CHOICES : [...CHOICES, days].sort((a, b) => a - b);
  return (
    <label className="flex items-center gap-2 text-sm text-muted-foreground">
      Expires
      <select
        className="h-9 rounded-md border border-input bg-surface px-2 text-sm text-foreground"
        value={days ?? ""}
        onChange={(event) => column.setFilterValue(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">Any time or never</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            Within {choice} days
          </option>
        ))}
      </select>
    </label>
  );
}
