"use client";

import { useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ProfileHistoryDialog } from "@/components/history/profile-history-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { canWrite } from "@/lib/auth/team-selection";
import { CheckUrlBox } from "./check-url-box";
import { EntriesTable } from "./entries-table";
import type { ServerPage } from "./use-dnc-entries";

export function EntriesView({ firstPage }: { firstPage?: ServerPage }) {
  const { team } = useDashboard();
  /** The profile whose history is open, asked for by the check box or a row's menu. */
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Do Not Contact list"
        description={`Profiles ${team.name} must not contact. Campaign tools check every URL against this list.`}
      />
      <CheckUrlBox team={team.slug} onHistory={setHistoryFor} />
      <EntriesTable
        key={team.slug}
        team={team.slug}
        canWrite={canWrite(team.role)}
        firstPage={firstPage}
        onShowHistory={(entry) => setHistoryFor(entry.url)}
      />
      <ProfileHistoryDialog
        team={team.slug}
        url={historyFor ?? ""}
        open={historyFor !== null}
        onOpenChange={(open) => !open && setHistoryFor(null)}
      />
    </>
  );
}
