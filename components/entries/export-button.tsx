"use client";

import { useState } from "react";
import { useClientNames } from "@/components/clients/use-clients";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { errorMessage } from "@/components/api-client/call-api";
import { dated, downloadCsv } from "@/components/api-client/csv";
import { type EntriesFilter, isFiltered } from "./entries-url-state";
import { fetchAllEntries } from "./use-dnc-entries";
import { formatCountdown, formatNumber } from "@/lib/format";

/** Downloads every entry the search and filters match (not just the page on screen) as CSV, reading a thousand at a time. */
export function ExportButton({ team, filter }: { team: string; filter: EntriesFilter }) {
  const [progress, setProgress] = useState<string | null>(null);
  const clientNames = useClientNames(team);

  async function onExport() {
    setProgress("Exporting…");
    try {
      const entries = await fetchAllEntries({
        team,
        filter,
        onProgress: (loaded, total) => setProgress(`Exporting ${formatNumber(loaded)} of ${formatNumber(total)}…`),
        onWait: (ms) => setProgress(`Waiting for the rate limit — ${formatCountdown(ms)}`),
      });
      downloadCsv(
        dated(`dnc-${team}`),
        entries.map((e) => ({
          url: e.url,
          created_at: e.$createdAt,
          id: e.$id,
          aliases: e.aliases?.join(" ") ?? "",
          kind: e.kind ?? "profile",
          include_subdomains: e.kind === "domain" ? String(e.includeSubdomains === true) : "",
          category: e.category ?? "opt_out",
          received_at: e.receivedAt ?? "",
          late: String(e.late === true),
          expires_at: e.expiresAt ?? "",
          // The client's name, as people know it; empty for the global list.
          client: e.clientId ? (clientNames.get(e.clientId) ?? e.clientId) : "",
        })),
        ["url", "created_at", "id", "aliases", "kind", "include_subdomains", "category", "received_at", "late", "expires_at", "client"],
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
      <Button
        onClick={onExport}
        title={isFiltered(filter) ? "Exports the entries the search and filters match" : "Exports the whole list"}
        disabled={progress !== null}
      >
        Export CSV
      </Button>
    </div>
  );
}
