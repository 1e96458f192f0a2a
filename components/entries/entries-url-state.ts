import type { z } from "zod";
import { toSearchParams } from "@/components/api-client/call-api";
import type { EntryCategory } from "@/lib/dnc/categories";
import { type EntryKind, type EntrySource, listEntriesQuerySchema } from "@/lib/dnc/schemas";

/**
 * The entries table's state as the page URL carries it (`?q=&kind=&category=&late=&source=&createdBy=&from=&to=&expiresWithin=&client=&sort=&order=&page=&size=`),
 * so a filtered view is a link. Read by the server page (to render the same first page) and by the
 * table; checked with the API's own query schema, so the URL can only ask what the API answers.
 * No "use client": a server component cannot read constants out of a client module.
 */

export const PAGE_SIZES = [10, 25, 50, 100];

export type EntriesFilter = {
  /** URL contains. */
  q: string;
  kind: EntryKind[];
  category: EntryCategory[];
  /** Only entries added past their opt-out window (true), only those that were not (false), or all. */
  late: boolean | null;
  source: EntrySource[];
  createdBy: string[];
  /** Days (YYYY-MM-DD, UTC), both inclusive. */
  from: string | null;
  to: string | null;
  /** Only entries that expire within this many days. */
  expiresWithin: number | null;
  /** The entries a client's check applies (its id: the global list and the client's), the global list alone (`global`), or every list. */
  client: string | null;
};

export type EntriesView = EntriesFilter & {
  sort: "createdAt" | "url";
  order: "asc" | "desc";
  pageIndex: number;
  pageSize: number;
};

/** No search and no filter: what Reset goes back to. */
export const DEFAULT_FILTER: EntriesFilter = {
  q: "",
  kind: [],
  category: [],
  late: null,
  source: [],
  createdBy: [],
  from: null,
  to: null,
  expiresWithin: null,
  client: null,
};

export const DEFAULT_VIEW: EntriesView = {
  ...DEFAULT_FILTER,
  sort: "createdAt",
  order: "desc",
  pageIndex: 0,
  pageSize: 25,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = /^[1-9]\d{0,8}$/;
const DAY_MS = 86_400_000;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: Params, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The view a URL asks for; anything the API would refuse (or a page size the table does not offer) gives the default view. */
export function readEntriesView(params: Params): EntriesView {
  const first = (name: string) => valuesOf(params, name)[0];
  const page = first("page") ?? "1";
  const size = first("size") ?? String(DEFAULT_VIEW.pageSize);
  const from = first("from") || null;
  const to = first("to") || null;
  const late = first("late");
  if (late !== undefined && late !== "true" && late !== "false") return DEFAULT_VIEW;
  const expiresWithin = first("expiresWithin") || null;
  if (!PAGE.test(page) || !PAGE_SIZES.includes(Number(size)) || !isDay(from) || !isDay(to)) return DEFAULT_VIEW;
  if (expiresWithin !== null && !PAGE.test(expiresWithin)) return DEFAULT_VIEW;
  const candidate: EntriesView = {
    q: first("q") ?? "",
    kind: valuesOf(params, "kind") as EntryKind[],
    category: valuesOf(params, "category") as EntryCategory[],
    late: late === undefined ? null : late === "true",
    source: valuesOf(params, "source") as EntrySource[],
    createdBy: valuesOf(params, "createdBy"),
    from,
    to,
    expiresWithin: expiresWithin === null ? null : Number(expiresWithin),
    client: first("client") || null,
    sort: (first("sort") ?? DEFAULT_VIEW.sort) as EntriesView["sort"],
    order: (first("order") ?? DEFAULT_VIEW.order) as EntriesView["order"],
    pageIndex: Number(page) - 1,
    pageSize: Number(size),
  };
  const parsed = parseListQuery(candidate);
  if (!parsed.success) return DEFAULT_VIEW;
  return {
    ...candidate,
    q: parsed.data.q ?? "",
    kind: [...new Set(parsed.data.kind)],
    category: [...new Set(parsed.data.category)],
    source: [...new Set(parsed.data.source)],
    createdBy: [...new Set(parsed.data.createdBy)],
    sort: parsed.data.sort,
    order: parsed.data.order,
  };
}

/** The page URL's query for a view; defaults are left out, so the default view is plain `/entries`. */
export function writeEntriesView(view: EntriesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.kind.length > 0) params.set("kind", view.kind.join(","));
  if (view.category.length > 0) params.set("category", view.category.join(","));
  if (view.late !== null) params.set("late", String(view.late));
  if (view.source.length > 0) params.set("source", view.source.join(","));
  for (const author of view.createdBy) params.append("createdBy", author);
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  if (view.expiresWithin !== null) params.set("expiresWithin", String(view.expiresWithin));
  if (view.client !== null) params.set("client", view.client);
  if (view.sort !== DEFAULT_VIEW.sort) params.set("sort", view.sort);
  if (view.order !== DEFAULT_VIEW.order) params.set("order", view.order);
  if (view.pageIndex > 0) params.set("page", String(view.pageIndex + 1));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) params.set("size", String(view.pageSize));
  return params;
}

type ListEntriesQuery = z.input<typeof listEntriesQuerySchema>;

/** The list contract's query for a filter: `to` is inclusive for people, so the API's exclusive bound is the next day. */
export function filterQuery(filter: EntriesFilter): ListEntriesQuery {
  return {
    q: filter.q || undefined,
    kind: filter.kind.length > 0 ? filter.kind.join(",") : undefined,
    category: filter.category.length > 0 ? filter.category.join(",") : undefined,
    late: filter.late === null ? undefined : filter.late ? "true" : "false",
    source: filter.source.length > 0 ? filter.source.join(",") : undefined,
    createdBy: filter.createdBy.length > 0 ? filter.createdBy : undefined,
    createdAfter: filter.from ?? undefined,
    createdBefore: filter.to ? nextDay(filter.to) : undefined,
    expiresWithin: filter.expiresWithin === null ? undefined : String(filter.expiresWithin),
    client: filter.client ?? undefined,
  };
}

/** The list contract's query for one page of a view. */
export function listQuery(view: EntriesView): ListEntriesQuery {
  return {
    ...filterQuery(view),
    limit: String(view.pageSize),
    offset: String(view.pageIndex * view.pageSize),
    sort: view.sort,
    order: view.order,
  };
}

/** A filter as query text: what tells one filter from another (cache keys, the page reset). */
export const filterParams = (filter: EntriesFilter) => toSearchParams(filterQuery(filter));

/** A view's page as query text: which page the server rendered. */
export const listParams = (view: EntriesView) => toSearchParams(listQuery(view));

/** A view's page as `listEntries` takes it (on the server), validated exactly as the route would. */
export function parseListQuery(view: EntriesView) {
  return listEntriesQuerySchema.safeParse(listQuery(view));
}

export function isFiltered(filter: EntriesFilter): boolean {
  return (
    filter.q !== "" ||
    filter.kind.length > 0 ||
    filter.category.length > 0 ||
    filter.late !== null ||
    filter.source.length > 0 ||
    filter.createdBy.length > 0 ||
    filter.from !== null ||
    filter.to !== null ||
    filter.expiresWithin !== null ||
    filter.client !== null
  );
}

/** A real calendar day: Date.parse accepts 30 February and rolls it over, so the day must come back unchanged. */
function isDay(value: string | null): boolean {
  if (value === null) return true;
  const time = Date.parse(`${value}T00:00:00Z`);
  return DAY.test(value) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
