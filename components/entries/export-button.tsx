"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { clientsQuery } from "@/components/clients/use-clients";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { errorMessage } from "@/components/api-client/call-api";
import { dated, downloadCsv } from "@/components/api-client/csv";
import { ENTRIES_CSV_COLUMNS, entriesCsvRows, exportFileStem } from "./entries-csv";
import { type EntriesFilter, isFiltered } from "./entries-url-state";
import { fetchAllEntries } from "./use-dnc-entries";
import { formatCountdown, formatNumber } from "@/lib/format";

/** Downloads every entry the search and filters match (not just the page on screen) as CSV, reading a thousand at a time. */
export function ExportButton({ team, filter }: { team: string; filter: EntriesFilter }) {
  const [progress, setProgress] = useState<string | null>(null);
  const queryClient = useQueryClient();

  async function onExport() {
    setProgress("Exporting…");
    try {
      const entries = await fetchAllEntries({
        team,
        filter,
        onProgress: (loaded, total) => setProgress(`Exporting ${formatNumber(loaded)} of ${formatNumber(total)}…`),
        onWait: (ms) => setProgress(`Waiting for the rate limit — ${formatCountdown(ms)}`),
      });
      // Read now, not from the last render: an export started before the clients arrived would name them by id.
      const { clients } = await queryClient.ensureQueryData(clientsQuery(team));
      const clientNames = new Map(clients.map((client) => [client.id, client.name]));
      downloadCsv(dated(`entries-${exportFileStem(team, filter, clientNames)}`), entriesCsvRows(entries, clientNames), ENTRIES_CSV_COLUMNS);
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
