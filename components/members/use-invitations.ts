"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/components/api-client/call-api";
import { memberContracts } from "@/lib/contracts/members";
import type { Role } from "@/lib/auth/permissions";

export const invitationsKey = (team: string) => ["invitations", team] as const;

/** The team's invitations; only owners and admins may read them, hence `enabled`. */
export function useInvitations(team: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(team),
    queryFn: ({ signal }) => callApi(memberContracts.listInvitations, { team, signal }),
    enabled,
  });
}

export function useCreateInvitation(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => callApi(memberContracts.inviteMember, { team, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(team) }),
  });
}

export function useRevokeInvitation(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(memberContracts.revokeInvitation, { params: { id }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(team) }),
  });
}
