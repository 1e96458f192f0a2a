import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import type { Prisma } from "./index";
import { sqliteFilePath } from "./index";
import { sqlTime } from "./sql-time";
import { StatementCache } from "./statement-cache";

/** How long a write keeps retrying while another connection (the ORM's, or the CLI's) holds the lock. */
const LOCK_WAIT_MS = 5000;

type Statement = { run(sql: Prisma.Sql): number };

/**
 * Single-entry writes (add, delete) on a driver connection of their own: a synchronous
 * transaction costs ~0.16 ms including the fsync of synchronous=FULL, against ~0.43 ms of CPU for
 * the same two statements through the ORM, which halved delete throughput (docs/benchmarks.md).
 *
 * The transaction runs start to finish in one synchronous call, so nothing else in the process can
 * interleave with it. It never waits for the file lock inside SQLite (busy timeout 0, which would
 * block the event loop that the ORM's open transaction needs to finish): BEGIN IMMEDIATE either
 * takes the lock or fails at once, and the attempt is retried after yielding to the event loop.
 */
class SqliteWriter {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;

  constructor(file: string) {
    this.db = new Database(file, { fileMustExist: true, timeout: 0 });
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    // This connection commits the entry changes compliance relies on: check, do not assume.
    const journalMode = this.db.pragma("journal_mode", { simple: true });
    const synchronous = this.db.pragma("synchronous", { simple: true });
    if (journalMode !== "wal" || synchronous !== 2) {
      throw new Error(`SQLite writer is not durable: journal_mode=${journalMode}, synchronous=${synchronous} (want wal, 2=FULL)`);
    }
    this.statements = new StatementCache(this.db);
  }

  async transaction<Result>(body: (statement: Statement) => Result): Promise<Result> {
    const run = this.db.transaction(() => body({ run: (sql) => this.statements.get(sql.sql).run(...sql.values.map(toSqlite)).changes }));
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return run.immediate();
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 10)));
      }
    }
  }
}

/** The driver binds no Date: store Prisma's text form, so rows sort with the ORM's. */
function toSqlite(value: unknown) {
  return value instanceof Date ? sqlTime(value) : value;
}

const globalForWriter = globalThis as unknown as { dncSqliteWriter?: SqliteWriter };

/** Call after `getDb()` has resolved: the ORM's connection creates the file and sets WAL first. */
export function sqliteWriter(): SqliteWriter {
  globalForWriter.dncSqliteWriter ??= new SqliteWriter(sqliteFilePath(env().DATABASE_URL));
  return globalForWriter.dncSqliteWriter;
}
