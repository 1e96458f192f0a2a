import { GLOBAL_LIST } from "@/lib/clients/schemas";
import { displayProfileUrl } from "@/lib/dnc/slug-display";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import type { EntriesFilter } from "./entries-url-state";

/**
 * The entries export's columns. `url` and `aliases` read as the table shows them (slugs decoded);
 * `canonical_url` and `canonical_aliases` are the API's exact forms, which the import reads first,
 * so an export imports back unchanged. The provenance columns (`added_by`, `source`, `source_file`)
 * say where each entry came from; an import does not take them over (its entries are the importer's,
 * from the new file), but it does keep `note`.
 */
export const ENTRIES_CSV_COLUMNS = [
  "url",
  "canonical_url",
  "created_at",
  "id",
  "aliases",
  "canonical_aliases",
  "kind",
  "include_subdomains",
  "category",
  "received_at",
  "late",
  "expires_at",
  "client",
  "added_by",
  "source",
  "source_file",
  "note",
] as const;

type EntriesCsvRow = Record<(typeof ENTRIES_CSV_COLUMNS)[number], string>;

/** One CSV row per entry; `clientNames` turns a client's id into the name people know it by. */
export function entriesCsvRows(entries: DncEntryDto[], clientNames: ReadonlyMap<string, string>): EntriesCsvRow[] {
  return entries.map((e) => ({
    url: displayProfileUrl(e.url).text,
    canonical_url: e.url,
    created_at: e.$createdAt,
    id: e.$id,
    aliases: e.aliases?.map((alias) => displayProfileUrl(alias).text).join(" ") ?? "",
    canonical_aliases: e.aliases?.join(" ") ?? "",
    kind: e.kind ?? "profile",
    include_subdomains: e.kind === "domain" ? String(e.includeSubdomains === true) : "",
    category: e.category ?? "opt_out",
    received_at: e.receivedAt ?? "",
    late: String(e.late === true),
    expires_at: e.expiresAt ?? "",
    // Empty for the global list.
    client: e.clientId ? (clientNames.get(e.clientId) ?? e.clientId) : "",
    added_by: e.createdBy,
    source: e.source,
    source_file: e.sourceFile ?? "",
    note: e.note ?? "",
  }));
}

/** Longest part of a file name taken from one filter value, and from all of them: file systems stop at 255 bytes. */
const MAX_PART_LENGTH = 40;
const MAX_FILTER_LENGTH = 160;

/**
 * What the export's file name says about the filter, e.g. `acme-category-complaint-client-Bravo`:
 * the team, then each filter in the order the toolbar shows them. Only letters, digits, `.`, `_`
 * and `-`, so the name is the same on every system (accents dropped, anything else a `-`).
 */
export function exportFileStem(team: string, filter: EntriesFilter, clientNames: ReadonlyMap<string, string>): string {
  const parts: string[][] = [
    [team],
    filter.q ? ["search", filter.q] : [],
    filter.kind.length > 0 ? ["kind", ...filter.kind] : [],
    filter.category.length > 0 ? ["category", ...filter.category] : [],
    filter.late === null ? [] : [filter.late ? "late" : "on-time"],
    filter.source.length > 0 ? ["source", ...filter.source] : [],
    filter.createdBy.length > 0 ? ["added-by", ...filter.createdBy] : [],
    filter.from ? ["from", filter.from] : [],
    filter.to ? ["to", filter.to] : [],
    filter.expiresWithin === null ? [] : ["expires-within", `${filter.expiresWithin}-days`],
    filter.client === null
      ? []
      : ["client", filter.client === GLOBAL_LIST ? "global-list" : (clientNames.get(filter.client) ?? filter.client)],
  ];
  const stem = parts
    .flat()
    .map((part) => safeFileNamePart(part).slice(0, MAX_PART_LENGTH))
    .filter(Boolean)
    .join("-");
  return stem.slice(0, MAX_FILTER_LENGTH).replace(/[-.]+$/, "");
}

/** `Société Générale` → `Societe-Generale`; `jane@acme.com` → `jane-acme.com`. */
function safeFileNamePart(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}
