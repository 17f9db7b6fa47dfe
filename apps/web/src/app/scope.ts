// The organisation the person is working in ("current scope" in the header). Remembered for the tab.
import { useSyncExternalStore } from "react";

const KEY = "namro_scope_org";
const listeners = new Set<() => void>();

function read(): number | null {
  try {
    const value = Number(sessionStorage.getItem(KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

let current = typeof window === "undefined" ? null : read();

export function setCurrentScope(orgId: number | null): void {
  if (orgId === current) return;
  current = orgId;
  try {
    if (orgId === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, String(orgId));
  } catch {
    // Not remembered across reloads; still works in memory.
  }
  for (const listener of listeners) listener();
}

export function useCurrentScope(): number | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
