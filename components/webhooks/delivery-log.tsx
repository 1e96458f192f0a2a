"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { createDeliveryColumns } from "./columns";
import { useDeliveries, useResendDelivery } from "./use-webhooks";

/** The latest deliveries to one endpoint, with a Resend for each. */
export function DeliveryLog({ team, endpoint }: { team: string; endpoint: WebhookEndpointDto }) {
  const query = useDeliveries(team, endpoint.id);
  const { mutate: resend } = useResendDelivery(team, endpoint.id);
  const columns = useMemo(
    () =>
      createDeliveryColumns({
        onResend: (delivery: WebhookDeliveryDto) =>
          resend(delivery.id, {
            onSuccess: () => toast.success(`The ${delivery.type} event is being sent again.`),
            onError: (error) => toast.error(`Could not resend: ${errorMessage(error)}`),
          }),
      }),
    [resend],
  );
  const table = useDataTable({
    data: query.data?.deliveries ?? [],
    columns,
    getRowId: (delivery) => delivery.id,
  });
  return (
    <section aria-labelledby="delivery-log-title" className="mt-8">
      <h2 id="delivery-log-title" className="mb-3 text-base font-semibold text-foreground">
        Deliveries to <span className="font-mono text-[13px] break-all">{endpoint.url}</span>
      </h2>
      <DataTable
        table={table}
        label={`Deliveries to ${endpoint.url}`}
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the deliveries: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty="No deliveries yet: changes to the list will appear here."
        skeletonRows={3}
      />
    </section>
  );
}
