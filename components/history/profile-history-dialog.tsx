"use client";

import { ACTION_LABELS } from "@/components/audit/columns";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/components/api-client/call-api";
import type { AuditEvent } from "@/lib/audit/schemas";
import { displayProfileUrl } from "@/lib/dnc/slug-display";
import { formatDateTime } from "@/lib/format";
import { describeReason } from "@/components/audit/event-reason";
import { ProfileAliases } from "./profile-aliases";
import { useProfileHistory } from "./use-profile-history";

const STEPS: Partial<Record<AuditEvent["action"], string>> = {
  "dnc.added": "Added",
  "dnc.batch_added": "Added",
  "dnc.deleted": "Removed",
  "dnc.restored": "Restored",
  "dnc.alias_added": "Alias added",
  "dnc.alias_removed": "Alias removed",
  "dnc.updated": "Updated",
  "dnc.expired": "Expired",
};

/**
 * A profile's timeline, oldest first: every addition, removal, restore and alias change, by whom,
 * from where and why; above it the aliases its entry has now (removable by people who may write).
 */
export function ProfileHistoryDialog({
  team,
  url,
  canWrite,
  open,
  onOpenChange,
}: {
  team: string;
  url: string;
  canWrite: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const query = useProfileHistory(team, url, open);
  const events = query.data?.events ?? [];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title={`History of ${displayProfileUrl(url).text}`}
          description="Every change to this profile on the list, oldest first, across removals and re-additions."
          className="sm:w-[min(40rem,calc(100vw-2rem))]"
        >
          <ProfileAliases team={team} url={url} canWrite={canWrite} />
          {query.isPending ? (
            <div className="space-y-3" aria-busy="true">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-4 w-1/2" />
            </div>
          ) : query.isError ? (
            <div role="alert" className="text-sm text-danger-text">
              Could not load the history: {errorMessage(query.error)}{" "}
              <Button size="sm" onClick={() => void query.refetch()}>
                Try again
              </Button>
            </div>
          ) : events.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing has happened to this profile on the list.</p>
          ) : (
            // Focusable, so the keyboard can scroll a long history.
            <ol aria-label="Events" tabIndex={0} className="max-h-[60vh] space-y-4 overflow-y-auto border-l border-border pl-4">
              {events.map((event) => (
                <HistoryStep key={event.$id} event={event} undone={events.find((other) => other.$id === event.undoes)} />
              ))}
            </ol>
          )}
          <div className="mt-5 flex justify-end">
            <Button onClick={() => onOpenChange(false)}>Close</Button>
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function HistoryStep({ event, undone }: { event: AuditEvent; undone: AuditEvent | undefined }) {
  const added = event.action === "dnc.added" || event.action === "dnc.batch_added";
  return (
    <li className="text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-foreground">{STEPS[event.action] ?? ACTION_LABELS[event.action]}</span>
        <time dateTime={event.$createdAt} className="text-muted-foreground">
          {formatDateTime(event.$createdAt)}
        </time>
      </p>
      <p>
        by {event.actor}
        {added ? ` ${describeSource(event)}` : null}
      </p>
      {added && event.reason ? <p>Note: {event.reason}</p> : null}
      {event.action === "dnc.updated" ? <p>Changed {describeReason(event)}</p> : null}
      {added || event.action === "dnc.updated" ? null : <p>{event.reason ? `Reason: ${event.reason}` : "No reason given"}</p>}
      {undone ? <p className="text-muted-foreground">Undoes the removal of {formatDateTime(undone.$createdAt)}</p> : null}
    </li>
  );
}

function describeSource(event: AuditEvent): string {
  switch (event.source) {
    case "dashboard":
      return "in the dashboard";
    case "api":
      return "through the API";
    case "batch":
      return "in a batch through the API";
    case "import":
      return event.sourceFile ? `by importing the file ${event.sourceFile}` : "by a file import";
    default:
      return "";
  }
}
