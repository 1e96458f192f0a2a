import "server-only";
import { type AuditEvent, connectDatabase, databaseProvider, type Db, Prisma } from "./index";
import { changeAndAuditRows, insertDeliveries } from "./statements";

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
  /**
   * The client whose list the change was on, or the client the event is about (absent: the global
   * list, or a team event); a client-bound key reads only its own client's events and the unmarked ones.
   */
  clientId?: string;
};

/** The head of a team's chain: its last event's sequence number and hash. */
export type ChainLink = { sequence: number; hash: string };

/**
 * A team's audit trail as a write needs it (lib/audit/chain-head.ts is the one there is).
 * - `append` runs `write` with the team's head, one write per team at a time; `write` commits and
 *   returns the new head. When another process moved the chain (`isConflict`) it calls `write`
 *   again with the new head.
 * - `link` turns events into the rows that continue the chain from a head.
 */
export type AuditChain<Event extends NewAuditEvent> = {
  append<Result>(teamId: string, write: (head: ChainLink) => Promise<{ result: Result; head: ChainLink }>): Promise<Result>;
  link(head: ChainLink, events: Event[], at: Date): AuditEvent[];
  isConflict(error: unknown): boolean;
};

/** Webhook deliveries of a write's first event, as lib/webhooks/outbox.ts describes them. */
export type Deliveries = { type: string; eventPattern: string; payload: string };

type Statement = Prisma.PrismaPromise<unknown>;

export type AuditedWrite<Event extends NewAuditEvent, Before extends Statement[]> = {
  teamId: string;
  /** With a `change`, the events that describe it, the change itself first; all are written only if it happened. */
  events: Event[];
  /** Statements that run first, whatever the change does; their results come back as `before`. */
  before?: (db: Db) => [...Before];
  /**
   * One statement that changes at most one row. When given, the events and their deliveries are
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
 *
 * Group commit: writes to one team that arrive while the team's previous write commits wait for it
 * together and then commit as one transaction (one fsync instead of one each, some 40 % of a
 * write's time on SQLite with synchronous=FULL). In such a group every change must happen (a
 * conditional audit row missing from the middle would leave a gap in the chain); if any does not,
 * or any statement fails, the group rolls back and its writes are committed one by one.
 */
export function auditedWrite<Event extends NewAuditEvent, Before extends Statement[] = []>(
  chain: AuditChain<Event>,
  write: AuditedWrite<Event, Before>,
): Promise<AuditedWriteResult<Before>> {
  if (write.events.length === 0) throw new Error("An audited write has at least one event");
  if (write.events.some((event) => event.teamId !== write.teamId)) throw new Error("One write appends to one team's audit trail");
  return new Promise((resolve, reject) => {
    const pending = { write, at: write.at ?? new Date(), resolve, reject } as Pending;
    const waiting = waitingGroups.get(write.teamId);
    if (waiting) return void waiting.push(pending);
    const group = [pending];
    waitingGroups.set(write.teamId, group);
    chain
      .append(write.teamId, (head) => {
        // The group closes when its turn comes: later writes wait for the next one.
        if (waitingGroups.get(write.teamId) === group) waitingGroups.delete(write.teamId);
        return commitGroup(chain as AuditChain<NewAuditEvent>, group, head);
      })
      .catch((error: unknown) => group.splice(0).forEach((member) => member.reject(error)));
  });
}

type Pending = {
  write: AuditedWrite<NewAuditEvent, Statement[]>;
  at: Date;
  resolve: (result: AuditedWriteResult<Statement[]>) => void;
  reject: (error: unknown) => void;
};

/** Per team, the writes waiting for the team's current write to commit. */
const waitingGroups = new Map<string, Pending[]>();

/** Commits the group from `head`, together if it can, else one by one; settles (and removes) each write as it commits. */
async function commitGroup(
  chain: AuditChain<NewAuditEvent>,
  group: Pending[],
  head: ChainLink,
): Promise<{ result: void; head: ChainLink }> {
  const { writer } = await connectDatabase();
  const provider = databaseProvider();
  if (group.length > 1) {
    let link = head;
    const units = group.map((pending) => {
      const unit = buildUnit(writer, provider, pending, chain.link(link, pending.write.events, pending.at), true);
      link = unit.head;
      return unit;
    });
    const together = await writer.$transaction(units.flatMap((unit) => unit.statements)).catch(() => null);
    if (together) {
      let offset = 0;
      for (const [index, pending] of group.splice(0).entries()) {
        const unit = units[index]!;
        pending.resolve(unit.read(together.slice(offset, offset + unit.statements.length)));
        offset += unit.statements.length;
      }
      return { result: undefined, head: link };
    }
  }
  let link = head;
  while (group.length > 0) {
    const pending = group[0]!;
    const unit = buildUnit(writer, provider, pending, chain.link(link, pending.write.events, pending.at), false);
    let results: unknown[];
    try {
      results = await writer.$transaction(unit.statements);
    } catch (error) {
      // The chain moved under us: the chain tries the rest again from its new head.
      if (chain.isConflict(error)) throw error;
      group.shift()!.reject(error);
      continue;
    }
    const result = unit.read(results);
    group.shift()!.resolve(result);
    if (result.changed > 0) link = unit.head;
  }
  return { result: undefined, head: link };
}

/** One write's statements, and how to read its result from theirs. */
function buildUnit(writer: Db, provider: "sqlite" | "postgresql", pending: Pending, rows: AuditEvent[], strict: boolean) {
  const { write, at } = pending;
  const before = write.before?.(writer) ?? [];
  const audit = write.change
    ? changeAndAuditRows(writer, provider, write.change, rows as [AuditEvent, ...AuditEvent[]], strict)
    : [writer.auditEvent.createMany({ data: rows })];
  const deliveries = write.deliveries
    ? [insertDeliveries(writer, { ...write.deliveries, teamId: write.teamId, eventId: rows[0]!.id, at })]
    : [];
  const last = rows.at(-1)!;
  return {
    statements: [...before, ...audit, ...deliveries, ...(write.after?.(writer) ?? [])],
    head: { sequence: last.sequence!, hash: last.hash! },
    read(results: unknown[]): AuditedWriteResult<Statement[]> {
      const changed = write.change ? Number(results[before.length]) : rows.length;
      return {
        changed,
        eventIds: changed > 0 ? rows.map((row) => row.id) : [],
        deliveriesQueued: deliveries.length > 0 ? Number(results[before.length + audit.length]) : 0,
        before: results.slice(0, before.length),
      };
    },
  };
}
