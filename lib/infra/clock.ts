/**
 * The app's "now". Normally the system clock; with ACCORD_TEST_CLOCK=1 (end-to-end tests only,
 * off unless set) it can be moved with POST /api/v1/test/clock, so a test sees an SLA breach
 * without sleeping. The offset lives in this process only: it is a test hook, not state.
 */
import { testClockEnabled } from "./env";

declare global {
  // On globalThis so the test-clock route and the code reading the time share one offset.
  var accordClockOffsetMs: number | undefined;
}

export function appNow(): Date {
  return new Date(Date.now() + (testClockEnabled() ? (globalThis.accordClockOffsetMs ?? 0) : 0));
}

/** Moves the test clock to `at` (null: back to real time). Refuses when the hook is off. */
export function setTestClock(at: Date | null): Date {
  if (!testClockEnabled()) throw new Error("The test clock is disabled (set ACCORD_TEST_CLOCK=1).");
  globalThis.accordClockOffsetMs = at ? at.getTime() - Date.now() : 0;
  return appNow();
}
