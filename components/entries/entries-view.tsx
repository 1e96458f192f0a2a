"use client";

import { useCallback, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ProfileHistoryDialog } from "@/components/history/profile-history-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { CheckUrlBox } from "./check-url-box";
import { EntriesTable } from "./entries-table";
import { ExpiringSoonNotice } from "./expiring-soon-notice";
import type { ServerPage } from "./use-dnc-entries";

export function EntriesView({ firstPage }: { firstPage?: ServerPage }) {
  const { team } = useDashboard();
  /** The profile whose history is open, asked for by the check box or a row's menu. */
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  // Stable, so the table's columns (and the row menu a dialog returns focus to) are not remade when it opens.
  const showHistory = useCallback((entry: DncEntryDto) => setHistoryFor(entry.url), []);
  const canWrite = roleCan(team.role, "entries.write");
  return (
    <>
      <PageHeader
        title="Do Not Contact list"
        description={`Profiles ${team.name} must not contact. Campaign tools check every URL against this list.`}
      />
      <ExpiringSoonNotice team={team.slug} />
      <CheckUrlBox team={team.slug} onHistory={setHistoryFor} />
      <EntriesTable
        key={team.slug}
        team={team.slug}
        canWrite={canWrite}
        canRemoveProtected={roleCan(team.role, "entries.protected")}
        firstPage={firstPage}
        onShowHistory={showHistory}
      />
      <ProfileHistoryDialog
        team={team.slug}
        url={historyFor ?? ""}
        canWrite={canWrite}
        open={historyFor !== null}
        onOpenChange={(open) => !open && setHistoryFor(null)}
      />
    </>
  );
}
