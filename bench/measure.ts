import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Pool } from "undici";

export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
export const WARMUP_S = 2;
export const ENTRIES = 100_000;
export const LIFTED_LIMITS = { DNC_RATE_WRITE_LIMIT: "1000000000", DNC_RATE_BATCH_LIMIT: "1000000000", DNC_RATE_READ_LIMIT: "1000000000" };

export type Load = {
  connections: number;
  method?: "GET" | "POST" | "DELETE";
  /** Path of each request; a function makes every request different. */
  path: string | (() => string);
  body?: () => string;
  /**
   * Requests per second, one every 1/rate seconds: a steady load instead of as fast as possible.
   * Not autocannon's overallRate, which lets each connection send its share of a second at the
   * start of that second: 100/s over 20 connections arrived as a burst of 100 every second.
   */
  steadyRate?: number;
};

export type Measured = { rps: number; p50: number; p99: number; non2xx: number; requests: number };

/** One autocannon run against one server (or a paced run, for a steady rate). */
export async function measure(baseUrl: string, key: string, load: Load, seconds: number): Promise<Measured> {
  if (load.steadyRate) return measureSteady(baseUrl, key, { ...load, steadyRate: load.steadyRate }, seconds);
  const nextPath = typeof load.path === "function" ? load.path : () => load.path as string;
  const result = await autocannon({
    url: baseUrl,
    connections: load.connections,
    duration: seconds,
    requests: [
      {
        method: load.method ?? "GET",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, path: nextPath(), body: load.body?.() }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/**
 * An open-loop load: request i is sent at start + i/rate whatever the answers before it did, over
 * up to `connections` kept-alive connections, and its latency counts from when it was due, so a
 * server (or a client) that falls behind shows in the percentiles instead of slowing the load.
 */
async function measureSteady(baseUrl: string, key: string, load: Load & { steadyRate: number }, seconds: number): Promise<Measured> {
  const pool = new Pool(baseUrl, { connections: load.connections, pipelining: 1 });
  const nextPath = typeof load.path === "function" ? load.path : () => load.path as string;
  const interval = 1000 / load.steadyRate;
  const total = Math.round(seconds * load.steadyRate);
  const latencies: number[] = [];
  let non2xx = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      pool
        .request({
          method: load.method ?? "GET",
          path: nextPath(),
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: load.body?.(),
        })
        .then(async (response) => {
          await response.body.dump();
          latencies.push(performance.now() - due);
          if (response.statusCode < 200 || response.statusCode > 299) non2xx += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  return { rps: Math.round(total / elapsed), p50: at(0.5), p99: at(0.99), non2xx, requests: total };
}

/** The same load on several servers at once (a load balancer's even spread); req/s add up. */
export async function measureSpread(baseUrls: string[], key: string, load: Load, seconds: number): Promise<Measured> {
  const share = { ...load, connections: Math.max(1, Math.round(load.connections / baseUrls.length)) };
  const parts = await Promise.all(baseUrls.map((baseUrl) => measure(baseUrl, key, share, seconds)));
  return {
    rps: parts.reduce((sum, part) => sum + part.rps, 0),
    p50: Math.max(...parts.map((part) => part.p50)),
    p99: Math.max(...parts.map((part) => part.p99)),
    non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
  };
}

/**
 * CPU time the process has used so far, in ms (Linux /proc, 10 ms ticks). Divided by the requests
 * served it is what one request costs the server, which other work on the machine does not change
 * the way it changes req/s.
 */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function machineLine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}`;
}

/** Replaces only the named measured section of docs/benchmarks.md, so the written analysis around it survives a re-run. */
export function writeSection(root: string, name: string, section: string) {
  const file = path.join(root, "docs", "benchmarks.md");
  const begin = `<!-- bench:${name}:begin (written by npm run bench) -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const block = `${begin}\n${section}\n${end}`;
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  console.error(`wrote docs/benchmarks.md (${name})`);
}
