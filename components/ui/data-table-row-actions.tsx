"use client";

import { Fragment, useRef } from "react";
import { Button } from "./button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";

/** One entry of a row's menu; a destructive one is set apart below a separator. */
export type RowAction = { label: string; onSelect: () => void; destructive?: boolean };

/**
 * The "⋯" menu at the end of a row. The chosen action runs once the menu has closed and handed
 * focus back to its button: a dialog it opens then returns focus to that button when it closes.
 */
export function DataTableRowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  const chosen = useRef<(() => void) | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button ref={trigger} size="icon" variant="ghost" aria-label={label} className="data-[state=open]:bg-muted">
          <span aria-hidden="true">⋯</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent
        className="min-w-40"
        onCloseAutoFocus={(event) => {
          // Radix would focus the button only after this handler; the action may open a dialog that
          // remembers where focus was, so the button must have it first.
          event.preventDefault();
          trigger.current?.focus();
          const run = chosen.current;
          chosen.current = null;
          run?.();
        }}
      >
        {actions.map((action) => (
          <Fragment key={action.label}>
            {action.destructive ? <DropdownMenuSeparator /> : null}
            <DropdownMenuItem
              onSelect={() => (chosen.current = action.onSelect)}
              className={action.destructive ? "text-danger-text data-[highlighted]:bg-danger-soft" : undefined}
            >
              {action.label}
            </DropdownMenuItem>
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
