import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { fileReaderBesideDatabase, prepareSqliteFile, readFileBesideDatabase, writeFileBesideDatabase } from "@/lib/db/sqlite-file";

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite database is private to the app's user", () => {
  it("the Prisma CLI (prisma.config.ts) creates it 0600 in a 0700 folder, and SQLite gives the WAL files the same mode", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dnc-mode-"));
    const file = path.join(dir, "data", "dnc.db");
    const migrated = spawnSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    const db = new Database(prepareSqliteFile(`file:${file}`));
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (1)");
    expect([modeOf(path.dirname(file)), modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(["700", "600", "600", "600"]);
    db.close();
  }, 60_000); // a real `prisma migrate deploy`: seconds, more on a loaded machine

  it("an existing file that others can read is narrowed to 0600", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dnc-mode-"));
    const file = path.join(dir, "old.db");
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    prepareSqliteFile(`file:${file}`);
    expect(modeOf(file)).toBe("600");
  });

  it("files kept beside the database are the app's own: never the database, its -wal, -shm or -journal, nor a path elsewhere", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dnc-mode-"));
    const url = `file:${path.join(dir, "dnc.db")}`;
    for (const name of ["dnc.db", "dnc.db-wal", "dnc.db-shm", "dnc.db-journal", "../elsewhere", "sub/file"]) {
      expect(() => writeFileBesideDatabase(url, name, "x"), name).toThrow(/not a file the app may keep/);
      expect(() => readFileBesideDatabase(url, name), name).toThrow(/not a file the app may keep/);
      expect(() => fileReaderBesideDatabase(url, name), name).toThrow(/not a file the app may keep/);
    }
    expect(readFileBesideDatabase(url, "nextauth-secret")).toBeNull();
    expect(writeFileBesideDatabase(url, "nextauth-secret", "first", { exclusive: true })).toBe(true);
    expect(writeFileBesideDatabase(url, "nextauth-secret", "second", { exclusive: true })).toBe(false);
    expect(readFileBesideDatabase(url, "nextauth-secret")).toBe("first");
    expect(modeOf(path.join(dir, "nextauth-secret"))).toBe("600");
  });

  it("a file read on every request through a kept descriptor sees each rewrite, and nothing while it is absent", () => {
    dir = mkdtempSync(path.join(tmpdir(), "dnc-mode-"));
    const url = `file:${path.join(dir, "dnc.db")}`;
    const read = fileReaderBesideDatabase(url, "dnc.db-apikey-revocations");
    expect(read()).toBeNull();
    writeFileBesideDatabase(url, "dnc.db-apikey-revocations", "first-token");
    expect(read()).toBe("first-token");
    // How another process announces a revocation: rewritten in place, shorter or longer.
    writeFileBesideDatabase(url, "dnc.db-apikey-revocations", "2nd");
    expect(read()).toBe("2nd");
    writeFileBesideDatabase(url, "dnc.db-apikey-revocations", "a-much-longer-third-token");
    expect(read()).toBe("a-much-longer-third-token");
  });
});
