"use client";

import type { Column } from "@tanstack/react-table";
import { type Client, GLOBAL_LIST } from "@/lib/clients/schemas";

/**
 * Which lists the table shows: all of them, the global one alone, or what a client's check applies
 * (the global list and the client's own). A native select filtering the Client column; undefined is "all".
 */
export function ClientFilter<TData, TValue>({
  column,
  clients,
}: {
  column: Column<TData, TValue>;
  clients: readonly Pick<Client, "id" | "name">[];
}) {
  const chosen = column.getFilterValue() as string | undefined;
  // A link may name a client not (yet) in the list: it is offered by its id rather than shown as "All lists".
  const unknown = chosen !== undefined && chosen !== GLOBAL_LIST && !clients.some((client) => client.id === chosen);
  return (
    <label className="flex items-center gap-2 text-sm text-muted-foreground">
      Client
      <select
        className="h-9 rounded-md border border-input bg-surface px-2 text-sm text-foreground"
        value={chosen ?? ""}
        onChange={(event) => column.setFilterValue(event.target.value || undefined)}
      >
        <option value="">All lists</option>
        <option value={GLOBAL_LIST}>Global only</option>
        {clients.map((client) => (
          <option key={client.id} value={client.id}>
            {client.name} — with global
          </option>
        ))}
        {unknown ? <option value={chosen}>{chosen} — with global</option> : null}
      </select>
    </label>
  );
}
