import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { CachingSQLiteAdapter } from "@/lib/db/statement-cache";

const dir = mkdtempSync(path.join(tmpdir(), "dnc-statements-"));
const db = new PrismaClient({ adapter: new CachingSQLiteAdapter({ url: `file:${path.join(dir, "cache.db")}` }) });

afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("the SQLite adapter with prepared statements kept", () => {
  it("answers each call with its own arguments, though the SQL text is the same", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "T" ("k" TEXT PRIMARY KEY, "n" INTEGER NOT NULL)`);
    for (let n = 0; n < 5; n++) expect(await db.$executeRaw`INSERT INTO "T" ("k", "n") VALUES (${`k${n}`}, ${n})`).toBe(1);
    for (let n = 4; n >= 0; n--) expect(await db.$queryRaw`SELECT "n" FROM "T" WHERE "k" = ${`k${n}`}`).toEqual([{ n }]);
    expect(await db.$queryRaw`SELECT "n" FROM "T" WHERE "k" = ${"absent"}`).toEqual([]);
    expect(await db.$executeRaw`UPDATE "T" SET "n" = "n" + 10 WHERE "n" >= ${3}`).toBe(2);
  });

  it("keeps transactions whole: a failing statement rolls back the ones before it", async () => {
    await expect(
      db.$transaction([
        db.$executeRaw`INSERT INTO "T" ("k", "n") VALUES (${"t1"}, ${1})`,
        db.$executeRaw`INSERT INTO "T" ("k", "n") VALUES (${"k0"}, ${1})`,
      ]),
    ).rejects.toThrow();
    expect(await db.$queryRaw`SELECT "k" FROM "T" WHERE "k" = ${"t1"}`).toEqual([]);
    await db.$transaction([db.$executeRaw`INSERT INTO "T" ("k", "n") VALUES (${"t1"}, ${1})`]);
    expect(await db.$queryRaw`SELECT "k" FROM "T" WHERE "k" = ${"t1"}`).toEqual([{ k: "t1" }]);
  });
});
