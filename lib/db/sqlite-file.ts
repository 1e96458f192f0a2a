import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The one module of the app that touches the file system beside the SQLite database (an ESLint rule
 * keeps it so).
 *
 * SQLite's locks are POSIX advisory locks, and they belong to the process: closing *any* descriptor
 * of the database file in this process silently drops them all. Another client that then opens and
 * closes the file (`sqlite3 dnc.db .backup`, the CLI) believes it is the last one and deletes the
 * live -wal and -shm, and every acknowledged write since is lost (sqlite.org, "How To Corrupt An
 * SQLite Database File", §2.2). So the database file is prepared once, before the first connection,
 * and never opened again outside SQLite: everything else only computes its path. The files kept
 * beside it (the session secret, the API-key revocation signal) are read and written here, and can
 * never be one of SQLite's own.
 */

/** Entries, audit trail and key hashes: readable by the app's own user only. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;
const SQLITE_COMPANIONS = ["", "-wal", "-shm", "-journal"];

/** The absolute path of a `file:` URL's database (relative paths resolve against the working directory). Touches nothing. */
export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

/**
 * Makes the database file private before SQLite first opens it: created with mode 0600 when missing
 * (its folder 0700), narrowed to 0600 when it is wider. SQLite gives the -wal and -shm files the
 * database file's mode. Called by the app's connect step and the Prisma CLI (prisma.config.ts),
 * each before its process opens a connection; never after.
 */
export function prepareSqliteFile(databaseUrl: string): string {
  const file = sqliteFilePath(databaseUrl);
  const folder = path.dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR });
  if (!existsSync(file)) closeSync(openSync(file, "a", PRIVATE_FILE));
  for (const companion of SQLITE_COMPANIONS.map((suffix) => `${file}${suffix}`)) {
    if (existsSync(companion) && (statSync(companion).mode & 0o077) !== 0) chmodSync(companion, PRIVATE_FILE);
  }
  return file;
}

/** A file of the app's own in the database's folder, refused if the name is one of SQLite's files. */
function fileBesideDatabase(databaseUrl: string, name: string): string {
  const database = sqliteFilePath(databaseUrl);
  const file = path.join(path.dirname(database), name);
  if (name !== path.basename(name) || SQLITE_COMPANIONS.some((suffix) => file === `${database}${suffix}`)) {
    throw new Error(`${name} is not a file the app may keep beside its database`);
  }
  return file;
}

/** The content of a file kept beside the database, or null when there is none. */
export function readFileBesideDatabase(databaseUrl: string, name: string): string | null {
  try {
    return readFileSync(fileBesideDatabase(databaseUrl, name), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A small file read on every request is re-opened this often: one replaced or deleted by hand is then seen. */
const REOPEN_MS = 1000;

/**
 * Reads a small file beside the database (at most `maxBytes`) on every call through a descriptor
 * kept open: one `pread` instead of readFileSync's open, stat, read and close (the API-key
 * revocation signal is read on every key request). Null while the file does not exist.
 */
export function fileReaderBesideDatabase(databaseUrl: string, name: string, maxBytes = 256): () => string | null {
  const file = fileBesideDatabase(databaseUrl, name);
  const buffer = Buffer.alloc(maxBytes);
  let descriptor: number | null = null;
  let openedAt = 0;
  return () => {
    const now = Date.now();
    if (descriptor !== null && now - openedAt >= REOPEN_MS) {
      closeSync(descriptor);
      descriptor = null;
    }
    if (descriptor === null) {
      try {
        descriptor = openSync(file, "r");
        openedAt = now;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    }
    return buffer.toString("utf8", 0, readSync(descriptor, buffer, 0, maxBytes, 0));
  };
}

/**
 * Writes a file beside the database, private to the app's user. `exclusive`: only when it does not
 * exist yet (two processes starting together keep the first one's content); returns whether it wrote.
 */
export function writeFileBesideDatabase(
  databaseUrl: string,
  name: string,
  content: string,
  options: { exclusive?: boolean } = {},
): boolean {
  try {
    writeFileSync(fileBesideDatabase(databaseUrl, name), content, { flag: options.exclusive ? "wx" : "w", mode: PRIVATE_FILE });
    return true;
  } catch (error) {
    if (options.exclusive && (error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The name of the database file itself, for files named after it (`dnc.db-apikey-revocations`). */
export function sqliteFileName(databaseUrl: string): string {
  return path.basename(sqliteFilePath(databaseUrl));
}
