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

/** Sonner draws a toast a frame or two after it is raised: looked for this long. */
const TOAST_SEARCH_MS = 1000;

/**
 * Moves focus to the toast titled `title`, so its text is read and its action (an Undo) is two Tab
 * presses on (Close, then the action). Focus first passes through `returnTo`: Sonner gives focus back
 * to where it came from when the toast closes or focus leaves it.
 */
export function focusToast(title: string, returnTo: HTMLElement | null) {
  returnTo?.focus();
  const deadline = Date.now() + TOAST_SEARCH_MS;
  const find = () => {
    const toast = [...document.querySelectorAll<HTMLElement>("[data-sonner-toast]:not([data-removed='true'])")].find(
      (element) => element.querySelector("[data-title]")?.textContent === title,
    );
    if (toast) toast.focus();
    else if (Date.now() < deadline) requestAnimationFrame(find);
  };
  requestAnimationFrame(find);
}
