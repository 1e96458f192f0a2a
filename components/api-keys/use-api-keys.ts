"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/api-fetch";
import type { ListApiKeysResult } from "@/lib/api-keys/schemas";

export const apiKeysKey = (team: string) => ["api-keys", team] as const;

/** The team's keys, revoked ones included; only owners and admins may read them, hence `enabled`. */
export function useApiKeys(team: string, enabled: boolean) {
  return useQuery({
    queryKey: apiKeysKey(team),
    queryFn: ({ signal }) => apiFetch<ListApiKeysResult>("/api/v1/api-keys", { team, signal }),
    enabled,
  });
}

export function useRevokeApiKey(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE", team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(team) }),
  });
}
