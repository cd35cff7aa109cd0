import { ApiError } from "@/lib/client/api";

/**
 * A key of `salesSettings.errors` that explains a failed call. These screens word a taken code or
 * stale tiers in their own terms, which the generic API texts cannot.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError) || error.code === "network") return "network";
  const fields = Object.keys(error.fields ?? {});
  if (fields.includes("code")) return "codeTaken";
  if (fields.includes("policies") && /no longer exist/i.test(error.message)) return "stale";
  if (error.status === 401) return "signedOut";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  if (error.status === 422 || error.status === 400) return "invalid";
  return "generic";
}
