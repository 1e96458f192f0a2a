"use client";

import { getCoreRowModel, type TableOptions, useReactTable } from "@tanstack/react-table";
import { useEffect, useRef } from "react";

/**
 * Every list's table, built one way: rows keyed by their id (so a selection survives a refetch),
 * and paged by the server when the API says how many rows there are (`rowCount`).
 */
export function useDataTable<Row>(options: Omit<TableOptions<Row>, "getCoreRowModel" | "getRowId"> & { getRowId: (row: Row) => string }) {
  return useReactTable({ getCoreRowModel: getCoreRowModel(), manualPagination: options.rowCount !== undefined, ...options });
}

/**
 * Every row seen, by id, across pages and refetches: a confirmation names selected rows that are on
 * other pages. Recorded after each render and read in event handlers, never while rendering.
 */
export function useRowsSeen<Row extends { $id: string }>(rows: Row[]) {
  const seen = useRef(new Map<string, Row>());
  useEffect(() => {
    for (const row of rows) seen.current.set(row.$id, row);
  }, [rows]);
  return seen;
}
