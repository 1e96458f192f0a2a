"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiCall, callApi } from "@/components/api-client/call-api";
import { toast } from "@/components/ui/toaster";
import { webhookContracts } from "@/lib/contracts/webhooks";
import type { WebhookEventType } from "@/lib/webhooks/events";

export const webhooksKey = (team: string) => ["webhooks", team] as const;
const deliveriesKey = (team: string, id: string) => ["webhooks", team, id, "deliveries"] as const;

/** The team's endpoints; only owners and admins may read them, hence `enabled`. */
export function useWebhooks(team: string, enabled: boolean) {
  return useQuery({
    queryKey: webhooksKey(team),
    queryFn: ({ signal }) => callApi(webhookContracts.listWebhooks, { team, signal }),
    enabled,
  });
}

/** One endpoint's delivery log, refreshed while deliveries are pending. */
export function useDeliveries(team: string, id: string) {
  return useQuery({
    queryKey: deliveriesKey(team, id),
    queryFn: ({ signal }) => callApi(webhookContracts.listDeliveries, { params: { id }, team, signal }),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending") ? 2_000 : false),
  });
}

/** Registers an endpoint; its signing secret is in this answer only. */
export function useCreateWebhook(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiCall<typeof webhookContracts.createWebhook>["body"]) => callApi(webhookContracts.createWebhook, { team, body }),
    onSuccess: (created) => toast.success(`Webhook to ${created.url} registered.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(team) }),
  });
}

export function useUpdateWebhook(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; enabled?: boolean; events?: WebhookEventType[] }) =>
      callApi(webhookContracts.updateWebhook, { params: { id }, team, body: change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(team) }),
  });
}

export function useDeleteWebhook(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(webhookContracts.deleteWebhook, { params: { id }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(team) }),
  });
}

export function useResendDelivery(team: string, endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => callApi(webhookContracts.resendDelivery, { params: { id: endpointId, deliveryId }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(team, endpointId) }),
  });
}
