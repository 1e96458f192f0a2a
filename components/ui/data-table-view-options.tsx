"use client";

import type { Column, Table } from "@tanstack/react-table";
import { Button } from "./button";
import { isColumnShown } from "./column-visibility";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";

/** The "View" menu: a tick per column that may be hidden (those with `meta.title`); it stays open to change several. */
export function DataTableViewOptions<TData>({ table }: { table: Table<TData> }) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide() && column.columnDef.meta?.title);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button>
          <span aria-hidden="true">☰</span> View
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-44">
        <DropdownMenuLabel>Columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((column) => (
          <ColumnToggle key={column.id} table={table} column={column} />
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A component of its own so the tick is worked out only when the open menu renders it: it asks the browser for the screen's width. */
function ColumnToggle<TData>({ table, column }: { table: Table<TData>; column: Column<TData> }) {
  return (
    <DropdownMenuCheckboxItem
      checked={isColumnShown(table, column)}
      onCheckedChange={(checked) => column.toggleVisibility(checked)}
      onSelect={(event) => event.preventDefault()}
    >
      {column.columnDef.meta?.title}
    </DropdownMenuCheckboxItem>
  );
}
