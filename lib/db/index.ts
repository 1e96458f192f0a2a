import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { CachingSQLiteAdapter } from "./statement-cache";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgres/client";
import { prepareSqliteFile } from "./sqlite-file";
import pg from "pg";
import { observeDatabasePool } from "@/lib/observability/metrics";

export { Prisma } from "./generated/client";
export type { AuditEvent, DncEntry, EntryAlias, RemovedEntry } from "./generated/client";
/**
 * Both generated clients come from one schema (the PostgreSQL one is derived and checked against
 * it), so they share one type: the SQLite client's.
 */
export type Db = PrismaClient;
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(): DatabaseProvider {
  return env().DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
}

/**
 * The two Prisma clients of the process. On SQLite they are two connections to one file:
 * - `writer`: every change, and only as one batch `$transaction` (lib/db/audited-write.ts,
 *   lib/db/write.ts), which holds the adapter's lock from BEGIN to COMMIT, so two changes never
 *   interleave;
 * - `reader`: every read, on a read-only connection. The adapter runs a plain query without its
 *   lock, so a read on the writer could land inside another request's open transaction and see its
 *   uncommitted rows; on a connection of its own a read sees committed WAL snapshots only.
 * On PostgreSQL both are one client with a pool, whose transactions are isolated by the server.
 */
type Clients = { reader: Db; writer: Db; durability?: Awaited<ReturnType<typeof readDurability>> };

async function connectSqlite(): Promise<Clients> {
  // The only time this process touches the file outside SQLite: before its first connection (lib/db/sqlite-file.ts).
  const file = prepareSqliteFile(env().DATABASE_URL);
  const writer = new PrismaClient({ adapter: new CachingSQLiteAdapter({ url: `file:${file}`, timeout: 5000 }) });
  try {
    // WAL lets the reader run beside the writer; synchronous=FULL makes an acknowledged change
    // survive power loss (NORMAL may lose the last commits). The busy timeout covers the CLI
    // writing to the same file while the server runs.
    await writer.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await writer.$executeRawUnsafe("PRAGMA synchronous = FULL");
    await writer.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    const { journalMode, synchronous } = await readDurability(writer);
    if (journalMode !== "wal" || synchronous !== "full") {
      throw new Error(`SQLite is not durable: journal_mode=${journalMode}, synchronous=${synchronous} (want wal, full)`);
    }
    const reader = new PrismaClient({
      adapter: new CachingSQLiteAdapter({ url: `file:${file}`, readonly: true, fileMustExist: true, timeout: 5000 }),
    });
    return { reader, writer, durability: { journalMode, synchronous } };
  } catch (error) {
    // A retry prepares the file again, which must not happen while a connection of ours is open.
    await writer.$disconnect();
    throw error;
  }
}

async function connectPostgres(): Promise<Clients> {
  // Our own pool, so the metrics can read its use; the adapter ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX });
  observeDatabasePool(pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PostgresPrismaClient({ adapter }) as unknown as Db;
  await client.$queryRaw`SELECT 1`;
  return { reader: client, writer: client };
}

const SYNCHRONOUS_LEVELS = ["off", "normal", "full", "extra"];

/** The SQLite settings an acknowledged change depends on, as the connection reports them. */
export async function readDurability(client: Db) {
  const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
  return { journalMode: journal?.journal_mode, synchronous: SYNCHRONOUS_LEVELS[Number(sync?.synchronous)] ?? "unknown" };
}

const globalForDb = globalThis as unknown as { dncDb?: Promise<Clients> };

/** The process-wide clients for the configured provider, connected and checked once. */
export function connectDatabase(): Promise<Clients> {
  globalForDb.dncDb ??= (databaseProvider() === "sqlite" ? connectSqlite() : connectPostgres()).catch((error) => {
    globalForDb.dncDb = undefined;
    throw error;
  });
  return globalForDb.dncDb;
}

/** The client for reads. Changes go through `auditedWrite` or `writeTransaction` instead. */
export async function getDb(): Promise<Db> {
  return (await connectDatabase()).reader;
}

/**
 * A read-only client on a database other than the configured one: a backup copy (a SQLite file,
 * opened without creating anything) or a restored PostgreSQL database. The caller disconnects it.
 */
export function openReadOnlyDatabase(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, readonly: true, fileMustExist: true }) });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 1, options: "-c default_transaction_read_only=on" });
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}

/** Closes both clients (CLI scripts, so the process can exit; the server at shutdown). */
export async function disconnectDatabase() {
  const clients = await globalForDb.dncDb;
  globalForDb.dncDb = undefined;
  await clients?.reader.$disconnect();
  if (clients && clients.writer !== clients.reader) await clients.writer.$disconnect();
}
