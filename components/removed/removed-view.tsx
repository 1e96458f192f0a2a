"use client";

import { useDashboard } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/ui/page-header";
import { roleCan } from "@/lib/auth/permissions";
import { RemovedTable } from "./removed-table";

export function RemovedView() {
  const { team } = useDashboard();
  return (
    <>
      <PageHeader
        title="Recently removed"
        description="Entries taken off the list, most recently removed first. Until the date shown, each can be restored as it was: the same id, added date, author and note."
      />
      <RemovedTable key={team.slug} team={team.slug} canWrite={roleCan(team.role, "entries.restore")} />
    </>
  );
}
