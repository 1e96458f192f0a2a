import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SOURCE_SCHEMA } from "../../scripts/derive-postgres-schema";

describe("the PostgreSQL schema", () => {
  it("is exactly what npm run db:derive makes of the SQLite schema (run it after editing prisma/schema.prisma)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readFileSync(SOURCE_SCHEMA, "utf8")));
  });

  it("has a migration for every SQLite migration, by name", () => {
    const names = (folder: string) =>
      readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    expect(names("prisma/postgres/migrations")).toEqual(names("prisma/migrations"));
  });
});
