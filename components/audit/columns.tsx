"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { AuditAction, AuditEvent } from "@/lib/audit/schemas";
import { formatDateTime } from "@/lib/format";
import { describeReason } from "./event-reason";

export const ACTION_LABELS: Record<AuditAction, string> = {
  "dnc.added": "Entry added",
  "dnc.batch_added": "Entry imported",
  "dnc.deleted": "Entry removed",
  "dnc.restored": "Entry restored",
  "dnc.alias_added": "Alias added",
  "dnc.alias_removed": "Alias removed",
  "team.settings_changed": "Settings changed",
  "dnc.updated": "Entry updated",
  "dnc.expired": "Entry expired",
  "apikey.created": "API key created",
  "apikey.revoked": "API key revoked",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "invitation.revoked": "Invitation revoked",
  "client.created": "Client added",
  "client.renamed": "Client renamed",
  "client.deleted": "Client deleted",
};

/**
 * On a phone: time, action and subject, the time wrapping onto two lines; actor and reason join
 * from md. The widths are classes, not `meta.width`, so they apply only where there is room.
 */
export const auditColumns: ColumnDef<AuditEvent>[] = [
  {
    id: "time",
    header: "Time",
    cell: ({ row }) => (
      <time dateTime={row.original.$createdAt} className="text-muted-foreground sm:whitespace-nowrap">
        {formatDateTime(row.original.$createdAt)}
      </time>
    ),
    meta: { className: "sm:w-44" },
  },
  { id: "action", header: "Action", cell: ({ row }) => ACTION_LABELS[row.original.action], meta: { className: "sm:w-36" } },
  {
    id: "actor",
    header: "Actor",
    cell: ({ row }) => <span className="whitespace-nowrap">{row.original.actor}</span>,
    meta: { className: "hidden w-52 md:table-cell" },
  },
  {
    id: "subject",
    header: "Subject",
    // An entry's URL when the event has one; an API key has only its id. Below md, where the actor
    // and reason columns are hidden, they follow under it: a phone shows every detail too.
    cell: ({ row }) => {
      const reason = describeReason(row.original);
      return (
        <>
          <span className="font-mono text-[13px] wrap-anywhere">{row.original.url ?? row.original.targetId ?? ""}</span>
          <span className="mt-1 block text-xs text-muted-foreground wrap-anywhere md:hidden">
            By {row.original.actor}
            {reason ? <> · {reason}</> : null}
          </span>
        </>
      );
    },
  },
  {
    id: "reason",
    header: "Reason",
    cell: ({ row }) => describeReason(row.original) ?? <span className="text-muted-foreground">—</span>,
    meta: { className: "hidden md:table-cell" },
  },
];
