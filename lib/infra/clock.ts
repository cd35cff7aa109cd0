/**
 * The app's "now". Normally the system clock; with ACCORD_TEST_CLOCK=1 (end-to-end tests only,
 * off unless set) it can be moved with POST /api/v1/test/clock, so a test sees an SLA breach
 * without sleeping. The offset lives in this process only: it is a test hook, not state.
 */
import { testClockEnabled } from "./env";

const state = globalThis as unknown as { accordClockOffsetMs?: number };

export function appNow(): Date {
  return new Date(Date.now() + (testClockEnabled() ? (state.accordClockOffsetMs ?? 0) : 0));
}

/** Moves the test clock to `at` (null: back to real time). Refuses when the hook is off. */
export function setTestClock(at: Date | null): Date {
  if (!testClockEnabled()) throw new Error("The test clock is disabled (set ACCORD_TEST_CLOCK=1).");
  state.accordClockOffsetMs = at ? at.getTime() - Date.now() : 0;
  return appNow();
}
