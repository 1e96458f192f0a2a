"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useSignOut } from "./use-sign-out";

/**
 * The dashboard of someone who belongs to no team (never invited yet, or who left their last one):
 * no list to show, but never a dead end: their account settings and signing out are here.
 */
export function NoTeamShell({ email, children }: { email: string; children: ReactNode }) {
  const pathname = usePathname();
  const signOut = useSignOut();
  return (
    <div className="min-h-screen">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-4 px-4 sm:px-6">
          <Link href="/entries" className="flex items-center gap-2 font-semibold text-foreground">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-accent text-sm font-bold text-white">D</span>
            <span>DNC Console</span>
          </Link>
          <nav aria-label="Account" className="ml-auto flex items-center gap-2">
            <Link
              href="/account"
              aria-current={pathname === "/account" ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:bg-subtle hover:text-foreground aria-[current=page]:bg-muted aria-[current=page]:text-foreground"
            >
              Account settings
            </Link>
            <Button size="sm" onClick={() => void signOut()}>
              Sign out
            </Button>
          </nav>
        </div>
      </header>
      <main id="main-content" className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        {pathname === "/account" ? (
          children
        ) : (
          <div className="mx-auto max-w-md py-6 text-center text-muted-foreground">
            <h1 className="text-lg font-semibold text-foreground">No team yet</h1>
            <p className="mt-2">{email} is not a member of any team. Ask an owner or admin of your team to invite you.</p>
          </div>
        )}
      </main>
    </div>
  );
}
