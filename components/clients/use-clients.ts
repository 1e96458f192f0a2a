"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { ApiRequestError, callApi, errorMessage } from "@/components/api-client/call-api";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { clientContracts } from "@/lib/contracts/clients";

export const clientsKey = (team: string) => ["clients", team] as const;

/** The team's agency clients with their entry counts; every member may read them. */
export const clientsQuery = (team: string) =>
  queryOptions({
    queryKey: clientsKey(team),
    queryFn: ({ signal }) => callApi(clientContracts.listClients, { team, signal }),
  });

export function useClients(team: string) {
  return useQuery(clientsQuery(team));
}

/** Each client's name by id, for the cells, filters and exports that show an entry's list. */
export function useClientNames(team: string): ReadonlyMap<string, string> {
  const { data } = useClients(team);
  return useMemo(() => new Map(data?.clients.map((client) => [client.id, client.name])), [data]);
}

export function useCreateClient(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => callApi(clientContracts.createClient, { team, body: { name } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(team) }),
  });
}

export function useRenameClient(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      callApi(clientContracts.updateClient, { params: { id }, team, body: { name } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(team) }),
  });
}

/** Deletes a client; `moveEntriesTo` (another client's id, or global) is where its entries go, which changes the entries' lists too. */
export function useDeleteClient(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, moveEntriesTo }: { id: string; moveEntriesTo?: string }) =>
      callApi(clientContracts.deleteClient, { params: { id }, team, query: { moveEntriesTo } }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: clientsKey(team) });
      await queryClient.invalidateQueries({ queryKey: entriesKey(team) });
    },
  });
}

/** The API's refusals of a client change, in words that name the client. */
export function describeClientError(error: unknown, name: string): string {
  const code = error instanceof ApiRequestError ? error.code : null;
  switch (code) {
    case "client_exists":
      return `The team already has a client named “${name}”.`;
    case "client_has_keys":
      return `API keys are bound to “${name}”. Revoke them on the API keys page, then delete the client.`;
    case "client_has_entries":
      return `“${name}” still has entries: choose where they go.`;
    case "client_not_found":
      return `“${name}” no longer exists: someone else may have deleted it.`;
    case "invalid_client_fields":
      return "A client's name is 1 to 100 characters.";
    default:
      return errorMessage(error);
  }
}
