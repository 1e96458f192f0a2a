"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { Button } from "@/components/ui/button";
import type { EntryAction, EntryOutcome } from "@/components/bulk-actions/entry-actions";
import type { QueueSnapshot, RequestQueue } from "@/components/bulk-actions/request-queue";
import { formatCountdown, formatDuration, formatNumber } from "@/lib/format";

type Count = { label: string; tone: string };

/** How each bulk job names itself and its outcomes, in the order the tally shows them. */
const VIEWS: { [Action in EntryAction]: { name: string; working: string; counts: Record<EntryOutcome<Action>, Count> } } = {
  delete: {
    name: "Bulk delete",
    working: "Removing entries…",
    counts: {
      deleted: { label: "Deleted", tone: "text-success-text" },
      already_gone: { label: "Already gone", tone: "text-muted-foreground" },
      not_permitted: { label: "Not permitted", tone: "text-warning-text" },
    },
  },
  restore: {
    name: "Bulk restore",
    working: "Restoring entries…",
    counts: {
      restored: { label: "Restored", tone: "text-success-text" },
      already_listed: { label: "Already on the list", tone: "text-muted-foreground" },
      not_restorable: { label: "No longer restorable", tone: "text-warning-text" },
      not_permitted: { label: "Not permitted", tone: "text-warning-text" },
    },
  },
};

/** Re-renders every 250 ms while `active`, for the countdowns. */
function useTicker(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** A finished or cancelled run as one sentence, e.g. "Bulk delete finished: 10 deleted, 2 already gone." */
export function describeRun(action: EntryAction, s: QueueSnapshot<string>): { tone: "success" | "info" | "error"; text: string } {
  const view = VIEWS[action];
  // The first outcome (deleted, restored) always; the others only when they happened.
  const counted = Object.entries<Count>(view.counts).filter(([outcome], index) => index === 0 || (s.counts[outcome] ?? 0) > 0);
  const parts = [
    ...counted.map(([outcome, { label }]) => `${formatNumber(s.counts[outcome] ?? 0)} ${label.toLowerCase()}`),
    s.failed > 0 ? `${formatNumber(s.failed)} failed` : null,
    s.status === "cancelled" && s.notSent > 0 ? `${formatNumber(s.notSent)} not sent` : null,
  ].filter(Boolean);
  const text = `${view.name} ${s.status === "cancelled" ? "cancelled" : "finished"}: ${parts.join(", ")}.`;
  if (s.failed > 0 || (s.counts.not_permitted ?? 0) > 0) return { tone: "error", text };
  return { tone: s.status === "cancelled" ? "info" : "success", text };
}

export function isQueueBusy(status: string) {
  return status === "running" || status === "waiting" || status === "offline" || status === "paused";
}

/** A bulk delete's or restore's progress bar, tally, ETA and controls; the queue itself knows nothing of this view. */
export function BulkActionProgress({ action, queue, onClose }: { action: EntryAction; queue: RequestQueue<string>; onClose: () => void }) {
  const s = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const view = VIEWS[action];
  const counts = Object.entries<Count>(view.counts);
  const busy = isQueueBusy(s.status);
  const now = useTicker(busy);

  useLeaveWarning(busy);

  const percent = s.total === 0 ? 100 : Math.round((s.processed / s.total) * 100);
  const heading = {
    idle: "Starting…",
    running: view.working,
    waiting: view.working,
    offline: "Server unreachable",
    paused: "Paused",
    cancelled: "Cancelled",
    done: "Finished",
  }[s.status];

  return (
    <section aria-label={view.name} className="mb-4 rounded-lg border border-border bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-foreground">{heading}</h2>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {formatNumber(s.processed)} of {formatNumber(s.total)} processed
            {busy && s.etaMs !== null && s.status !== "paused" ? ` · about ${formatDuration(s.etaMs)} left` : null}
          </p>
        </div>
        <div className="flex gap-2">
          {s.status === "paused" ? (
            <Button size="sm" variant="primary" onClick={() => void queue.resume()}>
              Resume
            </Button>
          ) : null}
          {s.status === "offline" ? (
            <Button size="sm" variant="primary" onClick={() => void queue.resume()} disabled={s.offline?.retryAt === null}>
              Retry now
            </Button>
          ) : null}
          {busy && s.status !== "paused" ? (
            <Button size="sm" onClick={() => queue.pause()}>
              Pause
            </Button>
          ) : null}
          {busy ? (
            <Button size="sm" variant="ghost-danger" onClick={() => queue.cancel()}>
              Cancel
            </Button>
          ) : null}
          {!busy && s.failed > 0 ? (
            <Button size="sm" variant="primary" onClick={() => void queue.retryFailed()}>
              Retry {formatNumber(s.failed)} failed
            </Button>
          ) : null}
          {!busy ? (
            <Button size="sm" onClick={onClose}>
              Close
            </Button>
          ) : null}
        </div>
      </div>
      <div
        role="progressbar"
        aria-label={`${view.name} progress`}
        aria-valuemin={0}
        aria-valuemax={s.total}
        aria-valuenow={s.processed}
        aria-valuetext={`${s.processed} of ${s.total} processed`}
        className="mt-3 h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-200" style={{ width: `${percent}%` }} />
      </div>
      {s.offline ? (
        <p role="status" className="mt-2 text-sm font-medium text-warning-text">
          {s.offline.httpStatus === null
            ? "The server cannot be reached (no answer)."
            : `The server is unavailable (HTTP ${s.offline.httpStatus}).`}{" "}
          Nothing counts as failed: trying the same entry again{" "}
          {s.offline.retryAt === null ? "now" : `in ${formatCountdown(s.offline.retryAt - now)}`} (attempt {s.offline.attempts + 1}).
        </p>
      ) : null}
      {s.status === "waiting" && s.waitUntil !== null ? (
        <p role="status" className="mt-2 text-sm font-medium text-warning-text">
          Waiting for the rate limit — {formatCountdown(s.waitUntil - now)}
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-6">
        {counts.map(([outcome, { label, tone }]) => (
          <Tally key={outcome} label={label} value={s.counts[outcome] ?? 0} tone={tone} />
        ))}
        <Tally label="Failed" value={s.failed} tone="text-danger-text" />
        {s.status === "cancelled" ? <Tally label="Not sent" value={s.notSent} tone="text-muted-foreground" /> : null}
      </dl>
    </section>
  );
}

function Tally({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="rounded-md bg-subtle px-3 py-2" data-testid={`count-${label.toLowerCase().replace(/\s+/g, "-")}`}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={`text-base font-semibold tabular-nums ${tone}`}>{formatNumber(value)}</dd>
    </div>
  );
}
