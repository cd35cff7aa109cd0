import { ApiError } from "@/lib/client/api";

/**
 * Which message (a key of `teams.errors`) explains a failed save. The fields a save names point
 * at this screen's own inputs, so it words them itself rather than through the generic API texts.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError) || error.code === "network") return "network";
  const fields = Object.keys(error.fields ?? {});
  if (fields.includes("capacity")) return "capacity";
  if (fields.includes("awayUntil")) return "awayPast";
  if (fields.includes("timeZone")) return "timeZone";
  if (fields.includes("teamId")) return "teamGone";
  if (fields.includes("active")) return "selfDeactivate";
  if (fields.some((f) => f.startsWith("countries"))) return "country";
  if (fields.includes("name")) return error.code === "conflict" ? "nameTaken" : "nameRequired";
  if (error.status === 401) return "signedOut";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  return "generic";
}
