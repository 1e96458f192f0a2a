import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";
import { LRUCache } from "lru-cache";

/** Distinct SQL texts kept prepared per connection: the hot paths use a few dozen. */
const CACHED_STATEMENTS = 256;

/**
 * The SQLite adapter, preparing each SQL text once per connection. The adapter prepares every
 * statement on every call (`prepare(sql).bind(args)`), which profiled at 5–7 % of a write's CPU;
 * a prepared statement is reusable, but `bind` fixes its arguments for good, so the cached one is
 * handed out behind a `bind` that passes the arguments to each call instead.
 */
export class CachingSQLiteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    cacheStatements((adapter as unknown as { client: Database }).client);
    return adapter;
  }
}

type Arguments = unknown[];

function cacheStatements(database: Database) {
  const prepare = database.prepare.bind(database);
  const statements = new LRUCache<string, Statement<Arguments>>({ max: CACHED_STATEMENTS });
  database.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare<Arguments>(sql);
      statements.set(sql, statement);
    }
    return reusable(statement);
  }) as Database["prepare"];
}

/** What the adapter calls on a statement: `run()`, or `bind(args)` then `run()`, `columns()` and `raw().all()`. */
function reusable(statement: Statement<Arguments>) {
  return {
    reader: statement.reader,
    run: () => statement.run(),
    bind: (args: Arguments) => ({
      reader: statement.reader,
      run: () => statement.run(args),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    }),
  };
}
