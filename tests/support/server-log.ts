import { readFileSync } from "node:fs";

/** A line the server logged as JSON (lib/observability/logger.ts); Next's own lines are plain text. */
export type LogLine = Record<string, unknown> & { level: string; time: string; msg?: string };

export function readLogLines(logFile: string): LogLine[] {
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * The lines once the request `lastRequestId` has its line: the server writes each line before it
 * answers, but the test's copy of its stdout reaches the file a moment later.
 */
export async function logLinesThrough(logFile: string, lastRequestId: string, timeoutMs = 10_000): Promise<LogLine[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = readLogLines(logFile);
    if (lines.some((line) => line.msg === "request" && line.requestId === lastRequestId)) return lines;
    if (Date.now() > deadline) throw new Error(`no log line for request ${lastRequestId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
