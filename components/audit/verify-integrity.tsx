"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/api-client/call-api";
import type { ChainVerdictResult } from "@/lib/audit/schemas";
import { formatNumber } from "@/lib/format";
import { useVerifyAuditChain } from "./use-audit-events";

/** Enough of a SHA-256 to compare by eye with an export or `npm run audit -- verify`; the whole hash is in the tooltip. */
const SHOWN_HASH_CHARS = 12;

/** Checks the trail against its hash chain; the verdict goes to a live region that exists before it is filled, so it is read out. */
export function VerifyIntegrity({ team }: { team: string }) {
  const verify = useVerifyAuditChain(team);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify integrity"}
      </Button>
      <div role="status" aria-label="Audit integrity" className="text-sm">
        {verify.isError ? (
          <p className="text-danger-text">Could not verify the audit log: {errorMessage(verify.error)}</p>
        ) : verify.data ? (
          <Verdict verdict={verify.data} />
        ) : null}
      </div>
    </div>
  );
}

function Verdict({ verdict }: { verdict: ChainVerdictResult }) {
  if (verdict.ok) {
    return (
      <p className="text-success-text">
        Verified: {formatNumber(verdict.checked)} events, chain intact
        {verdict.head ? (
          <>
            {" "}
            (head #{verdict.head.sequence},{" "}
            <code title={verdict.head.hash} className="font-mono text-[13px]">
              {verdict.head.hash.slice(0, SHOWN_HASH_CHARS)}…
            </code>
            )
          </>
        ) : null}
      </p>
    );
  }
  const at = verdict.break;
  return (
    <p className="font-medium text-danger-text">
      {at ? `Chain broken at event ${at.eventId}${at.sequence === null ? "" : ` (#${at.sequence})`}: ${at.problem}.` : verdict.message}{" "}
      {formatNumber(verdict.checked)} events before it verified.
    </p>
  );
}
