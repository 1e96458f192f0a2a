"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/api-fetch";
import type { CreatedInvitation, ListInvitationsResult, MemberRole } from "@/lib/members/schemas";

export const invitationsKey = (team: string) => ["invitations", team] as const;

/** The team's invitations; only owners and admins may read them, hence `enabled`. */
export function useInvitations(team: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(team),
    queryFn: ({ signal }) => apiFetch<ListInvitationsResult>("/api/v1/invitations", { team, signal }),
    enabled,
  });
}

export function useCreateInvitation(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: MemberRole }) =>
      apiFetch<CreatedInvitation>("/api/v1/invitations", { method: "POST", team, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(team) }),
  });
}

export function useRevokeInvitation(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ message: string }>(`/api/v1/invitations/${encodeURIComponent(id)}`, { method: "DELETE", team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(team) }),
  });
}
