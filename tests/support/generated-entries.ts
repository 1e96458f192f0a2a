import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db";

/**
 * A statement that inserts `count` entries generated inside SQLite (one round trip for 100,000
 * rows, where one insert per row through the domain would take minutes), for test and benchmark
 * fixtures. URLs are `https://linkedin.com/in/<slugPrefix><i>` (i zero-padded to 6 digits), created
 * `stepMs` apart from `firstCreatedAt` on, stored in the form the adapter writes (`…+00:00`).
 * Sources take turns from `sources` (default: all `import`).
 */
export function insertGeneratedEntries(
  db: Db,
  options: {
    teamId: string;
    count: number;
    slugPrefix: string;
    firstCreatedAt: number;
    stepMs: number;
    createdBy: string;
    sources?: string[];
  },
) {
  const sources = options.sources ?? ["import"];
  const source = Prisma.sql`CASE "i" % ${sources.length} ${Prisma.join(
    sources.map((name, index) => Prisma.sql`WHEN ${index} THEN ${name}`),
    " ",
  )} END`;
  const time = Prisma.sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', (${options.firstCreatedAt} + "i" * ${options.stepMs}) / 1000.0, 'unixepoch')`;
  return db.$executeRaw`
    WITH RECURSIVE "n" ("i") AS (SELECT 0 UNION ALL SELECT "i" + 1 FROM "n" WHERE "i" < ${options.count - 1})
    INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source")
    SELECT 'dnc_' || substr(lower(hex(randomblob(10))), 1, 20), ${options.teamId},
      'https://linkedin.com/in/' || ${options.slugPrefix} || substr('000000' || "i", -6), ${time}, ${time}, ${options.createdBy}, ${source}
    FROM "n"`;
}
