// The embedded shape: one `next start` on a fresh SQLite file with 100,000 entries in one team.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { Prisma } from "@/lib/db";
import { openDatabase } from "../tests/support/databases";
import { insertGeneratedEntries } from "../tests/support/generated-entries";
import { migrateDatabase, startServer } from "../tests/support/server";
import {
  DURATION_S,
  ENTRIES,
  LIFTED_LIMITS,
  type Load,
  machineLine,
  measure,
  type Measured,
  processCpuMs,
  WARMUP_S,
  writeSection,
} from "./measure";

const TEAM_ID = "team_bench";
/** Of the team's entries, this many are companies and domains (half each); the rest are profiles. */
const COMPANIES_AND_DOMAINS = 10_000;
const PROFILES = ENTRIES - COMPANIES_AND_DOMAINS;
const CEILING_CHECK_S = 3;

type Scenario = Load & {
  name: string;
  /** The ceiling this scenario is compared with (same concurrency). */
  ceiling: "ceiling@50" | "ceiling@20" | "ceiling@10";
  target?: string;
};

export async function seedBenchTeam(databaseUrl: string) {
  const db = await openDatabase(databaseUrl);
  const key = generateApiKey();
  const now = Date.now();
  await db.$transaction([
    db.team.create({ data: { id: TEAM_ID, name: "Bench", slug: "bench" } }),
    db.apiKey.create({ data: { id: "key_bench", teamId: TEAM_ID, name: "bench", scope: "write", prefix: key.prefix, hash: key.hash } }),
    insertGeneratedEntries(db, {
      teamId: TEAM_ID,
      count: PROFILES,
      slugPrefix: "bench-",
      firstCreatedAt: now - ENTRIES,
      stepMs: 1,
      createdBy: "bench",
      sources: ["import", "api", "batch", "dashboard"],
    }),
    insertCompaniesAndDomains(db, now - COMPANIES_AND_DOMAINS),
  ]);
  const ids = (await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DncEntry" WHERE "teamId" = ${TEAM_ID}`).map((row) => row.id);
  // What the first list request after a change pays: the team's total is recounted (then cached).
  const started = performance.now();
  for (let i = 0; i < 20; i++) await db.$queryRaw`SELECT COUNT(*) AS "total" FROM "DncEntry" WHERE "teamId" = ${TEAM_ID}`;
  const recountMs = (performance.now() - started) / 20;
  await db.$disconnect();
  return { key: key.key, ids, recountMs };
}

/**
 * `bench-co-<i>` company pages (even i) and `bench-<i>.com` domains (odd i; every other one with its
 * subdomains), generated inside SQLite as the profiles are.
 */
function insertCompaniesAndDomains(db: Awaited<ReturnType<typeof openDatabase>>, firstCreatedAt: number) {
  const time = Prisma.sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', (${firstCreatedAt} + "i") / 1000.0, 'unixepoch')`;
  return db.$executeRaw`
    WITH RECURSIVE "n" ("i") AS (SELECT 0 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < ${COMPANIES_AND_DOMAINS - 1})
    INSERT INTO "DncEntry" ("id", "teamId", "url", "kind", "includeSubdomains", "createdAt", "updatedAt", "createdBy", "source")
    SELECT 'dnc_' || substr(lower(hex(randomblob(10))), 1, 20), ${TEAM_ID},
      CASE WHEN "i" % 2 = 0 THEN 'https://linkedin.com/company/bench-co-' || "i" ELSE 'bench-' || "i" || '.com' END,
      CASE WHEN "i" % 2 = 0 THEN 'company' ELSE 'domain' END, "i" % 4 = 1, ${time}, ${time}, 'bench', 'import'
    FROM "n"`;
}

/**
 * 1,000 people never checked before, each with a company and an e-mail: a quarter match by their
 * company, a quarter by their e-mail's domain (half of those at a subdomain of an entry that
 * includes them), the rest by nothing.
 */
function contextBatchOf(round: number) {
  return JSON.stringify({
    urls: Array.from({ length: 1000 }, (_, i) => {
      const n = (round * 1000 + i) % COMPANIES_AND_DOMAINS;
      const company = i % 4 === 0 ? `bench-co-${n - (n % 2)}` : `nowhere-co-${round}-${i}`;
      const domain = i % 4 === 1 ? `mail.bench-${n - (n % 4) + 1}.com` : `nowhere-${round}-${i}.net`;
      return { url: `in/ctx-miss-${round}-${i}`, company, email: `someone@${domain}` };
    }),
  });
}

export async function benchEmbedded(root: string) {
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-bench-"));
  const databaseUrl = `file:${path.join(workDir, "bench.db")}`;
  migrateDatabase(databaseUrl);
  const { key, ids, recountMs } = await seedBenchTeam(databaseUrl);
  // BENCH_CPU_PROF=<dir> writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await startServer({
    databaseUrl,
    logFile: path.join(workDir, "server.log"),
    env: LIFTED_LIMITS,
    nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
  });

  let added = 0;
  let missed = 0;
  let listed = 0;
  let filteredListed = 0;
  let batchRound = 0;
  // Half on the list, half not: the bench team's slugs are bench-000000 … bench-099999.
  const batchOf = (round: number) =>
    JSON.stringify({
      urls: Array.from({ length: 1000 }, (_, i) =>
        i % 2 === 0 ? `linkedin.com/in/bench-${String((round * 1000 + i) % PROFILES).padStart(6, "0")}` : `in/batch-miss-${round}-${i}`,
      ),
    });
  const cachedBatch = batchOf(0);
  const midpoint = new Date(Date.now() - ENTRIES / 2).toISOString();
  const deletable = [...ids];
  const scenarios: Scenario[] = [
    { name: "ceiling@50", connections: 50, path: "/api/ping", ceiling: "ceiling@50" },
    { name: "ceiling@20", connections: 20, path: "/api/ping", ceiling: "ceiling@20" },
    { name: "ceiling@10", connections: 10, path: "/api/ping", ceiling: "ceiling@10" },
    { name: "auth + rate limit only (400 missing_url)", connections: 20, path: "/api/v1/dnc/check", ceiling: "ceiling@20" },
    {
      name: "check hit (on list, cached)",
      connections: 20,
      path: "/api/v1/dnc/check?url=linkedin.com/in/bench-004242",
      ceiling: "ceiling@20",
      target: "≥ 0.85",
    },
    {
      name: "check miss (not on list, cached)",
      connections: 20,
      path: "/api/v1/dnc/check?url=linkedin.com/in/nobody-here",
      ceiling: "ceiling@20",
      target: "≥ 0.85",
    },
    {
      name: "check batch of 1,000 URLs (cached), one client",
      connections: 1,
      method: "POST",
      path: "/api/v1/dnc/check/batch",
      body: () => cachedBatch,
      ceiling: "ceiling@10",
      target: "p50 < 50 ms",
    },
    {
      name: "check batch of 1,000 URLs never checked before, one client",
      connections: 1,
      method: "POST",
      path: "/api/v1/dnc/check/batch",
      body: () => batchOf(++batchRound),
      ceiling: "ceiling@10",
      target: "p50 < 50 ms",
    },
    {
      name: "check batch of 1,000 people with company and e-mail, never checked before, one client",
      connections: 1,
      method: "POST",
      path: "/api/v1/dnc/check/batch",
      body: () => contextBatchOf(++batchRound),
      ceiling: "ceiling@10",
      target: "p50 < 50 ms",
    },
    {
      name: "check batch of 1,000 URLs never checked before, 10 clients",
      connections: 10,
      method: "POST",
      path: "/api/v1/dnc/check/batch",
      body: () => batchOf(++batchRound),
      ceiling: "ceiling@10",
    },
    {
      name: "check uncached (new URL every request)",
      connections: 50,
      path: () => `/api/v1/dnc/check?url=in/uncached-${missed++}`,
      ceiling: "ceiling@50",
    },
    { name: "list first page (limit 50)", connections: 20, path: "/api/v1/dnc?limit=50", ceiling: "ceiling@20", target: "≥ 0.8" },
    {
      name: "list, a page not read before (offset grows by one)",
      connections: 50,
      path: () => `/api/v1/dnc?limit=50&offset=${listed++}`,
      ceiling: "ceiling@50",
    },
    {
      name: "list filtered (source + author + date range), first page",
      connections: 50,
      path: `/api/v1/dnc?limit=50&source=api&createdBy=bench&createdBefore=${encodeURIComponent(midpoint)}`,
      ceiling: "ceiling@50",
      target: "≥ 0.5",
    },
    {
      name: "list filtered by source, a page not read before (offset grows by one)",
      connections: 50,
      path: () => `/api/v1/dnc?limit=50&source=api&offset=${filteredListed++}`,
      ceiling: "ceiling@50",
    },
    { name: "list at offset 99,950", connections: 50, path: "/api/v1/dnc?limit=50&offset=99950", ceiling: "ceiling@50", target: "≥ 0.5" },
    {
      name: "add (POST /dnc)",
      connections: 20,
      method: "POST",
      path: "/api/v1/dnc",
      body: () => JSON.stringify({ url: `in/added-${added++}` }),
      ceiling: "ceiling@20",
      target: "≥ 0.35",
    },
    {
      name: "delete (DELETE /dnc/{id})",
      connections: 20,
      method: "DELETE",
      path: () => `/api/v1/dnc/${deletable.pop()}`,
      ceiling: "ceiling@20",
      target: "≥ 0.35",
    },
    {
      name: "delete at a steady 100 per second",
      connections: 20,
      steadyRate: 100,
      method: "DELETE",
      path: () => `/api/v1/dnc/${deletable.pop()}`,
      ceiling: "ceiling@20",
      target: "p99 < 25 ms",
    },
  ];

  // BENCH_ONLY=delete,add measures just those scenarios (and their ceilings), for a quick A/B.
  const only = process.env.BENCH_ONLY?.split(",");
  const selected = only ? scenarios.filter((s) => s.name.startsWith("ceiling") || only.some((word) => s.name.includes(word))) : scenarios;
  const results = new Map<string, Measured>();
  const cpuPerRequest = new Map<string, number>();
  // When each scenario ran, on the clock the server's CPU profile uses (monotonic, µs), to cut the profile by scenario.
  const windows: { name: string; startUs: number; endUs: number }[] = [];
  // The machine is shared and its speed drifts within minutes: each scenario is divided by its
  // ceiling measured right before it, not by one ceiling measured at the start.
  const ceilingBefore = new Map<string, Measured>();
  const ceilings = new Map(selected.filter((s) => s.name === s.ceiling).map((s) => [s.name, s]));
  try {
    for (const scenario of selected) {
      if (scenario.name !== scenario.ceiling) {
        ceilingBefore.set(scenario.name, await measure(server.baseUrl, key, ceilings.get(scenario.ceiling)!, CEILING_CHECK_S));
      }
      if (scenario.method !== "POST" && scenario.method !== "DELETE") await measure(server.baseUrl, key, scenario, WARMUP_S);
      const cpuBefore = processCpuMs(server.child.pid!);
      const startedUs = Number(process.hrtime.bigint() / 1000n);
      const measured = await measure(server.baseUrl, key, scenario, DURATION_S);
      windows.push({ name: scenario.name, startUs: startedUs, endUs: Number(process.hrtime.bigint() / 1000n) });
      cpuPerRequest.set(scenario.name, (processCpuMs(server.child.pid!) - cpuBefore) / measured.requests);
      results.set(scenario.name, measured);
      console.error(
        `${scenario.name}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, non-2xx ${measured.non2xx}, server CPU ${cpuPerRequest.get(scenario.name)!.toFixed(3)} ms/request`,
      );
    }
  } finally {
    await server.stop();
    if (profileDir) writeFileSync(path.join(profileDir, "scenarios.json"), JSON.stringify(windows));
    rmSync(workDir, { recursive: true, force: true });
  }

  const rows = selected.map((scenario) => {
    const r = results.get(scenario.name)!;
    const ceiling = ceilingBefore.get(scenario.name) ?? r;
    const ratio = r.rps / ceiling.rps;
    const cpu = cpuPerRequest.get(scenario.name)!;
    const cpuRatio = cpuPerRequest.get(scenario.ceiling)! / cpu;
    return `| ${scenario.name} | ${scenario.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ceiling.rps.toFixed(0)} | ${ratio.toFixed(2)}× ${scenario.ceiling} | ${scenario.target ?? ""} | ${r.non2xx} | ${cpu.toFixed(2)} | ${cpuRatio.toFixed(2)}× |`;
  });
  const table = [
    "| scenario | connections | req/s | p50 ms | p99 ms | ceiling just before, req/s | ratio to ceiling | target | non-2xx | server CPU ms/request | ceiling's CPU/request ÷ this |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  console.log(table);
  if (only) return;
  writeSection(
    root,
    "embedded",
    [
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine()},`,
      `one \`next start\` process on SQLite (WAL, synchronous=FULL) with ${ENTRIES.toLocaleString("en")} entries in the team (${COMPANIES_AND_DOMAINS.toLocaleString("en")} of them companies and domains),`,
      `autocannon on loopback from the same machine, ${DURATION_S} s per scenario after a ${WARMUP_S} s warm-up (writes have no warm-up).`,
      "",
      table,
      "",
      `Recounting the team's ${ENTRIES.toLocaleString("en")} entries (the first list request after any change) took ${recountMs.toFixed(2)} ms.`,
    ].join("\n"),
  );
}
