"use client";

import type { CSSProperties, ReactNode } from "react";
import { type ExternalToast, Toaster as Sonner, toast as sonnerToast } from "sonner";

/**
 * The one place toasts are shown from (Sonner, mounted once in the providers). Toasts are for
 * outcomes that may pass: "entry added", "key revoked". What must stay on screen (a secret shown
 * once, a form's errors, a report) stays inline. Sonner's region is a polite live region, which
 * Radix's modal dialogs leave readable, so a toast raised behind a dialog is still announced.
 */
export function Toaster() {
  return (
    <Sonner
      theme="system"
      closeButton
      // A modal dialog turns pointer events off outside itself; a toast raised from it stays clickable.
      className="pointer-events-auto"
      // Sonner's own colour variables, pointed at the palette in globals.css so toasts follow it.
      style={
        {
          "--normal-bg": "var(--color-surface)",
          "--normal-text": "var(--color-foreground)",
          "--normal-border": "var(--color-border)",
        } as CSSProperties
      }
      toastOptions={{
        classNames: {
          toast: "font-sans",
          description: "text-muted-foreground!",
          actionButton: "bg-accent! text-white! hover:bg-accent-hover!",
          success: "[&_[data-icon]]:text-success-text",
          error: "[&_[data-icon]]:text-danger-text",
        },
      }}
    />
  );
}

/** Errors stay longer than good news: a refusal has a reason worth reading. */
const ERROR_DURATION_MS = 10_000;

/** Options of one toast; `action: { label, onClick }` adds a button (an Undo, say). */
export type ToastOptions = ExternalToast;

export const toast = {
  success: (message: ReactNode, options?: ToastOptions) => sonnerToast.success(message, options),
  info: (message: ReactNode, options?: ToastOptions) => sonnerToast.info(message, options),
  error: (message: ReactNode, options?: ToastOptions) => sonnerToast.error(message, { duration: ERROR_DURATION_MS, ...options }),
  dismiss: (id?: string | number) => sonnerToast.dismiss(id),
};
