/**
 * How a failed attempt is retried, and when an endpoint is given up on.
 *
 * Schedule (Standard Webhooks' example, ±10 % jitter so a fleet of failures does not return in
 * lockstep): after the 1st failure 5 s, then 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h —
 * ten attempts over about 75 h 35 min; after the tenth the delivery is failed (given up). A
 * `Retry-After` longer than the step is honoured (up to a day).
 *
 * What counts as failure: anything but a 2xx — 3xx (redirects are not followed: fix the URL),
 * every 4xx (a 401 usually means a receiver checking with the wrong secret, fixed on their side:
 * worth retrying), 5xx, timeouts and closed connections. Besides: 410 Gone disables the endpoint
 * at once (the receiver says it no longer wants these); 429, 502, 503 and 504 pause the whole
 * endpoint for its `Retry-After` (10 s without one), so a struggling receiver is not hammered.
 *
 * An endpoint is disabled when no attempt has succeeded for 24 h and at least 5 in a row failed;
 * an admin re-enables it and what was pending resumes.
 */
import type { PostResult } from "@/lib/infra/post-webhook";
import type { WebhookErrorKind } from "@/lib/shared/vocabulary";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS = [
  5_000,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const DISABLE_AFTER_MS = 24 * HOUR;
export const DISABLE_MIN_FAILURES = 5;
const THROTTLE_DEFAULT_MS = 10_000;
const THROTTLE_MAX_MS = HOUR;
const RETRY_AFTER_MAX_MS = 24 * HOUR;

/** The wait before the next attempt after `attempts` failed ones; null: give up. */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const step = RETRY_DELAYS_MS[Math.max(attempts, 1) - 1];
  const jittered = Math.round(step * (0.9 + 0.2 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, RETRY_AFTER_MAX_MS));
}

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      error: string;
      kind: WebhookErrorKind;
      gone: boolean;
      throttleMs: number | null;
    };

export function judge(result: PostResult): Verdict {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { ok: true };
  if (status === null)
    return {
      ok: false,
      error: result.error ?? "No answer",
      kind: result.errorKind ?? "other",
      gone: false,
      throttleMs: null,
    };
  const throttled = [429, 502, 503, 504].includes(status);
  const error =
    status >= 300 && status < 400
      ? `Answered ${status}, a redirect${result.location ? ` to ${result.location.slice(0, 300)}` : ""}: redirects are not followed, update the endpoint's URL`
      : status === 410
        ? "Answered 410 Gone: the endpoint is disabled"
        : `Answered ${status}`;
  return {
    ok: false,
    error,
    kind: status >= 300 && status < 400 ? "redirect" : status === 410 ? "gone" : "status",
    gone: status === 410,
    throttleMs: throttled
      ? Math.min(result.retryAfterMs ?? THROTTLE_DEFAULT_MS, THROTTLE_MAX_MS)
      : null,
  };
}
