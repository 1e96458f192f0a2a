import type { Column, Table } from "@tanstack/react-table";

/** Tailwind's breakpoints, as the classes that show a cell from there up and as the media queries they stand for. */
const BREAKPOINTS = {
  sm: { className: "hidden sm:table-cell", query: "(min-width: 40rem)" },
  md: { className: "hidden md:table-cell", query: "(min-width: 48rem)" },
  lg: { className: "hidden lg:table-cell", query: "(min-width: 64rem)" },
  xl: { className: "hidden xl:table-cell", query: "(min-width: 80rem)" },
} as const;

export type Breakpoint = keyof typeof BREAKPOINTS;

/** Someone chose this column's visibility in the View menu; until then the screen's width decides. */
function isChosen<TData>(table: Table<TData>, column: Column<TData>): boolean {
  return column.id in table.getState().columnVisibility;
}

/**
 * The classes that leave a secondary column (`meta.hideBelow`) out on small screens. CSS rather than
 * state, so the server's HTML is already right at every width; none once someone has chosen.
 */
export function responsiveClassName<TData>(table: Table<TData>, column: Column<TData>): string | undefined {
  const below = column.columnDef.meta?.hideBelow;
  return below && !isChosen(table, column) ? BREAKPOINTS[below].className : undefined;
}

/** Whether the column is on screen, for the View menu's ticks. Browser only: the menu's items render when it opens. */
export function isColumnShown<TData>(table: Table<TData>, column: Column<TData>): boolean {
  if (isChosen(table, column)) return column.getIsVisible();
  const below = column.columnDef.meta?.hideBelow;
  return below === undefined || window.matchMedia(BREAKPOINTS[below].query).matches;
}
