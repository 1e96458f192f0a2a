"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/api-fetch";
import type { WebhookEventType } from "@/lib/webhooks/events";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/webhooks/schemas";

export const webhooksKey = (team: string) => ["webhooks", team] as const;
const deliveriesKey = (team: string, id: string) => ["webhooks", team, id, "deliveries"] as const;

/** The team's endpoints; only owners and admins may read them, hence `enabled`. */
export function useWebhooks(team: string, enabled: boolean) {
  return useQuery({
    queryKey: webhooksKey(team),
    queryFn: ({ signal }) => apiFetch<{ webhooks: WebhookEndpointDto[] }>("/api/v1/webhooks", { team, signal }),
    enabled,
  });
}

/** One endpoint's delivery log, refreshed while deliveries are pending. */
export function useDeliveries(team: string, id: string) {
  return useQuery({
    queryKey: deliveriesKey(team, id),
    queryFn: ({ signal }) =>
      apiFetch<{ deliveries: WebhookDeliveryDto[] }>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`, { team, signal }),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending") ? 2_000 : false),
  });
}

export function useUpdateWebhook(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; enabled?: boolean; events?: WebhookEventType[] }) =>
      apiFetch<WebhookEndpointDto>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: "PATCH", team, body: change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(team) }),
  });
}

export function useDeleteWebhook(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: "DELETE", team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(team) }),
  });
}

export function useResendDelivery(team: string, endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiFetch<WebhookDeliveryDto>(
        `/api/v1/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/resend`,
        { method: "POST", team },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(team, endpointId) }),
  });
}
