"use client";

import { type ReactNode, useEffect, useRef, useState, useSyncExternalStore } from "react";
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

/** Re-renders every 250 ms while `active`, for the countdowns: each whole second shows within a quarter of a second. */
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

/** This tab's bulk delete or restore: its progress and the controls that steer it; the queue itself knows nothing of this view. */
export function BulkActionProgress({
  action,
  queue,
  queued,
  onRetryFailed,
  onClose,
}: {
  action: EntryAction;
  queue: RequestQueue<string>;
  /** Waiting in line behind a run in another tab. */
  queued: boolean;
  onRetryFailed: () => void;
  onClose: () => void;
}) {
  const s = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const busy = isQueueBusy(s.status) || queued;

  useLeaveWarning(busy);

  return (
    <ProgressPanel
      action={action}
      snapshot={s}
      queued={queued}
      focusOnMount
      controls={
        <>
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
          {isQueueBusy(s.status) && s.status !== "paused" ? (
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
            <Button size="sm" variant="primary" onClick={onRetryFailed}>
              Retry {formatNumber(s.failed)} failed
            </Button>
          ) : null}
          {!busy ? (
            <Button size="sm" onClick={onClose}>
              Close
            </Button>
          ) : null}
        </>
      }
    />
  );
}

/** The run another tab of this browser is carrying out: its progress only, steered from that tab. */
export function OtherTabProgress({ action, snapshot }: { action: EntryAction; snapshot: QueueSnapshot<string> }) {
  return <ProgressPanel action={action} snapshot={snapshot} inOtherTab />;
}

function ProgressPanel({
  action,
  snapshot: s,
  queued = false,
  inOtherTab = false,
  focusOnMount = false,
  controls,
}: {
  action: EntryAction;
  snapshot: QueueSnapshot<string>;
  queued?: boolean;
  inOtherTab?: boolean;
  /** This tab's runs all start from a person's action (a confirm, Undo, Resume): the panel takes focus, so progress is read where they are. */
  focusOnMount?: boolean;
  controls?: ReactNode;
}) {
  const view = VIEWS[action];
  const counts = Object.entries<Count>(view.counts);
  const busy = isQueueBusy(s.status);
  const now = useTicker(busy);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (focusOnMount) panel.current?.focus();
  }, [focusOnMount]);

  const percent = s.total === 0 ? 100 : Math.round((s.processed / s.total) * 100);
  const heading = queued
    ? "Queued"
    : {
        idle: "Starting…",
        running: view.working,
        waiting: view.working,
        offline: "Server unreachable",
        paused: "Paused",
        cancelled: "Cancelled",
        done: "Finished",
      }[s.status];
  const name = inOtherTab ? `${view.name} in another tab` : view.name;

  return (
    <section ref={panel} tabIndex={-1} aria-label={name} className="mb-4 rounded-lg border border-border bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-foreground">
            {heading}
            {inOtherTab ? <span className="font-normal text-muted-foreground"> (in another tab of this browser)</span> : null}
          </h2>
          <p className="text-sm text-muted-foreground">
            <span aria-live="polite">
              {formatNumber(s.processed)} of {formatNumber(s.total)} processed
            </span>
            {/* Outside the live region: a countdown read out every second would drown everything else. */}
            {busy && s.finishAt !== null && s.status !== "paused" ? ` · about ${formatTimeLeft(s.finishAt - now)} left` : null}
          </p>
        </div>
        {controls ? <div className="flex gap-2">{controls}</div> : null}
      </div>
      <div
        role="progressbar"
        aria-label={`${name} progress`}
        aria-valuemin={0}
        aria-valuemax={s.total}
        aria-valuenow={s.processed}
        aria-valuetext={`${s.processed} of ${s.total} processed`}
        className="mt-3 h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-200" style={{ width: `${percent}%` }} />
      </div>
      {queued ? (
        <p role="status" className="mt-2 text-sm text-muted-foreground">
          Another tab of this browser is spending the team&apos;s write budget: this run starts when that one has finished.
        </p>
      ) : null}
      {inOtherTab ? (
        <p className="mt-2 text-sm text-muted-foreground">Pause or cancel it in the tab that runs it; a run started here waits for it.</p>
      ) : null}
      {busy && s.othersSpending > 0 ? (
        <p role="status" className="mt-2 text-sm font-medium text-warning-text">
          Another device or API client is using this team&apos;s write budget ({formatNumber(s.othersSpending)} of the current window&apos;s
          writes were not this browser&apos;s), so this run goes slower.
        </p>
      ) : null}
      {s.offline ? (
        <p role="status" className="mt-2 text-sm font-medium text-warning-text">
          {s.offline.httpStatus === null
            ? "The server cannot be reached (no answer)."
            : `The server is unavailable (HTTP ${s.offline.httpStatus}).`}{" "}
          Nothing counts as failed: trying the same entry again{" "}
          {s.offline.retryAt === null ? "now" : `in ${formatCountdown(s.offline.retryAt - now)}`} (attempt {s.offline.attempts + 1})
          {s.offline.retryAt === null ? "." : ", or as soon as the server is back: it is asked every second."}
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

/** To the nearest second ("about"), never below one while the run lasts. */
const formatTimeLeft = (ms: number) => formatDuration(Math.max(1000, Math.round(ms / 1000) * 1000));

function Tally({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="rounded-md bg-subtle px-3 py-2" data-testid={`count-${label.toLowerCase().replace(/\s+/g, "-")}`}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={`text-base font-semibold tabular-nums ${tone}`}>{formatNumber(value)}</dd>
    </div>
  );
}
