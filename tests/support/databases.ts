import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "./server";

export type TestEngine = "sqlite" | "postgresql";

/** Where the scale-out suites create their throw-away databases (trust auth on the project's machines). */
export const POSTGRES_ADMIN_URL = process.env.DNC_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: a new SQLite file in `dir`, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(engine: TestEngine, dir: string): Promise<TestDatabase> {
  const name = `dnc_test_${randomBytes(6).toString("hex")}`;
  if (engine === "sqlite") {
    const url = `file:${path.join(dir, `${name}.db`)}`;
    migrateDatabase(url);
    return { url, drop: async () => {} };
  }
  const database = await createEmptyPostgresDatabase();
  migrateDatabase(database.url);
  return database;
}

/** An empty PostgreSQL database (a restore target), dropped by the returned function. */
export async function createEmptyPostgresDatabase(): Promise<TestDatabase> {
  const name = `dnc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A Prisma client of the test's own on a database other than the one the fixtures use. */
export async function openDatabase(url: string) {
  if (url.startsWith("file:")) {
    const { PrismaClient } = await import("@/lib/db/generated/client");
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  }
  const { PrismaClient } = await import("@/lib/db/generated-postgres/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
  }) as unknown as import("@/lib/db/generated/client").PrismaClient;
}
