import type { NewAuditEvent } from "@/lib/db/audited-write";
import type { AuditAction } from "./schemas";

export type { AuditAction };

/** An event for the team's audit trail, written by lib/db/audited-write.ts in the same transaction as the change it describes. */
export type AuditEventInput = NewAuditEvent & { action: AuditAction };
