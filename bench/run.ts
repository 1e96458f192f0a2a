// npm run bench: one production server on a fresh SQLite file with 100,000 entries in one team,
// measured with autocannon on loopback. Every figure is divided by the framework's own ceiling (a
// trivial route handler) measured in the same run at the same concurrency, because these machines
// are shared and absolute numbers drift from run to run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { newEntryId } from "@/lib/ids";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { migrateDatabase, startServer } from "../tests/support/server";

const ENTRIES = 100_000;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const WARMUP_S = 2;
const TEAM_ID = "team_bench";

type Scenario = {
  name: string;
  connections: number;
  method?: "GET" | "POST" | "DELETE";
  /** Path of each request; a function makes every request different. */
  path: string | (() => string);
  body?: () => string;
  /** The ceiling this scenario is compared with (same concurrency). */
  ceiling: "ceiling@50" | "ceiling@10";
  target?: string;
};

type Measured = { name: string; connections: number; rps: number; p50: number; p99: number; non2xx: number; errors: number };

const isoTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function seed(databaseFile: string) {
  const db = new Database(databaseFile);
  const key = generateApiKey();
  const now = Date.now();
  const ids: string[] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO Team (id, name, slug, createdAt) VALUES (?, ?, ?, ?)").run(TEAM_ID, "Bench", "bench", isoTime(now));
    db.prepare("INSERT INTO ApiKey (id, teamId, name, scope, prefix, hash, createdAt) VALUES (?, ?, ?, 'write', ?, ?, ?)").run(
      "key_bench", TEAM_ID, "bench", key.prefix, key.hash, isoTime(now),
    );
    const insert = db.prepare(
      "INSERT INTO DncEntry (id, teamId, url, createdAt, updatedAt, createdBy, source) VALUES (?, ?, ?, ?, ?, 'bench', 'import')",
    );
    for (let i = 0; i < ENTRIES; i++) {
      const id = newEntryId();
      const created = isoTime(now - ENTRIES + i);
      insert.run(id, TEAM_ID, `https://linkedin.com/in/bench-${i}`, created, created);
      ids.push(id);
    }
  })();
  // What the first list request after a change pays: the team's total is recounted (then cached).
  const count = db.prepare("SELECT COUNT(*) AS total FROM DncEntry WHERE teamId = ?");
  const started = performance.now();
  for (let i = 0; i < 20; i++) count.get(TEAM_ID);
  const recountMs = (performance.now() - started) / 20;
  db.close();
  return { key: key.key, ids, recountMs };
}

async function measure(baseUrl: string, key: string, scenario: Scenario, seconds: number): Promise<Measured> {
  const nextPath = typeof scenario.path === "function" ? scenario.path : () => scenario.path as string;
  const result = await autocannon({
    url: baseUrl,
    connections: scenario.connections,
    duration: seconds,
    requests: [
      {
        method: scenario.method ?? "GET",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, path: nextPath(), body: scenario.body?.() }),
      },
    ],
  });
  return {
    name: scenario.name,
    connections: scenario.connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  const root = path.resolve(__dirname, "..");
  buildIfNeeded(root);
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-bench-"));
  const databaseFile = path.join(workDir, "bench.db");
  migrateDatabase(`file:${databaseFile}`);
  const { key, ids, recountMs } = seed(databaseFile);
  const lifted = "1000000000";
  const server = await startServer({
    databaseUrl: `file:${databaseFile}`,
    logFile: path.join(workDir, "server.log"),
    env: { DNC_RATE_WRITE_LIMIT: lifted, DNC_RATE_BATCH_LIMIT: lifted, DNC_RATE_READ_LIMIT: lifted },
  });

  let added = 0;
  let missed = 0;
  const deletable = [...ids];
  const scenarios: Scenario[] = [
    { name: "ceiling@50", connections: 50, path: "/api/ping", ceiling: "ceiling@50" },
    { name: "ceiling@10", connections: 10, path: "/api/ping", ceiling: "ceiling@10" },
    { name: "auth + rate limit only (400 missing_url)", connections: 50, path: "/api/v1/dnc/check", ceiling: "ceiling@50" },
    { name: "check hit (on list, cached)", connections: 50, path: "/api/v1/dnc/check?url=linkedin.com/in/bench-4242", ceiling: "ceiling@50", target: "≥ 0.7" },
    { name: "check miss (not on list, cached)", connections: 50, path: "/api/v1/dnc/check?url=linkedin.com/in/nobody-here", ceiling: "ceiling@50", target: "≥ 0.7" },
    { name: "check uncached (new URL every request)", connections: 50, path: () => `/api/v1/dnc/check?url=in/uncached-${missed++}`, ceiling: "ceiling@50" },
    { name: "list first page (limit 50)", connections: 50, path: "/api/v1/dnc?limit=50", ceiling: "ceiling@50", target: "≥ 0.5" },
    { name: "list at offset 99,950", connections: 50, path: "/api/v1/dnc?limit=50&offset=99950", ceiling: "ceiling@50", target: "≥ 0.5" },
    { name: "add (POST /dnc)", connections: 50, method: "POST", path: "/api/v1/dnc", body: () => JSON.stringify({ url: `in/added-${added++}` }), ceiling: "ceiling@50", target: "≥ 0.4" },
    { name: "delete (DELETE /dnc/{id})", connections: 10, method: "DELETE", path: () => `/api/v1/dnc/${deletable.pop()}`, ceiling: "ceiling@10", target: "≥ 0.4, p99 < 20 ms" },
  ];

  const results: Measured[] = [];
  try {
    for (const scenario of scenarios) {
      if (scenario.method !== "POST" && scenario.method !== "DELETE") await measure(server.baseUrl, key, scenario, WARMUP_S);
      const measured = await measure(server.baseUrl, key, scenario, DURATION_S);
      results.push(measured);
      console.error(`${scenario.name}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, non-2xx ${measured.non2xx}`);
    }
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }

  const ceilingOf = (name: string) => results.find((r) => r.name === name)!.rps;
  const rows = results.map((r, i) => {
    const scenario = scenarios[i]!;
    const ratio = r.rps / ceilingOf(scenario.ceiling);
    return `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ratio.toFixed(2)}× ${scenario.ceiling} | ${scenario.target ?? ""} | ${r.non2xx} |`;
  });
  const table = [
    "| scenario | connections | req/s | p50 ms | p99 ms | ratio to ceiling | target | non-2xx |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  console.log(table);
  const measuredSection = [
    BEGIN_MARKER,
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version},`,
    `one \`next start\` process on SQLite (WAL, synchronous=FULL) with ${ENTRIES.toLocaleString("en")} entries in the team,`,
    `autocannon on loopback from the same machine, ${DURATION_S} s per scenario after a ${WARMUP_S} s warm-up (writes have no warm-up).`,
    "",
    table,
    "",
    `Recounting the team's ${ENTRIES.toLocaleString("en")} entries (the first list request after any change) took ${recountMs.toFixed(2)} ms.`,
    END_MARKER,
  ].join("\n");
  writeReport(path.join(root, "docs", "benchmarks.md"), measuredSection);
}

const BEGIN_MARKER = "<!-- bench:begin (written by npm run bench) -->";
const END_MARKER = "<!-- bench:end -->";

/** Replaces only the measured section, so the written analysis around it survives a re-run. */
function writeReport(file: string, measuredSection: string) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmarks\n\n${BEGIN_MARKER}\n${END_MARKER}\n`;
  const begin = current.indexOf(BEGIN_MARKER);
  const end = current.indexOf(END_MARKER);
  const next = begin >= 0 && end > begin
    ? current.slice(0, begin) + measuredSection + current.slice(end + END_MARKER.length)
    : `${current.trimEnd()}\n\n${measuredSection}\n`;
  writeFileSync(file, next);
  console.error(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
