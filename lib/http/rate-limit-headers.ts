/** The answer's rate-limit headers (IETF draft "RateLimit header fields for HTTP"), and the 429. */
import type { Quota } from "@/lib/auth/api-quota";
import { AppError } from "@/lib/shared/errors";

export function quotaHeaders(quota: Quota): Record<string, string> {
  return {
    "RateLimit-Limit": String(quota.limit),
    "RateLimit-Remaining": String(quota.remaining),
    "RateLimit-Reset": String(quota.resetSeconds),
  };
}

export function tooManyRequests(quota: Quota): AppError {
  const error = new AppError(
    "rate_limited",
    `This API key sent more than ${quota.limit} requests in a minute; retry after ${quota.resetSeconds} s.`,
  );
  error.headers = { ...quotaHeaders(quota), "Retry-After": String(quota.resetSeconds) };
  return error;
}
