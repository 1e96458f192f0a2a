import { logger } from "@/lib/observability/logger";
import { drainHttp } from "./http-drain";

/** How long requests in flight and background work get to finish after the signal. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** Closing connections after the grace period: past this, the process gives up waiting and exits 1. */
const CLOSE_MS = 5_000;

/** Background work that stops on its own: stops starting more, finishes or hands back what it holds by `deadline`. */
export type Stopper = (deadline: number) => Promise<void>;

type ShutdownParts = { work: Stopper[]; close: (() => Promise<void>)[] };

const log = (level: "info" | "warn" | "error", msg: string, extra: Record<string, unknown> = {}) => logger()[level](extra, msg);

/**
 * On SIGTERM or SIGINT: stop accepting connections and finish the requests in flight while the
 * background work stops (all within SHUTDOWN_GRACE_MS), then close the connections (database,
 * Redis) and exit 0.
 *
 * This replaces the handler `next start` installs before the app loads (it is the only one on
 * these signals then): that one waits on http.Server#close, which leaves a connection still
 * answering without a bound, knows nothing of the work below, and exits 143.
 */
export function installShutdown(parts: ShutdownParts) {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches this process twice (from the shell and from npm start): once is enough.
    if (started) return;
    started = true;
    void shutDown(signal, parts);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}

async function shutDown(signal: NodeJS.Signals, parts: ShutdownParts) {
  const started = Date.now();
  const deadline = started + SHUTDOWN_GRACE_MS;
  log("info", "shutting down", { signal });
  const [httpFinished, ...work] = await Promise.allSettled([drainHttp(deadline), ...parts.work.map((stop) => stop(deadline))]);
  if (httpFinished?.status === "fulfilled" && !httpFinished.value) {
    log("warn", `requests still running after ${SHUTDOWN_GRACE_MS} ms were cut off`);
  }
  const failures = [httpFinished, ...work].filter((result) => result?.status === "rejected");
  setTimeout(() => {
    log("error", `connections did not close within ${CLOSE_MS} ms`);
    process.exit(1);
  }, CLOSE_MS).unref();
  const closed = await Promise.allSettled(parts.close.map((close) => close()));
  failures.push(...closed.filter((result) => result.status === "rejected"));
  for (const failure of failures) log("error", "shutdown step failed", { error: String((failure as PromiseRejectedResult).reason) });
  log("info", "shut down", { ms: Date.now() - started });
  process.exit(failures.length === 0 ? 0 : 1);
}
