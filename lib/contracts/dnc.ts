import { z } from "zod";
import {
  addAliasBodySchema,
  type AddEntriesResult,
  addEntriesBodySchema,
  addEntriesResultSchema,
  addEntryBodySchema,
  checkEntriesBodySchema,
  checkEntriesResultSchema,
  checkQuerySchema,
  checkResultSchema,
  deleteEntryBodySchema,
  deleteResultSchema,
  dncEntrySchema,
  entryFacetsSchema,
  entryIdSchema,
  listChangesQuerySchema,
  listChangesResultSchema,
  listEntriesQuerySchema,
  listEntriesResultSchema,
  listRemovedQuerySchema,
  listRemovedResultSchema,
  restoreEntryBodySchema,
  restoreResultSchema,
  updateEntryBodySchema,
} from "@/lib/dnc/schemas";
import { MAX_URL_INPUT_LENGTH, parseIdentifierSegment } from "@/lib/dnc/normalize-linkedin-url";
import { defineContract, isMissing } from "./define-contract";

/** The Kakiyo-compatible DNC operations, each with the Kakiyo error code for every way its input can be wrong. */

const pageError = (issue: z.core.$ZodIssue) => {
  if (issue.path[0] === "client") return "invalid_client";
  return issue.path[0] === "limit" || issue.path[0] === "offset" ? "invalid_pagination" : "invalid_query";
};
/** The codes of a `client=` that is malformed, or not a client of the caller's team (or, to a client-bound key, another client). */
const CLIENT_ERRORS = ["invalid_client", "client_not_found"] as const;
const reasonError = (issue: z.core.$ZodIssue) => (issue.path.length === 0 ? "invalid_body" : "invalid_reason");
const entryId = { schema: entryIdSchema, invalid: "dnc_not_found", example: "dnc_12345abcde" } as const;
const urlError = (issue: z.core.$ZodIssue) => {
  if (issue.path.length === 0) return "invalid_body";
  return isMissing(issue) ? "missing_url" : "invalid_url";
};

/** The code of a bad category or receivedAt, in an add's body or a batch's entry. */
const recordFieldError = (field: PropertyKey | undefined) =>
  field === "category" ? "invalid_category" : field === "receivedAt" ? "invalid_received_at" : undefined;

/** An alias as the last path segment: any accepted spelling, percent-encoded; the handler normalises it. */
const aliasSegment = z
  .string()
  .min(1)
  .max(MAX_URL_INPUT_LENGTH * 3)
  .refine((segment) => parseIdentifierSegment(segment) !== null);

export const dncContracts = {
  listEntries: defineContract({
    method: "GET",
    path: "/dnc",
    summary: "List the team's entries, newest first; search and filter by source, author and creation date",
    bucket: "read",
    permission: "entries.read",
    query: { schema: listEntriesQuerySchema, errorFor: pageError },
    success: { status: 200, data: listEntriesResultSchema },
    errors: ["invalid_pagination", "invalid_query", ...CLIENT_ERRORS],
  }),

  addEntry: defineContract({
    method: "POST",
    path: "/dnc",
    summary: "Add a LinkedIn profile URL (extension: or a company page, or a domain with kind domain)",
    bucket: "write",
    permission: "entries.write",
    body: {
      schema: addEntryBodySchema,
      errorFor: (issue) => {
        if (issue.path.length === 0) return "invalid_body";
        if (issue.path[0] === "note") return "invalid_note";
        if (issue.path[0] === "expiresAt") return "invalid_expires_at";
        if (issue.path[0] === "clientId") return "invalid_client";
        if (issue.path[0] === "domain") return "invalid_domain";
        if (issue.path[0] === "kind" || issue.path[0] === "includeSubdomains") return "invalid_body";
        return recordFieldError(issue.path[0]) ?? (isMissing(issue) ? "missing_url" : "invalid_url");
      },
    },
    success: { status: 201, data: dncEntrySchema, message: "Added to Do Not Contact list" },
    errors: [
      "missing_url",
      "invalid_url",
      "missing_domain",
      "invalid_domain",
      "invalid_note",
      "invalid_category",
      "invalid_received_at",
      "invalid_expires_at",
      "dnc_exists",
      "protected_entry",
      ...CLIENT_ERRORS,
      "unauthorized_dnc",
    ],
  }),

  checkEntry: defineContract({
    method: "GET",
    path: "/dnc/check",
    summary:
      "Check whether a URL is on the team's list (extension: with the person's company, domain or e-mail, company and domain entries too)",
    bucket: "read",
    permission: "entries.read",
    query: {
      schema: checkQuerySchema,
      errorFor: (issue) => {
        if (issue.path[0] === "company") return "invalid_company";
        if (issue.path[0] === "domain") return "invalid_domain";
        if (issue.path[0] === "email") return "invalid_email";
        if (issue.path[0] === "client") return "invalid_client";
        return isMissing(issue) || issue.code === "too_small" ? "missing_url" : "invalid_url";
      },
    },
    success: { status: 200, data: checkResultSchema },
    errors: ["missing_url", "invalid_url", "invalid_company", "invalid_domain", "invalid_email", ...CLIENT_ERRORS],
  }),

  addEntries: defineContract({
    method: "POST",
    path: "/dnc/batch",
    summary: "Add up to 1000 URLs",
    bucket: "batch",
    permission: "entries.write",
    body: {
      schema: addEntriesBodySchema,
      errorFor: (issue) => {
        if (issue.path.length === 0) return "invalid_body";
        if (issue.path[0] === "importFile") return "invalid_import_file";
        if (issue.path[2] === "note") return "invalid_note";
        if (issue.path[2] === "expiresAt") return "invalid_expires_at";
        if (issue.path[2] === "clientId") return "invalid_client";
        if (issue.path.length > 2) return recordFieldError(issue.path[2]) ?? "invalid_entries";
        if (issue.path.length > 1) return "invalid_entries";
        if (isMissing(issue)) return "missing_entries";
        if (issue.code === "too_small") return "empty_entries";
        if (issue.code === "too_big") return "too_many_entries";
        return "invalid_entries";
      },
    },
    success: {
      status: 201,
      data: addEntriesResultSchema,
      message: (result: AddEntriesResult) =>
        `Bulk import completed: ${result.added} added, ${result.duplicates} duplicates, ${result.errors} errors`,
    },
    errors: [
      "missing_entries",
      "empty_entries",
      "invalid_entries",
      "too_many_entries",
      "invalid_import_file",
      "invalid_note",
      "invalid_category",
      "invalid_received_at",
      "invalid_expires_at",
      ...CLIENT_ERRORS,
      "unauthorized_dnc",
    ],
  }),

  deleteEntry: defineContract({
    method: "DELETE",
    path: "/dnc/{id}",
    summary: "Delete a DNC entry (optional reason as a JSON body or the query)",
    bucket: "write",
    permission: "entries.write",
    id: entryId,
    query: { schema: z.object({ reason: deleteEntryBodySchema.shape.reason }), errorFor: reasonError },
    body: { schema: deleteEntryBodySchema, errorFor: reasonError, optional: true },
    success: { status: 200, data: deleteResultSchema },
    errors: ["invalid_reason", "reason_required", "protected_entry", "dnc_not_found", "unauthorized_dnc"],
  }),

  updateEntry: defineContract({
    method: "PATCH",
    path: "/dnc/{id}",
    summary:
      "Extension: change an entry's expiresAt, note or category (null clears expiresAt or note; fields left out stay); audited as dnc.updated with what changed",
    bucket: "write",
    permission: "entries.write",
    id: entryId,
    body: {
      schema: updateEntryBodySchema,
      errorFor: (issue) => {
        if (issue.path[0] === "expiresAt") return "invalid_expires_at";
        if (issue.path[0] === "note") return "invalid_note";
        if (issue.path[0] === "category") return "invalid_category";
        return issue.code === "custom" ? "invalid_update" : "invalid_body";
      },
    },
    success: { status: 200, data: dncEntrySchema, message: "DNC entry updated" },
    errors: [
      "invalid_expires_at",
      "invalid_note",
      "invalid_category",
      "invalid_update",
      "protected_entry",
      "dnc_not_found",
      "unauthorized_dnc",
    ],
  }),

  restoreEntry: defineContract({
    method: "POST",
    path: "/dnc/{id}/restore",
    summary:
      "Extension: bring a removed entry back with its id, dates, provenance and note (optional reason as a JSON body or the query); an expiry that has passed is cleared, a future one kept",
    bucket: "write",
    permission: "entries.restore",
    id: entryId,
    query: { schema: z.object({ reason: restoreEntryBodySchema.shape.reason }), errorFor: reasonError },
    body: { schema: restoreEntryBodySchema, errorFor: reasonError, optional: true },
    success: { status: 201, data: restoreResultSchema, message: "DNC entry restored" },
    errors: ["invalid_reason", "dnc_not_found", "dnc_exists", "unauthorized_dnc"],
  }),

  addAlias: defineContract({
    method: "POST",
    path: "/dnc/{id}/aliases",
    summary:
      "Extension: give an entry another identifier of the same person (an alias); an identifier is unique on its list (the global list, or a client's) across entries' URLs and aliases (409 dnc_exists names the entry that holds it, heldBy)",
    bucket: "write",
    permission: "entries.write",
    id: entryId,
    body: { schema: addAliasBodySchema, errorFor: urlError },
    success: { status: 201, data: dncEntrySchema, message: "Alias added" },
    errors: ["missing_url", "invalid_url", "dnc_exists", "alias_not_allowed", "too_many_aliases", "dnc_not_found", "unauthorized_dnc"],
  }),

  removeAlias: defineContract({
    method: "DELETE",
    path: "/dnc/{id}/aliases/{url}",
    summary: "Extension: take an alias off an entry (the alias percent-encoded in the path, any accepted spelling); the entry stays",
    bucket: "write",
    permission: "entries.write",
    id: entryId,
    childId: { name: "url", schema: aliasSegment, invalid: "invalid_url", example: "urn:li:member:12345" },
    success: { status: 200, data: dncEntrySchema, message: "Alias removed" },
    errors: ["invalid_url", "alias_not_found", "dnc_not_found", "unauthorized_dnc", "protected_entry"],
  }),

  listRemovedEntries: defineContract({
    method: "GET",
    path: "/dnc/removed",
    summary: "Extension: entries removed within the restore window (DNC_RESTORE_DAYS), most recently removed first",
    bucket: "read",
    permission: "entries.read",
    query: { schema: listRemovedQuerySchema, errorFor: pageError },
    success: { status: 200, data: listRemovedResultSchema },
    errors: ["invalid_pagination", "invalid_query", ...CLIENT_ERRORS],
  }),

  entryFacets: defineContract({
    method: "GET",
    path: "/dnc/facets",
    summary: "Extension: the values of the list's filters (sources and authors) with their numbers of entries",
    bucket: "read",
    permission: "entries.read",
    success: { status: 200, data: entryFacetsSchema },
    errors: [],
  }),

  checkEntries: defineContract({
    method: "POST",
    path: "/dnc/check/batch",
    summary: "Extension: check up to 1000 URLs in one request (one read of the read budget); one result per input, in order",
    bucket: "read",
    permission: "entries.read",
    body: {
      schema: checkEntriesBodySchema,
      errorFor: (issue) => {
        if (issue.path.length === 0) return "invalid_body";
        if (issue.path[0] === "client") return "invalid_client";
        if (issue.path.length > 1) return "invalid_urls";
        if (isMissing(issue)) return "missing_urls";
        if (issue.code === "too_small") return "empty_urls";
        if (issue.code === "too_big") return "too_many_urls";
        return "invalid_urls";
      },
    },
    success: { status: 200, data: checkEntriesResultSchema },
    errors: ["missing_urls", "empty_urls", "invalid_urls", "too_many_urls", ...CLIENT_ERRORS],
  }),

  verifyApiKey: defineContract({
    method: "GET",
    path: "/verify",
    summary: "Kakiyo's credential test: 200 with a valid API key (outside the envelope, as Kakiyo answers), 401 otherwise",
    bucket: "read",
    permission: "entries.read",
    success: {
      status: 200,
      data: z.object({ status: z.literal("success"), message: z.literal("API key is valid") }),
      bare: true,
    },
    errors: [],
  }),

  listChanges: defineContract({
    method: "GET",
    path: "/dnc/changes",
    summary:
      "Extension: the list's changes (added, removed, restored, alias changes) in commit order, to keep a mirror; poll with nextCursor (an expiry is a removed change with reason expired)",
    bucket: "read",
    permission: "entries.read",
    query: {
      schema: listChangesQuerySchema,
      errorFor: (issue) =>
        issue.path[0] === "limit" ? "invalid_pagination" : issue.path[0] === "client" ? "invalid_client" : "invalid_cursor",
    },
    success: { status: 200, data: listChangesResultSchema },
    errors: ["invalid_pagination", "invalid_cursor", "cursor_expired", ...CLIENT_ERRORS],
  }),
};
