"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatDateTimeUtc } from "@/lib/format";

const noChanges = () => () => {};

/**
 * A timestamp in the reader's time zone. The server does not know that zone, so the server's HTML,
 * and the render that hydrates it, say UTC (and say so); the browser's own time follows at once.
 * Rendering the browser's zone straight away would hydrate text the server never wrote.
 */
export function DateTime({ iso, className }: { iso: string; className?: string }) {
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso} className={className}>
      {inBrowser ? formatDateTime(iso) : formatDateTimeUtc(iso)}
    </time>
  );
}
