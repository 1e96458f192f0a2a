// npm run bench -- --observability: what metrics and request logs cost a check (issue 20: within 5 %).
// Two `next start` on one seeded SQLite file: one with METRICS_TOKEN set and LOG_LEVEL=info (its
// stdout written straight to a file), one with neither (LOG_LEVEL=silent, no token: nothing is recorded).
// They are measured in turns, in alternating order, so the machine's drift falls on both alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, type RunningServer, startServer } from "../tests/support/server";
import { seedBenchTeam } from "./embedded";
import { DURATION_S, type Load, LIFTED_LIMITS, machineLine, measure, processCpuMs, WARMUP_S, writeSection } from "./measure";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const SCENARIOS: (Load & { name: string })[] = [
  { name: "check hit (on list, cached)", connections: 20, path: "/api/v1/dnc/check?url=linkedin.com/in/bench-004242" },
  { name: "check miss (not on list, cached)", connections: 20, path: "/api/v1/dnc/check?url=linkedin.com/in/nobody-here" },
];

type Run = { rps: number; cpuMsPerRequest: number; p99: number };

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** bench/observe-cost.ts in a process of its own, its log lines thrown away: CPU µs that observing one answer adds. */
function observationMicros(root: string): number {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "bench/observe-cost.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`bench/observe-cost.ts failed:\n${result.stderr}`);
  return (JSON.parse(result.stderr.trim().split("\n").at(-1)!) as { microsecondsPerRequest: number }).microsecondsPerRequest;
}

async function run(server: RunningServer, key: string, load: Load): Promise<Run> {
  const cpuBefore = processCpuMs(server.child.pid!);
  const measured = await measure(server.baseUrl, key, load, DURATION_S);
  if (measured.non2xx > 0) throw new Error(`${measured.non2xx} answers were not 2xx`);
  return { rps: measured.rps, p99: measured.p99, cpuMsPerRequest: (processCpuMs(server.child.pid!) - cpuBefore) / measured.requests };
}

export async function benchObservability(root: string) {
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-bench-observability-"));
  const databaseUrl = `file:${path.join(workDir, "bench.db")}`;
  migrateDatabase(databaseUrl);
  const { key } = await seedBenchTeam(databaseUrl);
  const onLog = path.join(workDir, "on.log");
  const servers = {
    off: await startServer({
      databaseUrl,
      logFile: path.join(workDir, "off.log"),
      directLog: true,
      env: { ...LIFTED_LIMITS, LOG_LEVEL: "silent", METRICS_TOKEN: "" },
    }),
    on: await startServer({
      databaseUrl,
      logFile: onLog,
      directLog: true,
      env: { ...LIFTED_LIMITS, LOG_LEVEL: "info", METRICS_TOKEN: "bench-metrics-token-0123456789" },
    }),
  };
  const rows: string[] = [];
  const offCpuMs: number[] = [];
  try {
    for (const scenario of SCENARIOS) {
      const runs: Record<"on" | "off", Run[]> = { on: [], off: [] };
      for (const side of ["off", "on"] as const) await measure(servers[side].baseUrl, key, scenario, WARMUP_S);
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of round % 2 === 0 ? (["off", "on"] as const) : (["on", "off"] as const)) {
          const measured = await run(servers[side], key, scenario);
          runs[side].push(measured);
          console.error(
            `${scenario.name}, ${side}, round ${round + 1}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.p99} ms, server CPU ${measured.cpuMsPerRequest.toFixed(3)} ms/request`,
          );
        }
      }
      const rps = (side: "on" | "off") => median(runs[side].map((r) => r.rps));
      const cpu = (side: "on" | "off") => median(runs[side].map((r) => r.cpuMsPerRequest));
      offCpuMs.push(cpu("off"));
      rows.push(
        `| ${scenario.name} | ${scenario.connections} | ${rps("off").toFixed(0)} | ${rps("on").toFixed(0)} | ${((rps("on") / rps("off") - 1) * 100).toFixed(1)} % | ${cpu("off").toFixed(3)} | ${cpu("on").toFixed(3)} | ${((cpu("on") / cpu("off") - 1) * 100).toFixed(1)} % |`,
      );
    }
    const scrape = await fetch(`${servers.on.baseUrl}/api/metrics`, {
      headers: { authorization: "Bearer bench-metrics-token-0123456789" },
    });
    if (!scrape.ok) throw new Error(`the metrics scrape answered ${scrape.status}`);
    console.error(`metrics scrape: ${(await scrape.text()).length} bytes; request log: ${statSync(onLog).size} bytes`);
  } finally {
    await Promise.all([servers.off.stop(), servers.on.stop()]);
    rmSync(workDir, { recursive: true, force: true });
  }

  const micros = observationMicros(root);
  const share = (micros / 1000 / Math.min(...offCpuMs)) * 100;
  console.error(`observing one answer: ${micros.toFixed(1)} µs of CPU, ${share.toFixed(1)} % of a check's server CPU`);
  const table = [
    "| scenario | connections | req/s off | req/s on | throughput change | server CPU ms/request off | on | CPU change |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  console.log(table);
  writeSection(
    root,
    "observability",
    [
      `Measured by \`npm run bench -- --observability\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine()}.`,
      `Two \`next start\` on one SQLite file with the bench team: "on" has METRICS_TOKEN set and LOG_LEVEL=info (one JSON line per request, written to a file),`,
      `"off" has neither. Medians of ${ROUNDS} runs of ${DURATION_S} s each, the two servers measured in turns in alternating order after a ${WARMUP_S} s warm-up each.`,
      "",
      table,
      "",
      `In isolation (bench/observe-cost.ts, CPU time, log lines to /dev/null), observing one answer — its header, counter, histogram and log line — costs ${micros.toFixed(1)} µs of CPU:`,
      `${share.toFixed(1)} % of the server CPU a cached check took with both off in this run (the smaller of the two scenarios' medians).`,
    ].join("\n"),
  );
}
