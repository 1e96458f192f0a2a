import type { AuditAction } from "./schemas";

export type { AuditAction };

/** An event for the team's audit trail, written by lib/db/write.ts in the same transaction as the change it describes. */
export type AuditEventInput = {
  /** Made up when the event is written, unless the change must name it (a removal names its event) */
  id?: string;
  teamId: string;
  action: AuditAction;
  actor: string;
  targetId?: string;
  url?: string;
  reason?: string;
  requestId?: string;
  /** For dnc.restored: the dnc.deleted event it undoes */
  undoes?: string;
  /** For additions: where the entry came from */
  source?: string;
  sourceFile?: string;
};
