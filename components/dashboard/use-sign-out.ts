"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";

/** Signs out and starts again at the sign-in page: a full load, so nothing of the session stays in memory. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await signOut({ redirect: false });
    queryClient.clear();
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  };
}
