"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { BulkActionsProvider } from "@/components/bulk-actions/bulk-actions-context";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { canManageKeys } from "@/lib/auth/team-selection";
import { useDashboard } from "./dashboard-context";
import { rememberTeam } from "./remember-team";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", viewer: "Viewer" } as const;

export function AppShell({ children }: { children: ReactNode }) {
  const { user, team, teams } = useDashboard();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const nav = [
    { href: "/entries", label: "Entries" },
    ...(team.role === "viewer" ? [] : [{ href: "/import", label: "Import" }]),
    { href: "/removed", label: "Recently removed" },
    { href: "/audit", label: "Audit log" },
    ...(canManageKeys(team.role) ? [{ href: "/api-keys", label: "API keys" }] : []),
    { href: "/members", label: "Members" },
  ];

  function switchTeam(slug: string) {
    rememberTeam(slug);
    queryClient.clear();
    // A full load: every page and cache starts again from the new team, nothing of the old one lingers.
    window.location.assign(pathname === "/api-keys" ? "/entries" : pathname);
  }

  async function onSignOut() {
    await signOut({ redirect: false });
    queryClient.clear();
    // A full load: nothing of the signed-out session stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  }

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-6">
          <Link href="/entries" className="flex items-center gap-2 font-semibold text-zinc-900">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-accent text-sm font-bold text-white">D</span>
            DNC Console
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={pathname === item.href ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium",
                  pathname === item.href ? "bg-zinc-100 text-zinc-900" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900",
                )}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <DropdownMenu>
              <DropdownMenuTrigger
                className="flex h-8 items-center gap-2 rounded-md border border-zinc-300 bg-white px-2.5 text-sm shadow-sm hover:bg-zinc-50"
                aria-label={`Team: ${team.name}. Switch team`}
              >
                <span className="font-medium">{team.name}</span>
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">{ROLE_LABELS[team.role]}</span>
                <span aria-hidden="true" className="text-zinc-400">
                  ▾
                </span>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuLabel>Teams</DropdownMenuLabel>
                {teams.map((t) => (
                  <DropdownMenuItem key={t.slug} onSelect={() => t.slug !== team.slug && switchTeam(t.slug)}>
                    <span className="w-4" aria-hidden="true">
                      {t.slug === team.slug ? "✓" : ""}
                    </span>
                    <span className="flex-1">{t.name}</span>
                    <span className="text-xs text-zinc-500">{ROLE_LABELS[t.role]}</span>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
            <DropdownMenu>
              <DropdownMenuTrigger
                aria-label="Account"
                className="flex h-8 w-8 items-center justify-center rounded-full bg-zinc-800 text-xs font-semibold uppercase text-white"
              >
                {user.email.slice(0, 1)}
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuLabel>
                  <span className="block font-medium text-zinc-900">{user.name}</span>
                  {user.email}
                </DropdownMenuLabel>
                <DropdownMenuSeparator />
                <DropdownMenuItem asChild>
                  <Link href="/account">Account settings</Link>
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={onSignOut}>Sign out</DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">
        <BulkActionsProvider team={team.slug}>{children}</BulkActionsProvider>
      </main>
    </div>
  );
}
