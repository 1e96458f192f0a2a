"use client";

import { useQueryClient } from "@tanstack/react-query";
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
import { ROLE_LABELS, roleCan } from "@/lib/auth/permissions";
import { useDashboard } from "./dashboard-context";
import { rememberTeam } from "./remember-team";
import { useSignOut } from "./use-sign-out";

export function AppShell({ children }: { children: ReactNode }) {
  const { user, team, teams } = useDashboard();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const nav = [
    { href: "/entries", label: "Entries" },
    ...(roleCan(team.role, "entries.write") ? [{ href: "/import", label: "Import" }] : []),
    { href: "/removed", label: "Recently removed" },
    { href: "/audit", label: "Audit log" },
    ...(roleCan(team.role, "keys.manage") ? [{ href: "/api-keys", label: "API keys" }] : []),
    ...(roleCan(team.role, "webhooks.manage") ? [{ href: "/webhooks", label: "Webhooks" }] : []),
    { href: "/members", label: "Members" },
    { href: "/settings", label: "Settings" },
  ];

  function switchTeam(slug: string) {
    rememberTeam(slug);
    queryClient.clear();
    // A full load: every page and cache starts again from the new team, nothing of the old one lingers.
    window.location.assign(pathname === "/api-keys" || pathname === "/webhooks" ? "/entries" : pathname);
  }

  const onSignOut = useSignOut();

  return (
    <div className="min-h-screen">
      {/* The first Tab stop: past the header's links and menus, straight to the page. */}
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-foreground focus:shadow-md"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-border bg-surface/95 backdrop-blur">
        {/* Below lg the navigation takes a row of its own under the logo and menus, wrapping if it must: nothing runs off a phone's screen. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5 sm:px-6 lg:h-14 lg:flex-nowrap lg:py-0">
          <Link href="/entries" className="flex shrink-0 items-center gap-2 font-semibold text-foreground">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-accent text-sm font-bold text-white">D</span>
            {/* On a phone the mark alone: the room goes to the team's name. */}
            <span className="max-sm:sr-only">DNC Console</span>
          </Link>
          <nav aria-label="Main" className="order-last flex w-full flex-wrap items-center gap-1 lg:order-none lg:w-auto">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={pathname === item.href ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium sm:px-3",
                  pathname === item.href ? "bg-muted text-foreground" : "text-muted-foreground hover:bg-subtle hover:text-foreground",
                )}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          {/* flex-1 from a zero basis: on a phone the menus shrink (the team name truncates) rather than wrap under the logo. */}
          <div className="flex min-w-0 flex-1 items-center justify-end gap-2">
            <DropdownMenu>
              <DropdownMenuTrigger
                className="flex h-8 min-w-0 items-center gap-2 rounded-md border border-input bg-surface px-2.5 text-sm shadow-sm hover:bg-subtle"
                aria-label={`Team: ${team.name}. Switch team`}
              >
                <span className="truncate font-medium">{team.name}</span>
                <span className="shrink-0 rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">{ROLE_LABELS[team.role]}</span>
                <span aria-hidden="true" className="text-muted-foreground">
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
                    <span className="text-xs text-muted-foreground">{ROLE_LABELS[t.role]}</span>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
            <DropdownMenu>
              <DropdownMenuTrigger
                aria-label="Account"
                className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-foreground text-xs font-semibold uppercase text-surface"
              >
                {user.email.slice(0, 1)}
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuLabel>
                  <span className="block font-medium text-foreground">{user.name}</span>
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
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        <BulkActionsProvider team={team.slug}>{children}</BulkActionsProvider>
      </main>
    </div>
  );
}
