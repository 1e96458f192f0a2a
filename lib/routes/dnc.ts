import "server-only";
import { dncContracts } from "@/lib/contracts/dnc";
import { addAlias } from "@/lib/dnc/add-alias";
import { addEntries } from "@/lib/dnc/add-entries";
import { addEntry } from "@/lib/dnc/add-entry";
import { checkEntries } from "@/lib/dnc/check-entries";
import { checkEntry } from "@/lib/dnc/check-entry";
import { authorizeEntryDeletion, deleteEntry } from "@/lib/dnc/delete-entry";
import { entryFacets } from "@/lib/dnc/entry-facets";
import { listChanges } from "@/lib/dnc/list-changes";
import { listEntries } from "@/lib/dnc/list-entries";
import { listRemovedEntries } from "@/lib/dnc/list-removed-entries";
import { removeAlias } from "@/lib/dnc/remove-alias";
import { restoreEntry } from "@/lib/dnc/restore-entry";
import { updateEntry } from "@/lib/dnc/update-entry";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/define-route";

/** The server side of the DNC contracts (lib/contracts/dnc.ts): one domain call each. */

export const listEntriesRoute = defineRoute(dncContracts.listEntries, {
  handle: ({ caller, query }) => listEntries({ caller, ...query }),
});

export const addEntryRoute = defineRoute(dncContracts.addEntry, {
  handle: ({ caller, body, requestId }) => addEntry({ caller, ...body, source: caller.via === "session" ? "dashboard" : "api", requestId }),
});

export const checkEntryRoute = defineRoute(dncContracts.checkEntry, {
  handle: ({ caller, query }) => checkEntry({ caller, ...query }),
});

export const addEntriesRoute = defineRoute(dncContracts.addEntries, {
  handle: ({ caller, body, requestId }) =>
    addEntries({
      caller,
      urls: body.entries.map((entry) => entry.url ?? ""),
      kinds: body.entries.map(({ kind, domain, includeSubdomains }) => ({ kind, domain, includeSubdomains })),
      aliases: body.entries.map((entry) => entry.aliases),
      notes: body.entries.map((entry) => entry.note),
      records: body.entries.map(({ category, receivedAt }) => ({ category, receivedAt })),
      expiresAt: body.entries.map((entry) => entry.expiresAt),
      clientIds: body.entries.map((entry) => entry.clientId),
      source: body.importFile ? "import" : caller.via === "session" ? "dashboard" : "batch",
      sourceFile: body.importFile,
      requestId,
    }),
});

export const deleteEntryRoute = defineRoute(dncContracts.deleteEntry, {
  authorize: authorizeEntryDeletion,
  handle: async ({ caller, id, query, body, requestId, authorized }) => {
    const reason = (body === undefined ? query.reason : body.reason)?.trim() || undefined;
    await deleteEntry({ caller, id, reason, requestId, authorized });
    return { message: "DNC entry deleted successfully" as const };
  },
});

export const updateEntryRoute = defineRoute(dncContracts.updateEntry, {
  authorize: authorizeEntryDeletion,
  handle: ({ caller, id, body, requestId, authorized }) => updateEntry({ caller, id, body, requestId, authorized }),
});

export const restoreEntryRoute = defineRoute(dncContracts.restoreEntry, {
  handle: ({ caller, id, query, body, requestId }) => {
    const reason = (body === undefined ? query.reason : body.reason)?.trim() || undefined;
    return restoreEntry({ caller, id, reason, requestId });
  },
});

export const addAliasRoute = defineRoute(dncContracts.addAlias, {
  authorize: authorizeEntryDeletion,
  handle: ({ caller, id, body, requestId, authorized }) => addAlias({ caller, id, url: body.url, requestId, authorized }),
});

export const removeAliasRoute = defineRoute(dncContracts.removeAlias, {
  authorize: authorizeEntryDeletion,
  handle: ({ caller, id, childId, requestId, authorized }) => removeAlias({ caller, id, alias: childId, requestId, authorized }),
});

export const listRemovedEntriesRoute = defineRoute(dncContracts.listRemovedEntries, {
  handle: ({ caller, query }) => listRemovedEntries({ caller, ...query }),
});

export const entryFacetsRoute = defineRoute(dncContracts.entryFacets, {
  handle: ({ caller }) => entryFacets(caller),
});

export const checkEntriesRoute = defineRoute(dncContracts.checkEntries, {
  handle: ({ caller, body }) => checkEntries({ caller, client: body.client, urls: body.urls }),
});

export const verifyApiKeyRoute = defineRoute(dncContracts.verifyApiKey, {
  handle: async ({ caller }) => {
    if (caller.via !== "api_key") throw new AppError("unauthorized");
    return { status: "success" as const, message: "API key is valid" as const };
  },
});

export const listChangesRoute = defineRoute(dncContracts.listChanges, {
  handle: ({ caller, query }) => listChanges({ caller, ...query }),
});
