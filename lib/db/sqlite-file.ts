import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";

/** Entries, audit trail and key hashes: readable by the app's own user only. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/**
 * Resolves `file:relative/path` against the working directory and makes the database file private
 * before SQLite opens it: created with mode 0600 when missing (its folder 0700), narrowed to 0600
 * when it is wider. SQLite gives the -wal and -shm files the database file's mode. Shared by the
 * app and the Prisma CLI (prisma.config.ts), whichever creates the file first.
 */
export function preparePrivateSqliteFile(databaseUrl: string): string {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  const folder = path.dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR });
  closeSync(openSync(file, "a", PRIVATE_FILE));
  for (const companion of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion) && (statSync(companion).mode & 0o077) !== 0) chmodSync(companion, PRIVATE_FILE);
  }
  return file;
}
