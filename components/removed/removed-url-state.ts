import type { z } from "zod";
import { PAGE_SIZES } from "@/components/entries/entries-url-state";
import { listRemovedQuerySchema } from "@/lib/dnc/schemas";

/**
 * The Recently removed table's state as the page URL carries it (`?q=&run=&page=&size=`), so a
 * search, a run and a page are links: a reload, the back button and a shared URL show the same view.
 * Checked with the API's own query schema, so the URL can only ask what the API answers.
 */
export type RemovedFilter = {
  /** URL contains. */
  q: string;
  /** Only the run (one bulk delete) of this removed entry. */
  run: string | null;
};

export type RemovedView = RemovedFilter & { pageIndex: number; pageSize: number };

export const DEFAULT_REMOVED_VIEW: RemovedView = { q: "", run: null, pageIndex: 0, pageSize: 25 };

const PAGE = /^[1-9]\d{0,8}$/;

/** The view a URL asks for; anything the API would refuse (or a page size the table does not offer) gives the default view. */
export function readRemovedView(params: URLSearchParams): RemovedView {
  const page = params.get("page") ?? "1";
  const size = params.get("size") ?? String(DEFAULT_REMOVED_VIEW.pageSize);
  if (!PAGE.test(page) || !PAGE_SIZES.includes(Number(size))) return DEFAULT_REMOVED_VIEW;
  const candidate: RemovedView = {
    q: params.get("q") ?? "",
    run: params.get("run") || null,
    pageIndex: Number(page) - 1,
    pageSize: Number(size),
  };
  const parsed = listRemovedQuerySchema.safeParse(removedListQuery(candidate));
  return parsed.success ? { ...candidate, q: parsed.data.q ?? "" } : DEFAULT_REMOVED_VIEW;
}

/** The page URL's query for a view; defaults are left out, so the default view is plain `/removed`. */
export function writeRemovedView(view: RemovedView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.run) params.set("run", view.run);
  if (view.pageIndex > 0) params.set("page", String(view.pageIndex + 1));
  if (view.pageSize !== DEFAULT_REMOVED_VIEW.pageSize) params.set("size", String(view.pageSize));
  return params;
}

type ListRemovedQuery = z.input<typeof listRemovedQuerySchema>;

/** The list contract's query for a filter: what "select all matching" and a run's restore collect. */
export function removedFilterQuery(filter: RemovedFilter): ListRemovedQuery {
  return { q: filter.q || undefined, run: filter.run ?? undefined };
}

/** The list contract's query for one page of a view. */
export function removedListQuery(view: RemovedView): ListRemovedQuery {
  return { ...removedFilterQuery(view), limit: String(view.pageSize), offset: String(view.pageIndex * view.pageSize) };
}

/** What tells one filter from another: the selection and the page start over when it changes. */
export const removedFilterKey = (filter: RemovedFilter) => JSON.stringify([filter.q, filter.run]);
