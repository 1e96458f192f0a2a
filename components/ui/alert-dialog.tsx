"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { type ReactNode, useState } from "react";
import { Button } from "./button";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;
export const AlertDialogAction = AlertDialogPrimitive.Action;

/**
 * For confirmations. Radix's alert dialog traps focus and restores it on close; Escape cancels.
 * Unlike Radix's default it also cancels on a click outside (`dismissOnOutsideClick`), which is
 * what people expect of a "nothing happens unless you confirm" dialog. Opened without a Radix
 * trigger (from a row's button), it returns focus to whatever had it when it opened.
 */
export function AlertDialogContent({
  title,
  description,
  children,
  onOutsideClick,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  onOutsideClick: () => void;
}) {
  // Read during the first render, before Radix moves focus into the dialog.
  const [opener] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  return (
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay
        className="fixed inset-0 z-40 bg-zinc-950/40 dark:bg-black/60"
        onClick={onOutsideClick}
        data-testid="dialog-overlay"
      />
      <AlertDialogPrimitive.Content
        onCloseAutoFocus={(event) => {
          if (opener?.isConnected) {
            event.preventDefault();
            opener.focus();
          }
        }}
        className="fixed left-1/2 top-1/2 z-50 w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-6 shadow-xl"
      >
        <AlertDialogPrimitive.Title className="text-base font-semibold text-foreground">{title}</AlertDialogPrimitive.Title>
        <AlertDialogPrimitive.Description asChild>
          <div className="mt-2 text-sm text-muted-foreground">{description}</div>
        </AlertDialogPrimitive.Description>
        <div className="mt-4">{children}</div>
      </AlertDialogPrimitive.Content>
    </AlertDialogPrimitive.Portal>
  );
}

/** The common confirmation: a title, what will happen, Cancel and one destructive action. Closed while `open` is false. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog open={open} onOpenChange={(next) => !next && onCancel()}>
      {open ? (
        <AlertDialogContent title={title} description={description} onOutsideClick={onCancel}>
          <div className="flex justify-end gap-2">
            <AlertDialogCancel asChild>
              <Button>Cancel</Button>
            </AlertDialogCancel>
            <AlertDialogAction asChild>
              <Button variant="danger" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialogAction>
          </div>
        </AlertDialogContent>
      ) : null}
    </AlertDialog>
  );
}
