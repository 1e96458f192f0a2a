"use client";

import { GLOBAL_LIST_LABEL } from "@/components/clients/client-select";
import { useClientNames } from "@/components/clients/use-clients";
import { useDashboard } from "@/components/dashboard/dashboard-context";

/** The list an entry is on, by name: reading the names here keeps the table's columns from being remade when they load. */
export function ClientName({ clientId }: { clientId: string | undefined }) {
  const { team } = useDashboard();
  const names = useClientNames(team.slug);
  const name = clientId === undefined ? GLOBAL_LIST_LABEL : (names.get(clientId) ?? clientId);
  return (
    <span className="block truncate text-muted-foreground" title={name}>
      {name}
    </span>
  );
}
