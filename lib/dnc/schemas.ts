import { z } from "zod";
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

export const listEntriesQuerySchema = z.object({
  limit: decimal.pipe(z.number().int().min(1).max(MAX_LIST_LIMIT)).default(50).describe("Page size, 1–1000 (default 50)"),
  offset: decimal.pipe(z.number().int().min(0).max(MAX_LIST_OFFSET)).default(0).describe("Entries to skip (default 0)"),
  q: z.string().max(200).optional().describe("Extension: only entries whose URL contains this text (case-insensitive)"),
  order: z.enum(["desc", "asc"]).default("desc").describe("Extension: creation order (default newest first)"),
});
export type ListEntriesQuery = z.output<typeof listEntriesQuerySchema>;

export const checkQuerySchema = z.object({
  url: z.string().min(1).max(MAX_URL_INPUT_LENGTH).describe("A LinkedIn profile URL in any accepted spelling"),
});

const textField = z.string().max(MAX_TEXT_FIELD_LENGTH);

export const addEntryBodySchema = z.object({
  url: z.string().max(MAX_URL_INPUT_LENGTH).describe("A LinkedIn profile URL in any accepted spelling"),
  note: textField.optional().describe("Extension: why the profile is on the list"),
});
export type AddEntryBody = z.output<typeof addEntryBodySchema>;

export const batchEntrySchema = z.object({ url: z.string() });

export const addEntriesBodySchema = z.object({
  entries: z.array(batchEntrySchema).min(1).max(MAX_BATCH_ENTRIES).describe("1–1000 entries"),
});

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
});
export type DncEntryDto = z.output<typeof dncEntrySchema>;

export const listEntriesResultSchema = z.object({
  entries: z.array(dncEntrySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListEntriesResult = z.output<typeof listEntriesResultSchema>;

export const checkResultSchema = z.union([
  z.object({ onList: z.literal(true), entry: dncEntrySchema }),
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
      url: z.string().describe("The URL as sent"),
      status: batchStatusSchema,
      normalizedUrl: z.string().optional().describe("Extension: the canonical form stored or matched"),
      $id: z.string().optional().describe("Extension: the entry added or already present"),
      error: z.string().optional(),
    }),
  ),
});
export type AddEntriesResult = z.output<typeof addEntriesResultSchema>;

export const deleteResultSchema = z.object({ message: z.literal("DNC entry deleted successfully") });
