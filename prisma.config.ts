import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { prepareSqliteFile } from "./lib/db/sqlite-file";

// The CLI's configuration: the JS schema engine works offline (the default engine downloads a
// schema-engine binary at run time, which a machine without internet access cannot). DATABASE_URL picks the provider: file: → SQLite, postgresql:// → PostgreSQL,
// each with its own schema and migrations folder.
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/dnc.db";
process.env.DATABASE_URL = databaseUrl;
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);

/**
 * @prisma/adapter-pg 6.19 cannot map PostgreSQL's `name` type (OID 19), which `migrate deploy`
 * reads from the catalog (prisma/orm#27403). Reporting such columns as text (OID 25) is enough.
 */
function reportNameColumnsAsText() {
  const Result = createRequire(import.meta.url)("pg/lib/result.js") as {
    prototype: { addFields(fields: { dataTypeID: number }[]): void };
  };
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const field of fields) if (field.dataTypeID === 19) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
}

function postgresConfig() {
  reportNameColumnsAsText();
  const url = new URL(databaseUrl);
  // Discrete fields: the adapter's shadow-database helper ignores `database` in a connection string.
  const connection = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  };
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: "prisma/postgres/schema.prisma",
    migrations: { path: "prisma/postgres/migrations" },
    adapter: async () => new PrismaPg(connection),
  });
}

function sqliteConfig() {
  // SQLite would create the file world-readable (umask) and not its folder: the CLI often creates it first.
  prepareSqliteFile(databaseUrl);
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: "prisma/schema.prisma",
    migrations: { path: "prisma/migrations" },
    adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl }),
  });
}

export default isPostgres ? postgresConfig() : sqliteConfig();
