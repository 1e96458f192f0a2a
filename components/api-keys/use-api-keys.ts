"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/components/api-client/call-api";
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

export function useRevokeApiKey(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(apiKeyContracts.revokeApiKey, { params: { id }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(team) }),
  });
}
