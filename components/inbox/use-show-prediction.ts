"use client";

import { useCallback, useSyncExternalStore } from "react";

const KEY = "accord.inbox.prediction";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** Whether the inbox shows the predictive score column: a per-browser preference. */
export function useShowPrediction(): [boolean, (show: boolean) => void] {
  const show = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY) === "1",
    () => false,
  );
  const set = useCallback((value: boolean) => {
    window.localStorage.setItem(KEY, value ? "1" : "0");
    listeners.forEach((l) => l());
  }, []);
  return [show, set];
}
