"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { errorMessage } from "@/lib/api-client/api-fetch";
import { dated, downloadCsv } from "@/lib/api-client/csv";
import { fetchAllEntries } from "./use-dnc-entries";
import { formatCountdown, formatNumber } from "@/lib/format";

/** Downloads the whole list (not just the page on screen) as CSV, reading it a thousand at a time. */
export function ExportButton({ team }: { team: string }) {
  const [progress, setProgress] = useState<string | null>(null);

  async function onExport() {
    setProgress("Exporting…");
    try {
      const entries = await fetchAllEntries({
        team,
        q: "",
        onProgress: (loaded, total) => setProgress(`Exporting ${formatNumber(loaded)} of ${formatNumber(total)}…`),
        onWait: (ms) => setProgress(`Waiting for the rate limit — ${formatCountdown(ms)}`),
      });
      downloadCsv(
        dated(`dnc-${team}`),
        entries.map((e) => ({ url: e.url, created_at: e.$createdAt, id: e.$id })),
        ["url", "created_at", "id"],
      );
    } catch (error) {
      toast.error(`Export failed: ${errorMessage(error)}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {progress ? (
        <span role="status" className="text-xs text-muted-foreground">
          {progress}
        </span>
      ) : null}
      <Button onClick={onExport} disabled={progress !== null}>
        Export CSV
      </Button>
    </div>
  );
}
