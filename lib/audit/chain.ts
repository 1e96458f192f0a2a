import { createHash } from "node:crypto";

/**
 * The team's audit trail as a hash chain: event n stores the hash of event n−1 (`prevHash`) and its
 * own `hash` = SHA-256(prevHash + "\n" + canonical content). Editing, deleting or inserting a row
 * outside the app breaks the chain at that row, and `verifyChain` names it. Pure code: the writer
 * (lib/audit/chain-head.ts), the CLI, the API and the CSV check all hash the same way.
 */

export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers: everything it says, in a fixed order. */
export type ChainedEvent = {
  id: string;
  teamId: string;
  sequence: number | null;
  action: string;
  actor: string;
  targetId: string | null;
  url: string | null;
  reason: string | null;
  requestId: string | null;
  undoes: string | null;
  source: string | null;
  sourceFile: string | null;
  /** Hashed only when set, so the events written before clients existed keep their hashes */
  clientId?: string | null;
  createdAt: Date | string;
};

export type StoredChainedEvent = ChainedEvent & { prevHash: string | null; hash: string | null };

export type ChainLink = { sequence: number; hash: string };

export const EMPTY_CHAIN: ChainLink = { sequence: 0, hash: GENESIS_HASH };

function canonicalContent(event: ChainedEvent): string {
  const createdAt = typeof event.createdAt === "string" ? new Date(event.createdAt) : event.createdAt;
  return JSON.stringify([
    event.id,
    event.teamId,
    event.sequence,
    event.action,
    event.actor,
    event.targetId,
    event.url,
    event.reason,
    event.requestId,
    event.undoes,
    event.source,
    event.sourceFile,
    createdAt.toISOString(),
    ...(event.clientId ? [event.clientId] : []),
  ]);
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalContent(event)}`)
    .digest("hex");
}

export type ChainBreak = { eventId: string; sequence: number | null; problem: string };

export type ChainVerdict = { ok: true; checked: number; head: ChainLink } | { ok: false; checked: number; break: ChainBreak };

/**
 * Walks a team's events in sequence order and stops at the first that does not follow from the
 * one before: a gap in the sequence (an event deleted), a `prevHash` that is not the previous
 * event's hash (an event replaced or inserted), or a hash that does not match the content (an event
 * edited). `checked` counts the events that verified before the break.
 */
export class ChainWalker {
  private link: ChainLink = EMPTY_CHAIN;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** Feeds the next event; false once the chain is broken (the rest need not be read). */
  add(event: StoredChainedEvent): boolean {
    if (this.broken) return false;
    const expected = this.link.sequence + 1;
    const at = { eventId: event.id, sequence: event.sequence };
    if (event.sequence === null || event.hash === null || event.prevHash === null) {
      this.broken = { ...at, problem: "it is not part of the chain: it was written outside the app" };
    } else if (event.sequence !== expected) {
      this.broken = {
        ...at,
        problem:
          event.sequence > expected
            ? `event${event.sequence - expected > 1 ? "s" : ""} ${describeRange(expected, event.sequence - 1)} before it ${event.sequence - expected > 1 ? "are" : "is"} missing (deleted)`
            : `its sequence number ${event.sequence} repeats or goes back`,
      };
    } else if (event.prevHash !== this.link.hash) {
      this.broken = { ...at, problem: "it does not link to the event before it (an event was replaced or inserted)" };
    } else if (chainHash(event.prevHash, event) !== event.hash) {
      this.broken = { ...at, problem: "its content does not match its hash (it was edited)" };
    } else {
      this.link = { sequence: event.sequence, hash: event.hash };
      this.checked += 1;
      return true;
    }
    return false;
  }

  /** An event found outside the sequence (no sequence number) breaks a chain that was otherwise whole. */
  addUnchained(event: { id: string }) {
    this.broken ??= { eventId: event.id, sequence: null, problem: "it is not part of the chain: it was written outside the app" };
  }

  verdict(): ChainVerdict {
    return this.broken ? { ok: false, checked: this.checked, break: this.broken } : { ok: true, checked: this.checked, head: this.link };
  }
}

function describeRange(from: number, to: number) {
  return from === to ? `#${from}` : `#${from}–#${to}`;
}

/** One line for people: what the CLI prints and the dashboard shows. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok)
    return `OK: ${verdict.checked} event${verdict.checked === 1 ? "" : "s"} checked, head #${verdict.head.sequence} ${verdict.head.hash}`;
  const { eventId, sequence, problem } = verdict.break;
  return `BROKEN at event ${eventId}${sequence === null ? "" : ` (#${sequence})`}: ${problem}. ${verdict.checked} event${verdict.checked === 1 ? "" : "s"} before it verified.`;
}
