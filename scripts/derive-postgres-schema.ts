// prisma/schema.prisma (SQLite) is the source of truth; the PostgreSQL schema is derived from it.
// `npm run db:derive` writes it; tests/unit/postgres-schema.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SOURCE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function derivePostgresSchema(source: string): string {
  const replacements: [string, string][] = [
    ['provider = "sqlite"', 'provider = "postgresql"'],
    ['output     = "../lib/db/generated"', 'output     = "../../lib/db/generated-postgres"'],
    [
      "// Source of truth for the data model (SQLite, the embedded default).",
      `// Derived from ${SOURCE_SCHEMA} by npm run db:derive; do not edit.`,
    ],
  ];
  return replacements.reduce((schema, [from, to]) => {
    if (!schema.includes(from)) throw new Error(`${SOURCE_SCHEMA} no longer contains: ${from}`);
    return schema.replace(from, to);
  }, source);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8")));
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}
