"use client";

import { useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ProfileHistoryDialog } from "@/components/history/profile-history-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { canWrite } from "@/lib/auth/team-selection";
import type { ListEntriesResult } from "@/lib/dnc/schemas";
import { CheckUrlBox } from "./check-url-box";
import { EntriesTable } from "./entries-table";

export function EntriesView({ firstPage }: { firstPage?: ListEntriesResult }) {
  const { team } = useDashboard();
  /** The profile whose history is open, asked for by the check box or a row. */
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Do Not Contact list"
        description={`Profiles ${team.name} must not contact. Campaign tools check every URL against this list.`}
      />
      <CheckUrlBox team={team.slug} onHistory={setHistoryFor} />
      <EntriesTable key={team.slug} team={team.slug} canWrite={canWrite(team.role)} firstPage={firstPage} onHistory={setHistoryFor} />
      <ProfileHistoryDialog
        team={team.slug}
        url={historyFor ?? ""}
        open={historyFor !== null}
        onOpenChange={(open) => !open && setHistoryFor(null)}
      />
    </>
  );
}
