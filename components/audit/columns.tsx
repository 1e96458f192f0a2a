"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { AuditAction, AuditEvent } from "@/lib/audit/schemas";
import { formatDateTime } from "@/lib/format";

export const ACTION_LABELS: Record<AuditAction, string> = {
  "dnc.added": "Entry added",
  "dnc.batch_added": "Entry imported",
  "dnc.deleted": "Entry removed",
  "apikey.created": "API key created",
  "apikey.revoked": "API key revoked",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "invitation.revoked": "Invitation revoked",
};

export const auditColumns: ColumnDef<AuditEvent>[] = [
  {
    id: "time",
    header: "Time",
    cell: ({ row }) => (
      <time dateTime={row.original.$createdAt} className="whitespace-nowrap text-muted-foreground">
        {formatDateTime(row.original.$createdAt)}
      </time>
    ),
    meta: { width: 176 },
  },
  { id: "action", header: "Action", cell: ({ row }) => ACTION_LABELS[row.original.action], meta: { width: 144 } },
  {
    id: "actor",
    header: "Actor",
    cell: ({ row }) => <span className="whitespace-nowrap">{row.original.actor}</span>,
    meta: { width: 208 },
  },
  {
    id: "subject",
    header: "Subject",
    // An entry's URL when the event has one; an API key has only its id.
    cell: ({ row }) => <span className="font-mono text-[13px]">{row.original.url ?? row.original.targetId ?? ""}</span>,
  },
  {
    id: "reason",
    header: "Reason",
    cell: ({ row }) => row.original.reason ?? <span className="text-muted-foreground">—</span>,
  },
];
