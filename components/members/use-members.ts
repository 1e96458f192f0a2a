"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/api-fetch";
import type { ListMembersResult, Member, MemberRole } from "@/lib/members/schemas";

export const membersKey = (team: string) => ["members", team] as const;

/** Everyone in the team; every member may read the list. */
export function useMembers(team: string) {
  return useQuery({
    queryKey: membersKey(team),
    queryFn: ({ signal }) => apiFetch<ListMembersResult>("/api/v1/members", { team, signal }),
  });
}

export function useChangeMemberRole(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      apiFetch<Member>(`/api/v1/members/${encodeURIComponent(userId)}`, { method: "PATCH", team, body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(team) }),
  });
}

export function useRemoveMember(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiFetch<{ message: string }>(`/api/v1/members/${encodeURIComponent(userId)}`, { method: "DELETE", team }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(team) }),
  });
}
