import "server-only";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { newTeamId } from "@/lib/ids";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export async function createTeam(options: { name: string; slug: string }) {
  if (!SLUG.test(options.slug)) {
    throw new AppError("invalid_body", "slug must be 1–40 lower-case letters, digits or inner hyphens");
  }
  const [team] = await writeTransaction((db) => [db.team.create({ data: { id: newTeamId(), name: options.name, slug: options.slug } })]);
  return team;
}

export async function findTeamBySlug(slug: string) {
  const db = await getDb();
  const team = await db.team.findUnique({ where: { slug } });
  if (!team) throw new AppError("not_found", `No team with slug "${slug}"`);
  return team;
}
