import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/env";
import { type Db, databaseProvider, getDb, sqliteFilePath } from "./index";
import { StatementCache } from "./statement-cache";

/**
 * The reads on the API's hot paths (API-key lookup, check, list, delete's ownership check), as
 * SQL that both engines accept: double-quoted identifiers, `?` placeholders. Only committed rows
 * are seen.
 */
export type Reader = {
  get<Row>(sql: string, ...params: unknown[]): Promise<Row | undefined>;
  all<Row>(sql: string, ...params: unknown[]): Promise<Row[]>;
};

/**
 * SQLite: a read-only driver connection beside the ORM's writer. Through the ORM each read cost
 * ~0.27 ms of CPU under load, through a prepared driver statement a few µs (docs/benchmarks.md).
 * It reads WAL snapshots and never takes the write lock, so it cannot contend with the writer.
 */
class SqliteReader implements Reader {
  private readonly statements: StatementCache;

  constructor(file: string) {
    this.statements = new StatementCache(new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 }));
  }

  async get<Row>(sql: string, ...params: unknown[]) {
    return this.statements.get(sql).get(...params) as Row | undefined;
  }

  async all<Row>(sql: string, ...params: unknown[]) {
    return this.statements.get(sql).all(...params) as Row[];
  }
}

/** PostgreSQL: the ORM's connection pool already reads concurrently; only the placeholders differ. */
class PostgresReader implements Reader {
  private readonly numbered = new Map<string, string>();

  constructor(private readonly db: Db) {}

  async get<Row>(sql: string, ...params: unknown[]) {
    return (await this.all<Row>(sql, ...params))[0];
  }

  async all<Row>(sql: string, ...params: unknown[]) {
    return this.db.$queryRawUnsafe<Row[]>(this.numberPlaceholders(sql), ...params);
  }

  private numberPlaceholders(sql: string): string {
    let numbered = this.numbered.get(sql);
    if (!numbered) {
      let index = 0;
      numbered = sql.replace(/\?/g, () => `$${++index}`);
      this.numbered.set(sql, numbered);
    }
    return numbered;
  }
}

const globalForReader = globalThis as unknown as { dncReader?: Promise<Reader> };

export function getReader(): Promise<Reader> {
  globalForReader.dncReader ??= getDb().then(
    // The writer connection is opened first: it creates the SQLite file and checks its durability.
    (db) => (databaseProvider() === "sqlite" ? new SqliteReader(sqliteFilePath(env().DATABASE_URL)) : new PostgresReader(db)),
    (error: unknown) => {
      globalForReader.dncReader = undefined;
      throw error;
    },
  );
  return globalForReader.dncReader;
}
