"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { useEntriesRefreshNow, useThrottledEntriesRefresh } from "@/components/entries/use-dnc-entries";
import { UNDO_REASON, undoAction } from "@/components/removed/undo-toast";
import { toast } from "@/components/ui/toaster";
import { sleep } from "@/components/api-client/call-api";
import { ENTRY_ACTIONS, type EntryAction, probeServer, sendEntryRequest } from "@/components/bulk-actions/entry-actions";
import { GoneEntries, type GoneView } from "@/components/bulk-actions/gone-entries";
import { type QueueSnapshot, RequestQueue } from "@/components/bulk-actions/request-queue";
import { BulkActionProgress, describeRun, isQueueBusy, OtherTabProgress } from "./bulk-action-progress";
import { InterruptedRunNotice } from "./interrupted-run-notice";
import {
  claimRun,
  holdRun,
  takeTurnNow,
  openRunChannel,
  type RunMessage,
  runsHeldByTabs,
  waitForTurn,
  whenRunReleased,
} from "./run-coordination";
import { forgetRun, readRun, type SavedRun, saveRun, savedRuns } from "./saved-runs";

type BulkJob = { run: SavedRun; queue: RequestQueue<string> };
type OtherTabRun = { runId: string; action: EntryAction; snapshot: QueueSnapshot<string> };

type BulkActionsValue = {
  /** Starts a bulk delete or restore; returns false, sending nothing, while another of this tab's is under way or in line. */
  start: (action: EntryAction, ids: string[], reason: string) => boolean;
  busy: boolean;
  /** The entries this tab saw removed: the table leaves them out until the server's list says otherwise. */
  gone: GoneEntries;
};

const BulkActionsContext = createContext<BulkActionsValue | null>(null);

const isOver = (status: string) => status === "done" || status === "cancelled";

/**
 * Holds the bulk delete or restore above the pages, so it keeps going, and stays in view, while the
 * person looks at another page of the dashboard. One per tab, and one per team in the browser at a
 * time (a run started while another tab's runs waits in line): all spend the team's write budget,
 * and two queues would only take turns at its limit. Each run is saved as it goes, so one a reload
 * or a crash stopped is offered for resuming. When a run stops, a toast says how it went, wherever
 * in the dashboard the person is; after a delete it offers to undo it: a restore of what it
 * removed, through the same queue.
 */
export function BulkActionsProvider({ team, children }: { team: string; children: ReactNode }) {
  const { user } = useDashboard();
  const [job, setJob] = useState<BulkJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [otherTab, setOtherTab] = useState<OtherTabRun | null>(null);
  const [interrupted, setInterrupted] = useState<SavedRun[]>([]);
  const current = useRef<BulkJob | null>(null);
  /** This tab's run has the team's turn: the other tabs hear its progress. */
  const hasTurn = useRef(false);
  const channel = useRef<ReturnType<typeof openRunChannel> | null>(null);
  const runs = useRef(0);
  const refresh = useThrottledEntriesRefresh(team);
  const refreshNow = useEntriesRefreshNow(team);
  const [gone] = useState(() => new GoneEntries());

  const announce = useCallback((job: BulkJob) => {
    if (!hasTurn.current) return;
    // The failed ids stay here: the other tabs show counts, and a long list would cross on every answer.
    const snapshot = { ...job.queue.getSnapshot(), failedIds: [] };
    channel.current?.post({ type: "progress", runId: job.run.id, action: job.run.action, snapshot });
  }, []);

  /** Waits for the team's turn, runs (`begin`) until done or cancelled, then lets the next tab go. */
  const runInTurn = useCallback(
    async (job: BulkJob, begin: () => Promise<void>, claimed?: () => void) => {
      const release = claimed ?? (await holdRun(job.run.id));
      const leaveLine = new AbortController();
      let stopWatching = () => {};
      const over = new Promise<void>((resolve) => {
        stopWatching = job.queue.subscribe(() => {
          const { status } = job.queue.getSnapshot();
          // Cancelled while in line: leave the line.
          if (status === "cancelled") leaveLine.abort();
          if (isOver(status)) resolve();
        });
      });
      try {
        let endTurn = await takeTurnNow(team);
        if (!endTurn) {
          setQueued(true);
          endTurn = await waitForTurn(team, leaveLine.signal).catch(() => null);
          setQueued(false);
        }
        if (!endTurn) return;
        hasTurn.current = true;
        announce(job);
        void begin();
        await over;
        hasTurn.current = false;
        channel.current?.post({ type: "ended", runId: job.run.id });
        endTurn();
      } finally {
        stopWatching();
        release();
      }
    },
    [team, announce],
  );

  const launch = useCallback(
    function launchRun(run: SavedRun, claimed?: () => void): boolean {
      const status = current.current?.queue.getSnapshot().status;
      // Idle: in line behind another tab's run.
      if (status && (isQueueBusy(status) || status === "idle")) return false;
      const removed = [...run.removed];
      const toastId = `bulk-run-${(runs.current += 1)}`;
      const undo = () => {
        // Read when pressed: a request still out when the run was cancelled may have removed one more since.
        if (!launchRun(newRun("restore", [...removed], UNDO_REASON, team, user.email))) {
          toast.error("Another bulk change is running: restore these entries from Recently removed once it has finished.");
        }
      };
      const queue = new RequestQueue<string>(
        run.pending,
        ENTRY_ACTIONS[run.action].outcomes,
        {
          send: sendEntryRequest(run.action, team, run.reason),
          now: Date.now,
          sleep,
          probe: probeServer,
          onOutcome: (id, outcome) => {
            if (outcome === "deleted") removed.push(id);
            // Its row leaves the table now; the list refetched soon after fills the page up again.
            if (outcome === "deleted" || outcome === "already_gone") gone.mark(id);
            if (outcome !== "failed") refresh();
          },
        },
        run,
      );
      const job: BulkJob = { run, queue };
      let wasBusy = false;
      let announced = -1;
      let toldUnsaved = false;
      const keep = (state: SavedRun) => {
        if (saveRun(state) || toldUnsaved) return;
        toldUnsaved = true;
        toast.info("This run is too large for the browser to keep: if the tab closes, it cannot be resumed.");
      };
      queue.subscribe(() => {
        const snapshot = queue.getSnapshot();
        // Kept after every answer, so a tab that stops leaves only the answer in flight unknown.
        if (isOver(snapshot.status)) forgetRun(run.id);
        else keep({ ...run, ...progressOf(snapshot), pending: [...queue.getPending()], removed });
        announce(job);
        const nowBusy = isQueueBusy(snapshot.status);
        setBusy(nowBusy || snapshot.status === "idle");
        // At once, not throttled: the table must equal the server's list when the panel says the run has stopped.
        if (!nowBusy) refreshNow();
        // Once per run (a retry of the failures is a run too); a request still out when the run was
        // cancelled settles afterwards and updates the same toast.
        if (isOver(snapshot.status) && (wasBusy || snapshot.processed !== announced)) {
          announced = snapshot.processed;
          const { tone, text } = describeRun(run.action, snapshot);
          toast[tone](text, { id: toastId, ...(removed.length > 0 ? undoAction(undo) : {}) });
        }
        wasBusy = nowBusy;
      });
      keep(run);
      current.current = job;
      setJob(job);
      setBusy(true);
      void runInTurn(job, () => queue.start(), claimed);
      return true;
    },
    [team, user.email, refresh, refreshNow, gone, announce, runInTurn],
  );

  const start = useCallback(
    (action: EntryAction, ids: string[], reason: string) => launch(newRun(action, ids, reason, team, user.email)),
    [launch, team, user.email],
  );

  async function resume(saved: SavedRun) {
    setInterrupted((runs) => runs.filter((r) => r.id !== saved.id));
    const claimed = await claimRun(saved.id);
    // Read again once claimed: another tab may have resumed and finished it, or discarded it.
    const run = claimed ? readRun(saved.id) : null;
    if (!claimed || !run) {
      claimed?.();
      toast.info("That run was resumed or discarded in another tab.");
      return;
    }
    if (!launch(run, claimed)) {
      claimed();
      setInterrupted((runs) => [saved, ...runs]);
      toast.error("Another bulk change is running in this tab: resume this one once it has finished.");
    }
  }

  function discard(saved: SavedRun) {
    forgetRun(saved.id);
    setInterrupted((runs) => runs.filter((r) => r.id !== saved.id));
    toast.info(`Discarded the interrupted run: ${saved.pending.length} entries were not sent.`);
    // The button that had focus is gone: the page's heading takes it, not the document's start.
    focusPageHeading();
  }

  // What the other tabs of this browser run, and the runs none of them holds any more: interrupted.
  useEffect(() => {
    const watched = new Set<string>();
    channel.current = openRunChannel(team, (message: RunMessage) => {
      if (message.type === "hello") {
        if (current.current) announce(current.current);
      } else if (message.type === "ended") {
        setOtherTab((run) => (run?.runId === message.runId ? null : run));
      } else {
        setOtherTab({ runId: message.runId, action: message.action, snapshot: message.snapshot });
        refresh();
        if (!watched.has(message.runId)) {
          watched.add(message.runId);
          // A tab that closes or crashes sends nothing: its lock going says it.
          void whenRunReleased(message.runId).then(() => setOtherTab((run) => (run?.runId === message.runId ? null : run)));
        }
      }
    });
    channel.current.post({ type: "hello" });
    void runsHeldByTabs().then((held) => setInterrupted(savedRuns(team, user.email).filter((run) => !held.has(run.id))));
    return () => channel.current?.close();
  }, [team, user.email, announce, refresh]);

  return (
    <BulkActionsContext.Provider value={{ start, busy, gone }}>
      <div aria-live="polite">
        {interrupted.map((run) => (
          <InterruptedRunNotice key={run.id} run={run} onResume={() => void resume(run)} onDiscard={() => discard(run)} />
        ))}
      </div>
      {otherTab && otherTab.runId !== job?.run.id ? <OtherTabProgress action={otherTab.action} snapshot={otherTab.snapshot} /> : null}
      {job ? (
        <BulkActionProgress
          key={job.run.id}
          action={job.run.action}
          queue={job.queue}
          queued={queued}
          onRetryFailed={() => void runInTurn(job, () => job.queue.retryFailed())}
          onClose={() => setJob(null)}
        />
      ) : null}
      {children}
    </BulkActionsContext.Provider>
  );
}

function focusPageHeading() {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

const progressOf = ({ counts, failed, failedIds }: QueueSnapshot<string>) => ({ counts, failed, failedIds });

function newRun(action: EntryAction, ids: string[], reason: string, team: string, user: string): SavedRun {
  const pending = [...new Set(ids)];
  return {
    id: crypto.randomUUID(),
    action,
    team,
    user,
    reason,
    total: pending.length,
    pending,
    counts: {},
    failed: 0,
    failedIds: [],
    removed: [],
  };
}

/** Which entries this tab saw removed; a new value whenever one more is. */
export function useGoneEntries(): GoneView {
  const { gone } = useBulkActions();
  return useSyncExternalStore(gone.subscribe, gone.getSnapshot, gone.getSnapshot);
}

export function useBulkActions(): BulkActionsValue {
  const value = useContext(BulkActionsContext);
  if (!value) throw new Error("useBulkActions is used outside BulkActionsProvider");
  return value;
}
