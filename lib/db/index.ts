import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export { sqlTime } from "./sql-time";
export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Resolves `file:relative/path` against the working directory and makes sure its folder exists. */
export function sqliteFilePath(databaseUrl: string): string {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

async function connect(): Promise<PrismaClient> {
  const file = sqliteFilePath(env().DATABASE_URL);
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  // WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged change
  // survive power loss (NORMAL may lose the last commits). busy_timeout covers the CLI writing
  // to the same file while the server runs.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await assertDurable(client);
  return client;
}

const SYNCHRONOUS_LEVELS = ["off", "normal", "full", "extra"];

/** The settings an acknowledged change depends on, as the connection reports them. */
export async function readDurability(client: PrismaClient) {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return { journalMode: journal?.journal_mode, synchronous: SYNCHRONOUS_LEVELS[Number(sync?.synchronous)] ?? "unknown" };
}

async function assertDurable(client: PrismaClient) {
  const { journalMode, synchronous } = await readDurability(client);
  if (journalMode !== "wal" || synchronous !== "full") {
    throw new Error(`SQLite is not durable: journal_mode=${journalMode}, synchronous=${synchronous} (want wal, full)`);
  }
}

const globalForDb = globalThis as unknown as { dncDb?: Promise<PrismaClient> };

/**
 * The process-wide Prisma client, connected and checked once.
 *
 * The SQLite adapter has one connection; only `$transaction` takes its lock. Every write must go
 * through `$transaction` (batch or interactive): a bare write issued while another request's
 * transaction is open would run inside that transaction.
 */
export function getDb(): Promise<PrismaClient> {
  globalForDb.dncDb ??= connect().catch((error) => {
    globalForDb.dncDb = undefined;
    throw error;
  });
  return globalForDb.dncDb;
}
