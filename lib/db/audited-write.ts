import "server-only";
import { type AuditEvent, connectDatabase, databaseProvider, type Db, Prisma } from "./index";
import { changeAndAuditRow, insertDeliveries } from "./statements";

/** An event as a change describes it; the chain gives it its time, its place and, unless named, its id. */
export type NewAuditEvent = {
  /** Named by the write when another of its statements must refer to it (a removal names its event) */
  id?: string;
  teamId: string;
  action: string;
  actor: string;
  targetId?: string;
  url?: string;
  reason?: string;
  requestId?: string;
  undoes?: string;
  source?: string;
  sourceFile?: string;
};

/**
 * A team's audit trail as a write needs it (lib/audit/chain-head.ts is the one there is): `append`
 * turns the events into rows that continue the team's chain and has `commit` write them, one append
 * per team at a time; `written: false` (a conditional change that did not happen) leaves the chain
 * where it was. It may call `commit` again with fresh rows when another process moved the chain.
 */
export type AuditChain<Event extends NewAuditEvent> = {
  append<Result>(
    teamId: string,
    events: Event[],
    at: Date,
    commit: (rows: AuditEvent[]) => Promise<{ result: Result; written: boolean }>,
  ): Promise<Result>;
};

/** Webhook deliveries of a write's first event, as lib/webhooks/outbox.ts describes them. */
export type Deliveries = { type: string; eventPattern: string; payload: string };

type Statement = Prisma.PrismaPromise<unknown>;

export type AuditedWrite<Event extends NewAuditEvent, Before extends Statement[]> = {
  teamId: string;
  /** With a `change`, exactly one event: the one that describes it. */
  events: Event[];
  /** Statements that run first, whatever the change does; their results come back as `before`. */
  before?: (db: Db) => [...Before];
  /**
   * One statement that changes at most one row. When given, the event and its deliveries are
   * written only if it changed one: a duplicate add or a delete that lost a race leaves no record.
   */
  change?: Prisma.Sql;
  /** Webhook deliveries of the first event, written only if it was. */
  deliveries?: Deliveries;
  /** Statements that run last; they can read the change back (to guard themselves on it). */
  after?: (db: Db) => Statement[];
  at?: Date;
};

export type AuditedWriteResult<Before extends Statement[]> = {
  /** With a `change`, the rows it changed (0 or 1); without one, the number of events written. */
  changed: number;
  /** The ids of the events, as written (empty when a `change` changed nothing). */
  eventIds: string[];
  /** Webhook deliveries written: when 0 (no subscribed endpoint) there is nothing to wake a worker for. */
  deliveriesQueued: number;
  before: { [Index in keyof Before]: Before[Index] extends Prisma.PrismaPromise<infer Result> ? Result : never };
};

/**
 * The one unit of work for a change and its audit trail: `before`, the change, its audit rows
 * chained to the team's trail, the webhook deliveries and `after` run as one batch transaction on
 * the writer, so they commit together or not at all. A batch, never an interactive transaction: it
 * is sent whole, never waits on application code while it holds the lock, and cannot be left open by
 * a request that fails half-way. `changed` means the same on SQLite and PostgreSQL.
 */
export async function auditedWrite<Event extends NewAuditEvent, Before extends Statement[] = []>(
  chain: AuditChain<Event>,
  write: AuditedWrite<Event, Before>,
): Promise<AuditedWriteResult<Before>> {
  if (write.events.length === 0) throw new Error("An audited write has at least one event");
  if (write.events.some((event) => event.teamId !== write.teamId)) throw new Error("One write appends to one team's audit trail");
  if (write.change && write.events.length !== 1) throw new Error("A conditional change is described by exactly one event");
  const { writer } = await connectDatabase();
  const provider = databaseProvider();
  const at = write.at ?? new Date();

  return chain.append(write.teamId, write.events, at, async (rows) => {
    const before = write.before?.(writer) ?? [];
    const audit = write.change
      ? changeAndAuditRow(writer, provider, write.change, rows[0]!)
      : [writer.auditEvent.createMany({ data: rows })];
    const deliveries = write.deliveries
      ? [insertDeliveries(writer, { ...write.deliveries, teamId: write.teamId, eventId: rows[0]!.id, at })]
      : [];
    const results = await writer.$transaction([...before, ...audit, ...deliveries, ...(write.after?.(writer) ?? [])]);
    const changed = write.change ? Number(results[before.length]) : rows.length;
    return {
      result: {
        changed,
        eventIds: changed > 0 ? rows.map((row) => row.id) : [],
        deliveriesQueued: deliveries.length > 0 ? Number(results[before.length + audit.length]) : 0,
        before: results.slice(0, before.length) as AuditedWriteResult<Before>["before"],
      },
      written: changed > 0,
    };
  });
}
