import "server-only";
import { type Db, getDb } from "@/lib/db";
import { ChainWalker, type ChainVerdict, describeVerdict } from "./chain";
import { prepareChain } from "./chain-head";
import type { ChainVerdictResult } from "./schemas";

const PAGE = 2000;

/**
 * Checks a team's whole audit trail against its hash chain (a trail that predates the chain is
 * sealed first; see chain-head.ts).
 */
export async function verifyTeamChain(teamId: string): Promise<ChainVerdict> {
  await prepareChain(teamId);
  return walkTeamChain(await getDb(), teamId);
}

/**
 * Reads a team's chain in sequence order, a page at a time, then looks for rows outside the chain
 * (inserted directly, without a sequence number). Only reads: also used on backup copies.
 */
export async function walkTeamChain(db: Db, teamId: string): Promise<ChainVerdict> {
  const walker = new ChainWalker();
  for (let after = 0; ;) {
    const rows = await db.auditEvent.findMany({
      where: { teamId, sequence: { gt: after } },
      orderBy: { sequence: "asc" },
      take: PAGE,
    });
    for (const row of rows) if (!walker.add(row)) return walker.verdict();
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.sequence!;
  }
  const outside = await db.auditEvent.findFirst({ where: { teamId, sequence: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (outside) walker.addUnchained(outside);
  return walker.verdict();
}

export function verdictResult(verdict: ChainVerdict): ChainVerdictResult {
  const message = describeVerdict(verdict);
  return verdict.ok
    ? { ok: true, checked: verdict.checked, head: verdict.head, message }
    : { ok: false, checked: verdict.checked, break: verdict.break, message };
}
