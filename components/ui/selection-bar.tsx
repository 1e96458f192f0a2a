"use client";

import { type ReactNode, type Ref, useEffect } from "react";
import { Button } from "./button";

/**
 * Shown while rows are selected: the count (announced to screen readers), anything that extends
 * the selection, Clear selection and the page's bulk actions. Escape clears the selection, unless
 * a dialog or menu took it to close itself (Radix marks the event as handled).
 */
export function SelectionBar({
  summary,
  extend,
  onClear,
  clearRef,
  children,
}: {
  summary: string;
  extend?: ReactNode;
  onClear: () => void;
  /** For a page that moves focus to Clear selection (when what had it goes). */
  clearRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && !event.defaultPrevented && onClear();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClear]);

  return (
    <div
      role="region"
      aria-label="Selection"
      className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-accent-border bg-accent-soft px-4 py-2.5 text-sm"
    >
      <p aria-live="polite" className="font-medium text-accent-text">
        {summary}
      </p>
      {extend}
      <div className="ml-auto flex gap-2">
        <Button ref={clearRef} size="sm" onClick={onClear}>
          Clear selection
        </Button>
        {children}
      </div>
    </div>
  );
}
