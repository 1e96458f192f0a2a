import "server-only";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { type ChainedEvent, type ChainLink, chainHash } from "@/lib/audit/chain";
import { appendToChain } from "@/lib/audit/chain-head";
import { newAuditEventId } from "@/lib/ids";
import { connectDatabase, databaseProvider, type Db, Prisma } from "./index";

type Statement = Prisma.PrismaPromise<unknown>;

/**
 * Audit events to append to their team's hash chain. They become one INSERT only inside
 * `writeTransaction`, once the chain's head is known; its result there is the number of rows
 * inserted. `guard` makes a single event conditional on the change before it (`auditedChange`).
 */
class AuditAppend {
  readonly ids: string[];
  constructor(
    readonly events: AuditEventInput[],
    readonly at: Date,
    readonly guard: { kind: "none" } | { kind: "previous-changed" } | { kind: "cte"; change: Prisma.Sql },
  ) {
    this.ids = events.map((event) => event.id ?? newAuditEventId(at.getTime()));
  }

  get teamId() {
    return this.events[0]!.teamId;
  }

  private chained(index: number, sequence: number): ChainedEvent {
    const event = this.events[index]!;
    return {
      id: this.ids[index]!,
      teamId: event.teamId,
      sequence,
      action: event.action,
      actor: event.actor,
      targetId: event.targetId ?? null,
      url: event.url ?? null,
      reason: event.reason ?? null,
      requestId: event.requestId ?? null,
      undoes: event.undoes ?? null,
      source: event.source ?? null,
      sourceFile: event.sourceFile ?? null,
      createdAt: this.at,
    };
  }

  statement(db: Db, previous: ChainLink): { statement: Statement; link: ChainLink } {
    let link = previous;
    const rows = this.events.map((_, index) => {
      const event = this.chained(index, link.sequence + 1);
      const hash = chainHash(link.hash, event);
      const values = Prisma.sql`${event.id}, ${event.teamId}, ${event.action}, ${event.actor}, ${event.targetId}, ${event.url},
        ${event.reason}, ${event.requestId}, ${event.undoes}, ${event.source}, ${event.sourceFile}, ${this.at}, ${event.sequence}, ${link.hash}, ${hash}`;
      link = { sequence: event.sequence!, hash };
      return values;
    });
    const guard = this.guard;
    const statement =
      guard.kind === "cte"
        ? db.$executeRaw`WITH changed AS (${guard.change} RETURNING 1) INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${rows[0]} FROM changed`
        : guard.kind === "previous-changed"
          ? db.$executeRaw`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${rows[0]} WHERE changes() = 1`
          : db.$executeRaw`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${row})`))}`;
    return { statement, link };
  }
}

const AUDIT_COLUMNS = Prisma.raw(
  `"id", "teamId", "action", "actor", "targetId", "url", "reason", "requestId", "undoes", "source", "sourceFile", "createdAt", "sequence", "prevHash", "hash"`,
);

/** SQLite binds at most 999 parameters per statement: 60 audit rows of 15 columns stay below it. */
const AUDIT_ROWS_PER_STATEMENT = 60;

type WriteItem = Statement | AuditAppend;
type WriteResult<Item> = Item extends AuditAppend ? number : Item extends Prisma.PrismaPromise<infer Result> ? Result : never;

/**
 * The one way data changes: the statements `build` makes on the writer run as one batch
 * transaction, so they commit together or not at all. A batch, not an interactive transaction:
 * it is sent as a whole, never waits on application code while it holds the lock, and cannot be
 * left open by a request that fails half-way. A change and its audit row are always built into
 * the same batch (`auditedChange`, `auditRow`); audit rows are chained to their team's previous
 * event (lib/audit/chain-head.ts), and a conditional one (`auditedChange`) must be the batch's last.
 */
export async function writeTransaction<Items extends WriteItem[]>(
  build: (db: Db) => [...Items],
): Promise<{ [Index in keyof Items]: WriteResult<Items[Index]> }> {
  const { writer } = await connectDatabase();
  type Results = { [Index in keyof Items]: WriteResult<Items[Index]> };
  let firstBuild: WriteItem[] | undefined = build(writer);
  const teamId = firstBuild.find((item): item is AuditAppend => item instanceof AuditAppend)?.teamId;
  if (teamId === undefined) return (await writer.$transaction(firstBuild as Statement[])) as Results;

  return appendToChain(teamId, async (head) => {
    // A retry (the head moved) builds afresh: new audit ids, the same change.
    const items = firstBuild ?? build(writer);
    firstBuild = undefined;
    const appends = items.filter((item): item is AuditAppend => item instanceof AuditAppend);
    if (appends.some((append) => append.events.some((event) => event.teamId !== teamId))) {
      throw new Error("One write appends to one team's audit trail");
    }
    if (appends.slice(0, -1).some((append) => append.guard.kind !== "none")) throw new Error("A conditional audit row must be the last");

    let link = head;
    const linkBefore = new Map<AuditAppend, ChainLink>();
    const statements = items.map((item) => {
      if (!(item instanceof AuditAppend)) return item;
      linkBefore.set(item, link);
      const made = item.statement(writer, link);
      link = made.link;
      return made.statement;
    });
    const results = (await writer.$transaction(statements)) as unknown[];
    const last = appends.at(-1)!;
    const lastWritten = Number(results[items.indexOf(last)]) > 0;
    return { result: results as Results, head: lastWritten ? link : linkBefore.get(last)! };
  });
}

/**
 * Serialises changes to one team's members: a no-op update of the team row, which PostgreSQL keeps
 * locked until the transaction ends, so a check on the other members ("is there another owner?")
 * made by a later statement sees every concurrent change. SQLite has one writer at a time anyway.
 */
export function lockTeam(db: Db, teamId: string): Statement {
  return db.$executeRaw`UPDATE "Team" SET "slug" = "slug" WHERE "id" = ${teamId}`;
}

/** An audit row written unconditionally, beside the change it describes. */
export function auditRow(event: AuditEventInput, at = new Date()): AuditAppend {
  return new AuditAppend([event], at, { kind: "none" });
}

/** Many audit rows written unconditionally, in order, a few INSERTs of many rows each. */
export function auditRows(events: AuditEventInput[], at = new Date()): AuditAppend[] {
  return Array.from(
    { length: Math.ceil(events.length / AUDIT_ROWS_PER_STATEMENT) },
    (_, i) => new AuditAppend(events.slice(i * AUDIT_ROWS_PER_STATEMENT, (i + 1) * AUDIT_ROWS_PER_STATEMENT), at, { kind: "none" }),
  );
}

/**
 * One statement that changes at most one row, and its audit row if, and only if, it changed one:
 * a change that did not happen (a duplicate add, a delete that lost a race) leaves no record. The
 * first result is the number of rows changed.
 * - SQLite: the change, then `INSERT … WHERE changes() = 1` (the count of the statement just run on
 *   the same connection, inside the same transaction).
 * - PostgreSQL: one statement, the change as a CTE feeding the audit INSERT.
 */
export function auditedChange(db: Db, change: Prisma.Sql, event: AuditEventInput, at = new Date()): WriteItem[] {
  if (databaseProvider() === "postgresql") return [new AuditAppend([event], at, { kind: "cte", change })];
  return [db.$executeRaw(change), new AuditAppend([event], at, { kind: "previous-changed" })];
}

/** `auditedChange` run on its own: the number of rows the change changed (0 or 1). */
export async function changeWithAudit(change: Prisma.Sql, event: AuditEventInput, at = new Date()): Promise<number> {
  const [changed] = await writeTransaction((db) => auditedChange(db, change, event, at));
  return Number(changed);
}
