"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/components/api-client/call-api";
import { memberContracts } from "@/lib/contracts/members";
import type { Role } from "@/lib/auth/permissions";

export const membersKey = (team: string) => ["members", team] as const;

/** Everyone in the team; every member may read the list. */
export function useMembers(team: string) {
  return useQuery({
    queryKey: membersKey(team),
    queryFn: ({ signal }) => callApi(memberContracts.listMembers, { team, signal }),
  });
}

export function useChangeMemberRole(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      callApi(memberContracts.changeMemberRole, { params: { id: userId }, team, body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(team) }),
  });
}

export function useRemoveMember(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => callApi(memberContracts.removeMember, { params: { id: userId }, team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(team) }),
  });
}
