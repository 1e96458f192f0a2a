import { z } from "zod";
import { listEntriesQuerySchema } from "@/lib/dnc/schemas";

export const AUDIT_ACTIONS = [
  "dnc.added",
  "dnc.batch_added",
  "dnc.deleted",
  "apikey.created",
  "apikey.revoked",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const listAuditQuerySchema = z.object({
  limit: listEntriesQuerySchema.shape.limit,
  offset: listEntriesQuerySchema.shape.offset,
  action: z.enum(AUDIT_ACTIONS).optional().describe("Only events of this action"),
});
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export const auditEventSchema = z.object({
  $id: z.string(),
  teamId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.string().describe("A user's email or key:<API key prefix>"),
  targetId: z.string().nullable(),
  url: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable().describe("The X-Request-Id of the request that made the change"),
  $createdAt: z.iso.datetime(),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

export const listAuditResultSchema = z.object({
  events: z.array(auditEventSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ListAuditResult = z.output<typeof listAuditResultSchema>;
