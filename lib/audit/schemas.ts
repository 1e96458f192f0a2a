import { z } from "zod";
import { MAX_URL_INPUT_LENGTH } from "@/lib/dnc/normalize-linkedin-url";
import { listEntriesQuerySchema } from "@/lib/dnc/schemas";

export const AUDIT_ACTIONS = [
  "dnc.added",
  "dnc.batch_added",
  "dnc.deleted",
  "dnc.restored",
  "dnc.alias_added",
  "dnc.alias_removed",
  "team.settings_changed",
  "dnc.updated",
  "dnc.expired",
  "apikey.created",
  "apikey.revoked",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
  "client.created",
  "client.renamed",
  "client.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const listAuditQuerySchema = z.object({
  limit: listEntriesQuerySchema.shape.limit,
  offset: listEntriesQuerySchema.shape.offset,
  action: z.enum(AUDIT_ACTIONS).optional().describe("Only events of this action"),
  url: z
    .string()
    .min(1)
    .max(MAX_URL_INPUT_LENGTH)
    .optional()
    .describe(
      "An entry's history: only events about this identifier (a LinkedIn URL in any accepted spelling, a company page or a domain) and the alias events of the entries it named, across removals and re-additions",
    ),
  order: z.enum(["desc", "asc"]).default("desc").describe("Newest first (default) or oldest first"),
});
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export const auditEventSchema = z.object({
  $id: z.string(),
  teamId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.string().describe("A user's email or key:<API key prefix>"),
  targetId: z.string().nullable(),
  url: z.string().nullable(),
  reason: z
    .string()
    .nullable()
    .describe(
      'Why, as given; for dnc.updated, the changes as JSON: each changed field with its value before and after, e.g. {"expiresAt":{"from":null,"to":"2027-01-01T00:00:00.000Z"}}, or {"clientId":{"from":"cli_a","to":null}} for an entry moved when its client was deleted',
    ),
  requestId: z.string().nullable().describe("The X-Request-Id of the request that made the change"),
  undoes: z.string().nullable().describe("For dnc.restored: the dnc.deleted or dnc.expired event it undoes"),
  source: z.string().nullable().describe("For additions: dashboard, api, batch or import"),
  sourceFile: z.string().nullable().describe("For imports: the file's name"),
  clientId: z
    .string()
    .nullable()
    .describe(
      "Extension: the agency client whose list the change was on, or the client it is about; null for the global list and team events",
    ),
  $createdAt: z.iso.datetime(),
  sequence: z.number().int().nullable().describe("Position in the team's hash chain (1, 2, 3, …)"),
  prevHash: z.string().nullable().describe("SHA-256 (hex) of the team's previous event"),
  hash: z.string().nullable().describe("SHA-256 (hex) of prevHash and this event's canonical content"),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

export const listAuditResultSchema = z.object({
  events: z.array(auditEventSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListAuditResult = z.output<typeof listAuditResultSchema>;

export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe("Events that verified (before the break, if any)"),
  head: z.object({ sequence: z.number().int(), hash: z.string() }).optional().describe("The last event, when the chain is whole"),
  break: z
    .object({ eventId: z.string(), sequence: z.number().int().nullable(), problem: z.string() })
    .optional()
    .describe("The first event where the chain breaks"),
  message: z.string(),
});
export type ChainVerdictResult = z.output<typeof chainVerdictSchema>;
