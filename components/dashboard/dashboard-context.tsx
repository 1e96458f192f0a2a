"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { Role } from "@/lib/auth/permissions";

export type TeamView = { slug: string; name: string; role: Role };
export type DashboardContextValue = { user: { email: string; name: string }; team: TeamView; teams: TeamView[] };

const DashboardContext = createContext<DashboardContextValue | null>(null);

export function DashboardProvider({ value, children }: { value: DashboardContextValue; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard is used outside the dashboard layout");
  return value;
}
