"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiCall, callApi } from "@/components/api-client/call-api";
import { toast } from "@/components/ui/toaster";
import { apiKeyContracts } from "@/lib/contracts/api-keys";

export const apiKeysKey = (team: string) => ["api-keys", team] as const;

/** The team's keys, revoked ones included; only owners and admins may read them, hence `enabled`. */
export function useApiKeys(team: string, enabled: boolean) {
  return useQuery({
    queryKey: apiKeysKey(team),
    queryFn: ({ signal }) => callApi(apiKeyContracts.listApiKeys, { team, signal }),
    enabled,
  });
}

/** Creates a key; its secret is in this answer only. */
export function useCreateApiKey(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiCall<typeof apiKeyContracts.createApiKey>["body"]) => callApi(apiKeyContracts.createApiKey, { team, body }),
    onSuccess: (created) => toast.success(`API key “${created.name}” created.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(team) }),
  });
}

export function useRevokeApiKey(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(apiKeyContracts.revokeApiKey, { params: { id }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(team) }),
  });
}
