"use client";

import { useDashboard } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/ui/page-header";
import { canWrite } from "@/lib/auth/team-selection";
import type { ListEntriesResult } from "@/lib/dnc/schemas";
import { CheckUrlBox } from "./check-url-box";
import { EntriesTable } from "./entries-table";

export function EntriesView({ firstPage }: { firstPage?: ListEntriesResult }) {
  const { team } = useDashboard();
  return (
    <>
      <PageHeader
        title="Do Not Contact list"
        description={`Profiles ${team.name} must not contact. Campaign tools check every URL against this list.`}
      />
      <CheckUrlBox team={team.slug} />
      <EntriesTable key={team.slug} team={team.slug} canWrite={canWrite(team.role)} firstPage={firstPage} />
    </>
  );
}
