import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import { sqliteFilePath } from "./index";

/**
 * A read-only driver connection for the reads on the API's hot paths (API-key lookup, check, list,
 * delete's ownership check). Through the ORM each costs ~0.27 ms of CPU under load, through a prepared
 * driver statement a few µs (docs/benchmarks.md). It sees committed data only (WAL snapshot per
 * statement) and never takes the write lock, so it cannot contend with the ORM's writer connection.
 */
class ReadConnection {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
  }

  /** First row of a query. */
  get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    return this.prepared(sql).get(...params) as Row | undefined;
  }

  /** All rows of a query. */
  all<Row>(sql: string, ...params: unknown[]): Row[] {
    return this.prepared(sql).all(...params) as Row[];
  }

  /** Statements are prepared once per SQL text and kept; callers pass only constant SQL. */
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const globalForReads = globalThis as unknown as { dncReadConnection?: ReadConnection };

/** Call after `getDb()` has resolved: the writer connection creates and migrates-checks the file first. */
export function readConnection(): ReadConnection {
  globalForReads.dncReadConnection ??= new ReadConnection(sqliteFilePath(env().DATABASE_URL));
  return globalForReads.dncReadConnection;
}
