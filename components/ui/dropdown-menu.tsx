"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * Not modal: a modal menu hides the rest of the page from screen readers (aria-hidden) while its
 * links and buttons stay focusable, which axe reports (aria-hidden-focus). Escape, Tab and a click
 * outside still close it.
 */
export function DropdownMenu(props: Omit<ComponentProps<typeof Menu.Root>, "modal">) {
  return <Menu.Root modal={false} {...props} />;
}
export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({
  children,
  align = "end",
  className,
  onCloseAutoFocus,
}: {
  children: ReactNode;
  align?: "start" | "end";
  className?: string;
  /** Runs as the menu closes, before focus goes back to the trigger. */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <Menu.Portal>
      <Menu.Content
        align={align}
        sideOffset={6}
        onCloseAutoFocus={onCloseAutoFocus}
        className={cn("z-50 min-w-52 rounded-md border border-border bg-surface p-1 shadow-lg", className)}
      >
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}

const ITEM =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-foreground outline-none data-[highlighted]:bg-muted data-[highlighted]:outline-2 data-[highlighted]:outline-solid data-[highlighted]:-outline-offset-2 data-[highlighted]:outline-ring";

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={cn(ITEM, className)} {...props} />;
}

/** A menu item with a tick (role menuitemcheckbox, so its state is read out). */
export function DropdownMenuCheckboxItem({ className, children, ...props }: ComponentProps<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem className={cn(ITEM, "relative pl-7", className)} {...props}>
      <Menu.ItemIndicator className="absolute left-2 text-accent-text" aria-hidden="true">
        ✓
      </Menu.ItemIndicator>
      {children}
    </Menu.CheckboxItem>
  );
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return <Menu.Label className="px-2 py-1.5 text-xs text-muted-foreground">{children}</Menu.Label>;
}

export const DropdownMenuSeparator = () => <Menu.Separator className="my-1 h-px bg-border" />;
