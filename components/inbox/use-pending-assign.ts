"use client";

/**
 * A manager's reassignment waits a few seconds before it is sent, with an Undo meanwhile (like
 * "undo send" in a mail client): undoing changes nothing anywhere, so the lead keeps its rep, its
 * running SLA clock and its breach. Leaving the page sends what is waiting at once.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Action } from "./use-inbox";

export const UNDO_SECONDS = 8;

type Assign = Extract<Action, { type: "assign" }>;
type Pending = { action: Assign; name: string; sendAt: number };

export function usePendingAssign(send: (action: Assign, name: string) => void) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [now, setNow] = useState(0);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  const pendingRef = useRef<Pending | null>(null);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);

  const flush = useCallback(() => {
    const p = pendingRef.current;
    if (!p) return;
    pendingRef.current = null;
    setPending(null);
    sendRef.current(p.action, p.name);
  }, []);

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= pending.sendAt) flush();
    }, 250);
    return () => clearInterval(timer);
  }, [pending, flush]);

  // Leaving the page (or the inbox) does not lose the reassignment the manager confirmed.
  useEffect(() => {
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [flush]);

  const start = useCallback(
    (action: Assign, name: string) => {
      flush(); // one at a time: an earlier one goes now
      const at = Date.now();
      setNow(at);
      setPending({ action, name, sendAt: at + UNDO_SECONDS * 1000 });
    },
    [flush],
  );
  const undo = useCallback(() => {
    pendingRef.current = null;
    setPending(null);
  }, []);

  return {
    pending,
    secondsLeft: pending ? Math.max(0, Math.ceil((pending.sendAt - now) / 1000)) : 0,
    start,
    undo,
  };
}
