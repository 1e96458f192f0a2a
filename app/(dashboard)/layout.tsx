import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { readDashboardSession } from "@/lib/auth/dashboard-session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await readDashboardSession();
  if (!session) redirect("/sign-in");
  const { user, slug } = session;
  const teams = user.memberships.map(({ slug, name, role }) => ({ slug, name, role }));
  const team = teams.find((t) => t.slug === slug);
  if (!team) {
    return (
      <main className="mx-auto max-w-md p-10 text-center text-muted-foreground">
        <h1 className="text-lg font-semibold">No team yet</h1>
        <p className="mt-2">{user.email} is not a member of any team. Ask an owner to add you.</p>
      </main>
    );
  }
  return (
    <DashboardProvider value={{ user: { email: user.email, name: user.name }, team, teams }}>
      <AppShell>{children}</AppShell>
    </DashboardProvider>
  );
}
