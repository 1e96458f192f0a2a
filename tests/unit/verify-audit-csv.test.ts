import { describe, expect, it } from "vitest";
import { toCsv } from "@/components/api-client/csv";
import { AUDIT_CSV_COLUMNS, auditCsvRow } from "@/lib/audit/audit-csv";
import { type ChainedEvent, chainHash, GENESIS_HASH } from "@/lib/audit/chain";
import type { AuditEvent } from "@/lib/audit/schemas";
import { verifyAuditCsv } from "@/lib/audit/verify-audit-csv";

/** A chained trail as the API lists it: one event per client id given (null: a team or global-list event). */
function trail(clientIds: (string | null)[]): AuditEvent[] {
  let prevHash = GENESIS_HASH;
  return clientIds.map((clientId, index) => {
    const chained: ChainedEvent = {
      id: `evt_${index + 1}`,
      teamId: "team_a",
      sequence: index + 1,
      action: "client.created",
      actor: "owner@example.test",
      targetId: clientId,
      url: null,
      reason: null,
      requestId: null,
      undoes: null,
      source: null,
      sourceFile: null,
      clientId,
      createdAt: new Date(Date.UTC(2026, 11, 6, 12, index)).toISOString(),
    };
    const hash = chainHash(prevHash, chained);
    const event: AuditEvent = {
      ...chained,
      $id: chained.id,
      action: "client.created",
      clientId,
      $createdAt: chained.createdAt as string,
      sequence: index + 1,
      prevHash,
      hash,
    };
    prevHash = hash;
    return event;
  });
}

describe("verifyAuditCsv with clients", () => {
  it("verifies an export whose events carry client ids (hashed only when set)", () => {
    const events = trail([null, "cli_a", null, "cli_b"]);
    expect(verifyAuditCsv(toCsv(events.map(auditCsvRow), [...AUDIT_CSV_COLUMNS]))).toMatchObject({ ok: true, checked: 4 });
  });

  it("finds an edited client id", () => {
    const rows = trail([null, "cli_a"]).map(auditCsvRow);
    rows[1]!.client_id = "cli_b";
    expect(verifyAuditCsv(toCsv(rows, [...AUDIT_CSV_COLUMNS]))).toMatchObject({ ok: false, break: { eventId: "evt_2" } });
  });

  it("still verifies an export made before the client_id column existed", () => {
    const columns = AUDIT_CSV_COLUMNS.filter((column) => column !== "client_id");
    expect(verifyAuditCsv(toCsv(trail([null, null]).map(auditCsvRow), columns))).toMatchObject({ ok: true, checked: 2 });
  });
});
