import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { preparePrivateSqliteFile } from "./sqlite-file";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgres/client";

export { Prisma } from "./generated/client";
/**
 * Both generated clients come from one schema (the PostgreSQL one is derived and checked against
 * it), so they share one type: the SQLite client's.
 */
export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(): DatabaseProvider {
  return env().DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The SQLite file of a `file:` URL, made private (mode 0600) before anything opens it. */
export const sqliteFilePath = preparePrivateSqliteFile;

async function connectSqlite(): Promise<Db> {
  const file = sqliteFilePath(env().DATABASE_URL);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged change
  // survive power loss (NORMAL may lose the last commits). busy_timeout covers the CLI writing
  // to the same file while the server runs.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  const { journalMode, synchronous } = await readDurability(client);
  if (journalMode !== "wal" || synchronous !== "full") {
    throw new Error(`SQLite is not durable: journal_mode=${journalMode}, synchronous=${synchronous} (want wal, full)`);
  }
  return client;
}

async function connectPostgres(): Promise<Db> {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX });
  const client = new PostgresPrismaClient({ adapter });
  await client.$queryRaw`SELECT 1`;
  return client as unknown as Db;
}

const SYNCHRONOUS_LEVELS = ["off", "normal", "full", "extra"];

/** The SQLite settings an acknowledged change depends on, as the connection reports them. */
export async function readDurability(client: Db) {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return { journalMode: journal?.journal_mode, synchronous: SYNCHRONOUS_LEVELS[Number(sync?.synchronous)] ?? "unknown" };
}

const globalForDb = globalThis as unknown as { dncDb?: Promise<Db> };

/**
 * The process-wide Prisma client for the configured provider, connected and checked once.
 *
 * The SQLite adapter has one connection; only `$transaction` takes its lock. Every write must go
 * through `$transaction` (batch or interactive): a bare write issued while another request's
 * transaction is open would run inside that transaction.
 */
export function getDb(): Promise<Db> {
  globalForDb.dncDb ??= (databaseProvider() === "sqlite" ? connectSqlite() : connectPostgres()).catch((error) => {
    globalForDb.dncDb = undefined;
    throw error;
  });
  return globalForDb.dncDb;
}
