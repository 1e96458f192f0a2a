import { z } from "zod";
import { clientIdSchema, clientOrGlobalSchema } from "@/lib/clients/schemas";
import { ENTRY_CATEGORIES } from "./categories";
import { MAX_URL_INPUT_LENGTH } from "./normalize-linkedin-url";

/** Request and response shapes of the DNC API: handlers validate with them and the OpenAPI document is built from them. */

export const MAX_BATCH_ENTRIES = 1000;
export const MAX_LIST_LIMIT = 1000;
export const MAX_LIST_OFFSET = 1_000_000_000;
export const MAX_TEXT_FIELD_LENGTH = 500;

const decimal = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number);

export const ENTRY_KINDS = ["profile", "company", "domain"] as const;
/** A person (any of their LinkedIn identifiers), everyone at a company page, or everyone at a domain. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_SOURCES = ["dashboard", "api", "batch", "import"] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const MAX_FILTER_VALUES = 20;

/** A filter given once, repeated (`?source=api&source=batch`) or, for enums, comma-separated. */
const oneOrMore = <Item extends z.ZodType<unknown, string>>(item: Item, splitCommas: boolean) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((text) => (splitCommas ? text.split(",") : [text])))
    .pipe(z.array(item).min(1).max(MAX_FILTER_VALUES));

/** An instant in ISO 8601: a date (midnight UTC) or a date and time with a zone. */
const isoInstant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((text) => new Date(text))
  .refine((date) => !Number.isNaN(date.getTime()));

/** The longest `expiresWithin` filter: ten years. */
const MAX_EXPIRES_WITHIN_DAYS = 3650;

/** An entry's expiry: an instant as `isoInstant`, later than now (checked when the request is read). */
export const expiresAtSchema = isoInstant
  .refine((date) => date.getTime() > Date.now(), { message: "expiresAt must be in the future" })
  .describe(
    "Extension: when the entry stops matching (ISO 8601 date-time with a zone, or a date meaning midnight UTC), in the future; it is then moved to Recently removed by actor system (dnc.expired)",
  );

/** `client=`: which of the team's lists a read covers (lib/clients/client-scope.ts). */
const clientQuery = (what: string) =>
  clientOrGlobalSchema
    .optional()
    .describe(
      `Extension: a client's id (cli_…): ${what} the team's global list plus that client's, as the client's check sees them; global: the global list alone; absent: every list of the team (a client-bound key: always the global list plus its client's)`,
    );

export const listEntriesQuerySchema = z.object({
  limit: decimal.pipe(z.number().int().min(1).max(MAX_LIST_LIMIT)).default(50).describe("Page size, 1–1000 (default 50)"),
  offset: decimal.pipe(z.number().int().min(0).max(MAX_LIST_OFFSET)).default(0).describe("Entries to skip (default 0)"),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Extension: only entries whose URL or one of whose aliases contains this text (case-insensitive)"),
  order: z.enum(["desc", "asc"]).default("desc").describe("Extension: creation order (default newest first)"),
  sort: z.enum(["createdAt", "url"]).default("createdAt").describe("Extension: what `order` sorts by (default the creation date)"),
  source: oneOrMore(z.enum(ENTRY_SOURCES), true)
    .optional()
    .describe("Extension: only entries from these sources (repeat the parameter or separate with commas)"),
  kind: oneOrMore(z.enum(ENTRY_KINDS), true)
    .optional()
    .describe("Extension: only entries of these kinds: profile, company, domain (repeat the parameter or separate with commas)"),
  category: oneOrMore(z.enum(ENTRY_CATEGORIES), true)
    .optional()
    .describe("Extension: only entries of these categories (repeat the parameter or separate with commas)"),
  late: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .describe("Extension: only entries added later (true) or not later (false) than their receivedAt plus the team's opt-out window"),
  createdBy: oneOrMore(z.string().min(1).max(400), false)
    .optional()
    .describe("Extension: only entries added by these authors, exactly as `createdBy` shows them (repeat the parameter)"),
  createdAfter: isoInstant.optional().describe("Extension: only entries created at or after this ISO 8601 date or date-time"),
  createdBefore: isoInstant.optional().describe("Extension: only entries created before this ISO 8601 date or date-time"),
  expiresWithin: decimal
    .pipe(z.number().int().min(1).max(MAX_EXPIRES_WITHIN_DAYS))
    .optional()
    .describe("Extension: only entries with an expiry within this many days from now (1–3650)"),
  client: clientQuery("only entries on"),
});
export type ListEntriesQuery = z.output<typeof listEntriesQuerySchema>;

const checkContext = {
  company: z
    .string()
    .min(1)
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe("Extension: the person's company: a LinkedIn company page, URN or slug; a company entry of it matches"),
  domain: z
    .string()
    .min(1)
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe(
      "Extension: the person's company domain (or a URL on it); a domain entry of it, or of a parent that includes subdomains, matches",
    ),
  email: z
    .string()
    .min(1)
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe("Extension: the person's e-mail; its domain is checked as `domain` is"),
};

export const checkQuerySchema = z.object({
  url: z
    .string()
    .min(1)
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe("A LinkedIn profile URL in any accepted spelling; required unless company, domain or email is given"),
  ...checkContext,
  client: clientQuery("check against"),
});

const textField = z.string().max(MAX_TEXT_FIELD_LENGTH);

/** A sender's clock a little ahead of ours is not an opt-out received in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Why an entry is listed, and when the opt-out came in: extensions of every add. */
const recordFieldsOfAdd = {
  category: z
    .enum(ENTRY_CATEGORIES)
    .optional()
    .describe(
      "Extension: why it is listed: opt_out (the default), complaint, legal (these two are protected), customer, competitor, other",
    ),
  receivedAt: isoInstant
    .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS)
    .optional()
    .describe(
      "Extension: when the opt-out was received, ISO 8601, not in the future (default: when it is added); an entry added later than this plus the team's opt-out window is late",
    ),
};

const kindFieldsOfAdd = {
  kind: z
    .enum(ENTRY_KINDS)
    .optional()
    .describe(
      "Extension: profile (the default), company (a LinkedIn company page in url; without it a company URL is invalid_url, as in Kakiyo) or domain (with domain)",
    ),
  domain: z.string().max(MAX_URL_INPUT_LENGTH).optional().describe("Extension: for kind domain, the domain (acme.com)"),
  includeSubdomains: z.boolean().optional().describe("Extension: for kind domain, whether its subdomains match too (default false)"),
};

/** The list an add goes on: a client's (its id) or the team's global list (null or absent); a client-bound key's own client always. */
const clientIdOfAdd = clientIdSchema
  .nullable()
  .optional()
  .describe(
    "Extension: the agency client whose list the entry goes on (absent or null: the team's global list, which every client's check applies). A client-bound key adds to its own client: absent or its id; another client's id is 404 client_not_found, null 403 unauthorized_dnc",
  );

export const addEntryBodySchema = z.object({
  url: z
    .string()
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe("A LinkedIn profile URL in any accepted spelling, or (extension) a company page; required unless kind is domain"),
  note: textField.optional().describe("Extension: why the profile is on the list"),
  expiresAt: expiresAtSchema.optional(),
  clientId: clientIdOfAdd,
  ...kindFieldsOfAdd,
  ...recordFieldsOfAdd,
});
export type AddEntryBody = z.output<typeof addEntryBodySchema>;

/** Aliases an entry may have (a batch row may bring as many): a person has a handful of identifiers, not hundreds. */
export const MAX_ALIASES_PER_ENTRY = 20;

export const batchEntrySchema = z
  .object({
    url: z.string().optional().describe("As in POST /dnc: required unless kind is domain"),
    note: textField.optional().describe("Extension: as in POST /dnc, why the entry is on the list"),
    ...kindFieldsOfAdd,
    ...recordFieldsOfAdd,
    expiresAt: expiresAtSchema.optional(),
    clientId: clientIdOfAdd,
    aliases: z
      .array(z.string())
      .max(MAX_ALIASES_PER_ENTRY)
      .optional()
      .describe(
        "Extension: up to 20 other identifiers of the same person, added with the entry in the same write. The entry is added even when an alias cannot be (see aliasesNotAdded)",
      ),
  })
  // As Kakiyo: an entry without a url refuses the whole batch (invalid_entries), unless it is a domain entry.
  .refine((entry) => entry.url !== undefined || entry.kind === "domain", { message: "url is required unless kind is domain" });

export const MAX_FILE_NAME_LENGTH = 255;

export const addEntriesBodySchema = z.object({
  entries: z.array(batchEntrySchema).min(1).max(MAX_BATCH_ENTRIES).describe("1–1000 entries"),
  importFile: z
    .string()
    .trim()
    .min(1)
    .max(MAX_FILE_NAME_LENGTH)
    .optional()
    .describe("Extension: the name of the file these URLs come from; the entries then have source import"),
});

/**
 * PATCH /dnc/{id}: the fields that change, at least one. null clears one; a field left out stays as
 * it is. Another field is one more line here and one in lib/dnc/update-entry.ts's UPDATABLE.
 */
export const updateEntryBodySchema = z
  .object({
    expiresAt: expiresAtSchema
      .nullable()
      .optional()
      .describe("A new expiry in the future, or null to clear it (the entry then never expires)"),
    note: textField.nullable().optional().describe("A new note, or null (or an empty string) to clear it"),
    category: z
      .enum(ENTRY_CATEGORIES)
      .optional()
      .describe("A new category; making a complaint or legal entry another category is for owners in the dashboard (403 protected_entry)"),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Send at least one field to change" });
export type UpdateEntryBody = z.output<typeof updateEntryBodySchema>;

export const deleteEntryBodySchema = z.object({
  reason: textField.optional().describe("Why the entry is removed; kept in the audit trail"),
});

export const entryIdSchema = z.string().regex(/^dnc_[A-Za-z0-9]{1,64}$/);

export const dncEntrySchema = z.object({
  $id: z.string().describe("dnc_ followed by 20 random letters and digits"),
  teamId: z.string(),
  url: z.string().describe("Canonical form: https://linkedin.com/in/<lower-cased slug>"),
  $createdAt: z.iso.datetime(),
  $updatedAt: z.iso.datetime(),
  createdBy: z.string().describe('Extension: who added it, a user\'s email or "<key name> (key:<prefix>)"'),
  source: z.enum(ENTRY_SOURCES).describe("Extension: where it was added: the dashboard, the API, a batch add or a file import"),
  sourceFile: z.string().nullable().describe("Extension: the imported file's name when source is import"),
  note: z.string().nullable().describe("Extension: why the profile is on the list"),
  aliases: z
    .array(z.string())
    .optional()
    .describe(
      "Extension: the person's other identifiers (canonical forms, in URL order); present only when the entry has at least one. A check by any of them finds the entry",
    ),
  kind: z
    .enum(["company", "domain"])
    .optional()
    .describe("Extension: what the entry blocks when it is not one person: everyone at a company page, or at a domain (absent: a profile)"),
  domain: z.string().optional().describe("Extension: a domain entry's domain (also its url)"),
  includeSubdomains: z.boolean().optional().describe("Extension: whether a domain entry's subdomains match too"),
  category: z
    .enum(ENTRY_CATEGORIES)
    .optional()
    .describe("Extension: why it is listed, when not opt_out (absent: opt_out); complaint and legal are protected"),
  receivedAt: z.iso.datetime().optional().describe("Extension: when the opt-out was received, when given (absent: $createdAt)"),
  late: z
    .literal(true)
    .optional()
    .describe("Extension: present when the entry was added later than receivedAt plus the team's opt-out window in force then"),
  expiresAt: z.iso
    .datetime()
    .optional()
    .describe("Extension: when the entry stops matching and is moved to Recently removed; present only when set"),
  clientId: z
    .string()
    .optional()
    .describe("Extension: the agency client whose list the entry is on; absent for the team's global list, which applies to every client"),
});
export type DncEntryDto = z.output<typeof dncEntrySchema>;

export const listEntriesResultSchema = z.object({
  entries: z.array(dncEntrySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListEntriesResult = z.output<typeof listEntriesResultSchema>;

export const MATCHED_BY = ["url", "alias", "company", "domain"] as const;
export type MatchedBy = (typeof MATCHED_BY)[number];
const matchedBySchema = z
  .enum(MATCHED_BY)
  .optional()
  .describe(
    "Extension: how the check matched: the entry's url, one of its aliases, the company entry of the company given, or a domain entry of the domain or e-mail given; present when the entry has aliases or the check sent company, domain or email (absent: its url)",
  );

export const checkResultSchema = z.union([
  z.object({ onList: z.literal(true), entry: dncEntrySchema, matchedBy: matchedBySchema }),
  z.object({ onList: z.literal(false) }),
]);
export type CheckResult = z.output<typeof checkResultSchema>;

export const batchStatusSchema = z.enum(["added", "duplicate", "error"]);
export type BatchStatus = z.output<typeof batchStatusSchema>;

export const addEntriesResultSchema = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  details: z.array(
    z.object({
      url: z.string().describe("The normalised URL for added and duplicate rows (as Kakiyo answers); the URL as sent for errors"),
      input: z.string().describe("Extension: the URL as sent"),
      status: batchStatusSchema,
      normalizedUrl: z.string().optional().describe("Extension: the canonical form stored or matched (same as url)"),
      $id: z.string().optional().describe("Extension: the entry added or already present"),
      error: z.string().optional(),
      aliasesNotAdded: z
        .array(
          z.object({
            alias: z.string().describe("The alias as sent"),
            error: z
              .enum(["invalid_url", "dnc_exists", "entry_not_added", "alias_not_allowed"])
              .describe(
                "invalid_url: not an identifier; dnc_exists: another entry holds it (heldBy); entry_not_added: the row's entry was not added here (a duplicate or an error), so nothing was attached to it; alias_not_allowed: the row's entry is a company or domain, which has no aliases",
              ),
            heldBy: z.object({ $id: z.string(), url: z.string() }).optional().describe("With dnc_exists: the entry that holds it"),
          }),
        )
        .optional()
        .describe("Extension: the row's aliases that were not added, and why; absent when every alias was added (or none was sent)"),
    }),
  ),
});
export type AddEntriesResult = z.output<typeof addEntriesResultSchema>;

export const deleteResultSchema = z.object({ message: z.literal("DNC entry deleted successfully") });

export const restoreResultSchema = dncEntrySchema.extend({
  aliasesNotRestored: z
    .array(z.string())
    .optional()
    .describe("Extension: aliases the entry had that another entry holds now, so they stay off it; present only when there are some"),
});
export type RestoreResult = z.output<typeof restoreResultSchema>;

export const restoreEntryBodySchema = z.object({
  reason: textField.optional().describe("Why the entry is restored; kept in the audit trail"),
});

export const listRemovedQuerySchema = z.object({
  limit: listEntriesQuerySchema.shape.limit,
  offset: listEntriesQuerySchema.shape.offset,
  q: listEntriesQuerySchema.shape.q.describe("Only removed entries whose URL contains this text (case-insensitive)"),
  client: clientQuery("only removed entries of"),
  run: entryIdSchema
    .optional()
    .describe(
      "Only the run this entry's removal belongs to: the removals by its remover with its reason, each at most 2 minutes after the one before (one bulk delete); an entry restored since still names its run; none for an entry never removed",
    ),
});
export type ListRemovedQuery = z.output<typeof listRemovedQuerySchema>;

export const removedEntrySchema = dncEntrySchema.omit({ $updatedAt: true }).extend({
  removedAt: z.iso.datetime(),
  removedBy: z.string().describe("Who removed it: a user's email or key:<prefix>"),
  reason: z.string().nullable().describe("Why it was removed"),
  removalEventId: z.string().describe("The dnc.deleted (or, for an expiry, dnc.expired) audit event"),
  restorableUntil: z.iso.datetime().describe("After this instant the entry can no longer be restored (DNC_RESTORE_DAYS)"),
  run: z
    .object({
      size: z.number().int().describe("How many removed entries the run has now (restored ones have left it)"),
      firstRemovedAt: z.iso.datetime(),
      lastRemovedAt: z.iso.datetime(),
    })
    .describe(
      "The run the removal belongs to: removals by the same remover with the same reason, each at most 2 minutes after the one before (a bulk delete); list it with run=<this $id>",
    ),
});
export type RemovedEntryDto = z.output<typeof removedEntrySchema>;

export const listRemovedResultSchema = z.object({
  entries: z.array(removedEntrySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListRemovedResult = z.output<typeof listRemovedResultSchema>;

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const entryFacetsSchema = z.object({
  source: facetSchema.describe("Each source with its number of entries"),
  createdBy: facetSchema.describe("The authors with the most entries (at most 100), with their numbers of entries"),
});
export type EntryFacets = z.output<typeof entryFacetsSchema>;

export const MAX_CHECK_BATCH = 1000;

export const checkItemSchema = z.union([
  z.string(),
  z.object({ url: checkQuerySchema.shape.url, ...checkContext }).describe("Extension: a URL with the person's company, domain or e-mail"),
]);
export type CheckItem = z.output<typeof checkItemSchema>;

export const checkEntriesBodySchema = z.object({
  urls: z
    .array(checkItemSchema)
    .min(1)
    .max(MAX_CHECK_BATCH)
    .describe("1–1000 LinkedIn profile URLs in any accepted spelling, or (extension) objects {url?, company?, domain?, email?}"),
  client: clientQuery("check every URL against"),
});

export const checkEntriesResultSchema = z.object({
  results: z
    .array(
      z.union([
        z.object({
          url: z.string().describe("The URL as sent (empty when an item sent only context)"),
          normalizedUrl: z.string().describe("Its canonical form (empty when an item sent only context)"),
          onList: z.boolean(),
          entry: dncEntrySchema.optional().describe("The listed entry, when onList is true"),
          matchedBy: matchedBySchema,
        }),
        z.object({
          url: z.string().describe("The URL as sent"),
          error: z.enum(["invalid_url", "missing_url", "invalid_company", "invalid_domain", "invalid_email"]),
        }),
      ]),
    )
    .describe("One result per input URL, in input order"),
  onList: z.number().int().describe("How many of the inputs are on the list"),
});
export type CheckEntriesResult = z.output<typeof checkEntriesResultSchema>;

export const CHANGE_TYPES = ["added", "removed", "restored", "alias_added", "alias_removed"] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
/** Why a `removed` change happened, when it was not a deletion: the entry reached its expiry. */
const REMOVAL_REASONS = ["expired"] as const;

export const listChangesQuerySchema = z.object({
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Opaque: the nextCursor of the previous answer (or a change's cursor); without it the feed starts at the first change"),
  limit: decimal.pipe(z.number().int().min(1).max(MAX_LIST_LIMIT)).default(100).describe("Changes per answer, 1–1000 (default 100)"),
  client: clientQuery("only changes to"),
});

export const listChangesResultSchema = z.object({
  changes: z.array(
    z.object({
      cursor: z.string().describe("Resume right after this change"),
      type: z.enum(CHANGE_TYPES),
      $id: z.string(),
      url: z.string().describe("The entry's URL (its primary identifier)"),
      alias: z.string().optional().describe("For alias_added and alias_removed: the alias"),
      reason: z
        .enum(REMOVAL_REASONS)
        .optional()
        .describe("Extension: for removed, `expired` when the entry reached its expiresAt (a dnc.expired event); absent for a deletion"),
      aliases: z
        .array(z.string())
        .optional()
        .describe(
          "For restored: the aliases the restore brought back that the entry still has (any removed since is an alias_removed later in the feed); absent when none",
        ),
      at: z.iso.datetime().describe("When the change was committed"),
      clientId: z.string().optional().describe("Extension: the client whose list the entry is on; absent for the global list"),
    }),
  ),
  nextCursor: z.string().describe("Poll again with this; an empty page means no change since"),
});
export type ListChangesResult = z.output<typeof listChangesResultSchema>;

export const addAliasBodySchema = z.object({
  url: z.string().max(MAX_URL_INPUT_LENGTH).describe("Another identifier of the entry's person, in any accepted spelling"),
});
