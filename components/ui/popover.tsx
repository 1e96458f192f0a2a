"use client";

import * as PopoverPrimitive from "@radix-ui/react-popover";
import type { ReactNode } from "react";
import { cn } from "./cn";

export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;
export const PopoverClose = PopoverPrimitive.Close;

/** A non-modal panel beside its trigger (role dialog, named by `label`); Escape and a click outside close it and focus returns to the trigger. */
export function PopoverContent({
  label,
  children,
  align = "start",
  className,
}: {
  label: string;
  children: ReactNode;
  align?: "start" | "center" | "end";
  className?: string;
}) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content
        aria-label={label}
        align={align}
        sideOffset={6}
        collisionPadding={8}
        className={cn("z-50 w-64 max-w-[calc(100vw-1rem)] rounded-md border border-border bg-surface p-2 shadow-lg", className)}
      >
        {children}
      </PopoverPrimitive.Content>
    </PopoverPrimitive.Portal>
  );
}
