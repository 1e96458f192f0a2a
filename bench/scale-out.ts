// The scale-out shape: PostgreSQL + Redis, check and delete throughput on one instance and on two.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Prisma } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { createTestDatabase, openDatabase } from "../tests/support/databases";
import { startTestRedis } from "../tests/support/redis";
import { startServer } from "../tests/support/server";
import {
  DURATION_S,
  ENTRIES,
  LIFTED_LIMITS,
  type Load,
  machineLine,
  measure,
  measureSpread,
  type Measured,
  WARMUP_S,
  writeSection,
} from "./measure";

async function seed(databaseUrl: string) {
  const db = await openDatabase(databaseUrl);
  const key = generateApiKey();
  try {
    await db.$transaction([
      db.team.create({ data: { id: "team_bench", name: "Bench", slug: "bench" } }),
      db.apiKey.create({
        data: { id: "key_bench", teamId: "team_bench", name: "bench", scope: "write", prefix: key.prefix, hash: key.hash },
      }),
      db.$executeRaw`
        INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source")
        SELECT 'dnc_bench' || lpad(i::text, 8, '0'), 'team_bench', 'https://linkedin.com/in/bench-' || i,
               now() - (${Prisma.raw(String(ENTRIES))} - i) * interval '1 millisecond', now(), 'bench', 'import'
        FROM generate_series(0, ${Prisma.raw(String(ENTRIES - 1))}) AS i`,
    ]);
    await db.$executeRaw`ANALYZE`;
  } finally {
    await db.$disconnect();
  }
  return key.key;
}

export async function benchScaleOut(root: string) {
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-bench-scale-out-"));
  const database = await createTestDatabase("postgresql", workDir);
  const redis = await startTestRedis();
  const key = await seed(database.url);
  const env = { ...LIFTED_LIMITS, REDIS_URL: redis.url };
  const logFile = path.join(workDir, "server.log");
  const servers = [
    await startServer({ databaseUrl: database.url, logFile, env }),
    await startServer({ databaseUrl: database.url, logFile, env }),
  ];
  const one = [servers[0]!.baseUrl];
  const two = servers.map((server) => server.baseUrl);

  let nextId = ENTRIES;
  const deleteLoad: Load = { connections: 10, method: "DELETE", path: () => `/api/v1/dnc/dnc_bench${String(--nextId).padStart(8, "0")}` };
  const checkLoad: Load = { connections: 50, path: "/api/v1/dnc/check?url=linkedin.com/in/bench-4242" };
  const ceilingLoad: Load = { connections: 50, path: "/api/ping" };

  const rows: { name: string; one: Measured; two: Measured }[] = [];
  try {
    for (const [name, load] of [
      ["ceiling (GET /api/ping)", ceilingLoad],
      ["check hit (cached in Redis)", checkLoad],
      ["delete", deleteLoad],
    ] as const) {
      if (load.method !== "DELETE") {
        await measure(one[0]!, key, load, WARMUP_S);
        await measureSpread(two, key, load, WARMUP_S);
      }
      const single = await measure(one[0]!, key, load, DURATION_S);
      const pair = await measureSpread(two, key, load, DURATION_S);
      rows.push({ name, one: single, two: pair });
      console.error(`${name}: one ${single.rps.toFixed(0)} req/s, two ${pair.rps.toFixed(0)} req/s`);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await redis.stop();
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }

  const ceiling = rows[0]!.one.rps;
  const table = [
    "| scenario | total connections | one instance req/s (p50/p99 ms) | two instances req/s (p50/p99 ms) | scaling two / one | one instance ÷ its ceiling |",
    "|---|---|---|---|---|---|",
    ...rows.map((row, i) => {
      const connections = i === 2 ? deleteLoad.connections : checkLoad.connections;
      return `| ${row.name} | ${connections} | ${row.one.rps.toFixed(0)} (${row.one.p50}/${row.one.p99}) | ${row.two.rps.toFixed(0)} (${row.two.p50}/${row.two.p99}) | ${(row.two.rps / row.one.rps).toFixed(2)} | ${(row.one.rps / ceiling).toFixed(2)}× |`;
    }),
  ].join("\n");
  console.log(table);
  writeSection(
    root,
    "scale-out",
    [
      `Measured by \`npm run bench -- --scale-out\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine()}, PostgreSQL and Redis on the same machine,`,
      `${ENTRIES.toLocaleString("en")} entries in the team, rate limits lifted. "Two instances" spreads the same total connections evenly over two`,
      `\`next start\` processes sharing the database and Redis (what a load balancer does); ${DURATION_S} s per run.`,
      "",
      table,
    ].join("\n"),
  );
}
