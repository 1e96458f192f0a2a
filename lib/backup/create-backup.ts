import "server-only";
import { getDb } from "@/lib/db";

/**
 * Copies the live SQLite database into `file` (which must not exist, or be empty) while the server
 * keeps writing: `VACUUM INTO` reads one consistent snapshot, the same a read transaction sees, and
 * writes a compact copy. It runs on the read-only connection, so writers are never blocked by it.
 * PostgreSQL has its own tools for this (pg_dump; see the README's Backups).
 */
export async function backupSqliteDatabase(file: string): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`VACUUM INTO ${file}`;
}
