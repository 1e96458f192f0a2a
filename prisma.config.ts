import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/dnc.db";
process.env.DATABASE_URL = databaseUrl;
// SQLite creates the file but not its folder.
mkdirSync(path.dirname(path.resolve(databaseUrl.replace(/^file:/, ""))), { recursive: true });

// The JS schema engine works offline; the default engine downloads a binary (see STACK.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl }),
});
