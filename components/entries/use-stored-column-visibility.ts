"use client";

import type { OnChangeFn, VisibilityState } from "@tanstack/react-table";
import { useMemo, useSyncExternalStore } from "react";

/**
 * The entries table's column choices (the View menu), kept in this browser per team, so a reload or
 * the next visit shows the columns chosen. Only what someone chose is stored: a column never chosen
 * keeps following the screen's width. The server renders `defaults`; the stored choice follows on
 * hydration (useSyncExternalStore), so the HTML never disagrees with the first render.
 */
export function useStoredColumnVisibility(team: string, defaults: VisibilityState): [VisibilityState, OnChangeFn<VisibilityState>] {
  const key = storageKey(team);
  const stored = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
  const visibility = useMemo(() => parseVisibility(stored) ?? defaults, [stored, defaults]);
  const setVisibility: OnChangeFn<VisibilityState> = (updater) => {
    const next = JSON.stringify(typeof updater === "function" ? updater(visibility) : updater);
    try {
      localStorage.setItem(key, next);
      unsaved.delete(key);
    } catch {
      // Storage full or refused: the choice lasts until the page is left.
      unsaved.set(key, next);
    }
    listeners.forEach((listener) => listener());
  };
  return [visibility, setVisibility];
}

const storageKey = (team: string) => `dnc-console:entries-columns:${team}`;

/** Choices the browser would not store, by key. */
const unsaved = new Map<string, string>();

/** This tab's changes (the storage event only reports other tabs'). */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStored(key: string): string | null {
  const kept = unsaved.get(key);
  if (kept !== undefined) return kept;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A stored choice, or null when there is none or it is not column → shown pairs (an older or hand-edited value). */
function parseVisibility(text: string | null): VisibilityState | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return Object.values(value).every((shown) => typeof shown === "boolean") ? (value as VisibilityState) : null;
  } catch {
    return null;
  }
}
