"use client";

import Link from "next/link";
import { Notice } from "@/components/ui/page-header";
import { formatNumber } from "@/lib/format";
import { writeEntriesView, DEFAULT_VIEW } from "./entries-url-state";
import { useExpiringCount } from "./use-dnc-entries";

/** The days ahead the Entries page warns about. */
const SOON_DAYS = 7;

/** "N entries expire in the next 7 days", linking to the list filtered to them; nothing while none do. */
export function ExpiringSoonNotice({ team }: { team: string }) {
  const { data: count } = useExpiringCount(team, SOON_DAYS);
  if (!count) return null;
  const href = `/entries?${writeEntriesView({ ...DEFAULT_VIEW, expiresWithin: SOON_DAYS }).toString()}`;
  return (
    <div className="mb-4">
      <Notice>
        <Link href={href} className="font-medium text-foreground underline underline-offset-2">
          {formatNumber(count)} {count === 1 ? "entry expires" : "entries expire"} in the next {SOON_DAYS} days
        </Link>{" "}
        and will come off the list then.
      </Notice>
    </div>
  );
}
