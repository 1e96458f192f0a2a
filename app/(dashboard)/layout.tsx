import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { NoTeamShell } from "@/components/dashboard/no-team-shell";
import { readDashboardSession } from "@/lib/auth/dashboard-session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await readDashboardSession();
  if (!session) redirect("/sign-in");
  const { user, slug } = session;
  const teams = user.memberships.map(({ slug, name, role }) => ({ slug, name, role }));
  const team = teams.find((t) => t.slug === slug);
  if (!team) return <NoTeamShell email={user.email}>{children}</NoTeamShell>;
  return (
    <DashboardProvider value={{ user: { email: user.email, name: user.name }, team, teams }}>
      <AppShell>{children}</AppShell>
    </DashboardProvider>
  );
}
