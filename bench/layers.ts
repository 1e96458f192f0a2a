// npm run bench -- --layers: what each data-layer step costs through Prisma on SQLite, without
// HTTP: the same statements the hot routes run, on a fresh file with 100,000 entries, 50 callers
// at a time (as the HTTP scenarios), in one process. These are CPU costs per call; they explain the
// HTTP ratios in docs/benchmarks.md.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { insertGeneratedEntries } from "../tests/support/generated-entries";
import { migrateDatabase } from "../tests/support/server";
import { ENTRIES, machineLine, writeSection } from "./measure";

const TEAM_ID = "team_layers";
const CALLERS = 50;

async function perCall(calls: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await run();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (next++ < calls) await run();
    }),
  );
  return (performance.now() - started) / calls;
}

export async function benchLayers(root: string) {
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-layers-"));
  const url = `file:${path.join(workDir, "layers.db")}`;
  migrateDatabase(url);
  const writer = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    await writer.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await writer.$executeRawUnsafe("PRAGMA synchronous = FULL");
    await writer.$transaction([
      writer.team.create({ data: { id: TEAM_ID, name: "Layers", slug: "layers" } }),
      insertGeneratedEntries(writer, {
        teamId: TEAM_ID,
        count: ENTRIES,
        slugPrefix: "layers-",
        firstCreatedAt: Date.now() - ENTRIES,
        stepMs: 1,
        createdBy: "bench",
      }),
    ]);
    const reader = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, readonly: true }) });
    const page = (columns: Prisma.Sql) =>
      reader.$queryRaw`SELECT ${columns} FROM "DncEntry" WHERE "teamId" = ${TEAM_ID} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${50} OFFSET ${0}`;
    const add = () => {
      const id = `dnc_${randomUUID().slice(0, 20)}`;
      const now = new Date();
      return [
        writer.$executeRaw`INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source")
          VALUES (${id}, ${TEAM_ID}, ${`https://linkedin.com/in/${id}`}, ${now}, ${now}, 'bench', 'api') ON CONFLICT DO NOTHING`,
        writer.$executeRaw`INSERT INTO "AuditEvent" ("id", "teamId", "action", "actor", "targetId", "createdAt")
          SELECT ${`evt_${id}`}, ${TEAM_ID}, 'dnc.added', 'bench', ${id}, ${now} WHERE changes() = 1`,
      ];
    };
    const rows: [string, number][] = [
      [
        "`$queryRaw`, one row by the unique index (a check miss)",
        await perCall(
          20_000,
          () =>
            reader.$queryRaw`SELECT "id", "createdAt" FROM "DncEntry" WHERE "teamId" = ${TEAM_ID} AND "url" = ${"https://linkedin.com/in/layers-004242"}`,
        ),
      ],
      [
        "`findUnique`, the same row through the query API",
        await perCall(20_000, () =>
          reader.dncEntry.findUnique({
            where: { teamId_url_clientId: { teamId: TEAM_ID, url: "https://linkedin.com/in/layers-004242", clientId: "" } },
          }),
        ),
      ],
      [
        "`$queryRaw`, a list page of 50 rows (5 columns, two of them dates)",
        await perCall(5_000, () => page(Prisma.sql`"id", "teamId", "url", "createdAt", "updatedAt"`)),
      ],
      ["`$queryRaw`, the same 50 rows without the date columns", await perCall(5_000, () => page(Prisma.sql`"id", "teamId", "url"`))],
      [
        "`$queryRaw`, COUNT(*) of the team's 100,000 entries",
        await perCall(200, () => reader.$queryRaw`SELECT COUNT(*) FROM "DncEntry" WHERE "teamId" = ${TEAM_ID}`),
      ],
      ["`$executeRaw`, one insert alone (no transaction)", await perCall(3_000, () => add()[0]!)],
      ["`$transaction([insert, audit row])`, the write primitive", await perCall(3_000, () => writer.$transaction(add()))],
    ];
    await reader.$disconnect();
    const table = ["| step | ms per call (50 callers) |", "|---|---|", ...rows.map(([step, ms]) => `| ${step} | ${ms.toFixed(3)} |`)].join(
      "\n",
    );
    console.log(table);
    writeSection(
      root,
      "layers",
      [
        `Measured by \`npm run bench -- --layers\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine()}, Prisma 6.19 + better-sqlite3, WAL, synchronous=FULL.`,
        "",
        table,
      ].join("\n"),
    );
  } finally {
    await writer.$disconnect();
    rmSync(workDir, { recursive: true, force: true });
  }
}
