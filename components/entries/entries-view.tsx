"use client";

import { useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/ui/page-header";
import { canWrite } from "@/lib/auth/team-selection";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { CheckUrlBox } from "./check-url-box";
import { EntriesTable } from "./entries-table";
import type { ServerPage } from "./use-dnc-entries";

export function EntriesView({ firstPage }: { firstPage?: ServerPage }) {
  const { team } = useDashboard();
  /** The entry whose history a row's menu asked for; null while none is open. Read by the history dialog below once it lands (hence the underscore). */
  const [_historyFor, setHistoryFor] = useState<DncEntryDto | null>(null);
  return (
    <>
      <PageHeader
        title="Do Not Contact list"
        description={`Profiles ${team.name} must not contact. Campaign tools check every URL against this list.`}
      />
      <CheckUrlBox team={team.slug} />
      <EntriesTable key={team.slug} team={team.slug} canWrite={canWrite(team.role)} firstPage={firstPage} onShowHistory={setHistoryFor} />
      {/* History slot: ProfileHistoryDialog (components/history) renders here, open while `historyFor` is set, closing with setHistoryFor(null). */}
    </>
  );
}
