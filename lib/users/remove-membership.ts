import "server-only";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";

/** Takes effect on the person's next request: sessions carry no roles, memberships are read every time. */
export async function removeMembership(options: { email: string; teamId: string }) {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: options.email.trim().toLowerCase() } });
  const [{ count }] = await writeTransaction((tx) => [
    tx.membership.deleteMany({ where: { userId: user?.id ?? "", teamId: options.teamId } }),
  ]);
  if (count === 0) throw new AppError("not_found", `${options.email} is not a member of this team`);
}
