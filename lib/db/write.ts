import "server-only";
import { connectDatabase, type Db, Prisma } from "./index";

type Statement = Prisma.PrismaPromise<unknown>;
type Results<Items extends Statement[]> = {
  [Index in keyof Items]: Items[Index] extends Prisma.PrismaPromise<infer Result> ? Result : never;
};

/**
 * A change that leaves no audit record (sessions, deliveries, a key's last use): the statements
 * `build` makes on the writer run as one batch transaction, so they commit together or not at all.
 * Changes that the audit trail records go through `auditedWrite` (lib/db/audited-write.ts).
 */
export async function writeTransaction<Items extends Statement[]>(build: (db: Db) => [...Items]): Promise<Results<Items>> {
  const { writer } = await connectDatabase();
  return (await writer.$transaction(build(writer))) as Results<Items>;
}
