/**
 * Cross-site request forgery defence for cookie-authenticated calls (API keys are not sent by
 * browsers on their own, so they need none). A browser always says where a state-changing
 * request comes from: `Origin` on every cross-origin request and on every POST, `Sec-Fetch-Site`
 * on every request of current browsers. So a mutation is refused when `Origin` names another
 * origin (or `null`), or when it is absent and `Sec-Fetch-Site` is anything but `same-origin`
 * (a same-site page — a sibling sub-domain — is another application). A request with neither
 * header does not come from a browser page, so it cannot carry a forged user's cookie.
 * The body must also be of the contract's type (JSON by default): `text/plain` and form bodies
 * are what a foreign page can send without a CORS preflight.
 */
import { AppError } from "@/lib/shared/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the client addressed (the proxy's forwarded host first). */
export function requestHost(headers: Headers): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return host ? host.toLowerCase() : null;
}

export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return false;
    try {
      return new URL(origin).host.toLowerCase() === requestHost(headers);
    } catch {
      return false;
    }
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** A body is declared by its length or chunked encoding (a browser always sends one of them). */
function declaresBody(headers: Headers): boolean {
  return Number(headers.get("content-length")) > 0 || headers.has("transfer-encoding");
}

/** The body's type must be the expected one; without a type, there must be no body. */
function wrongBodyType(headers: Headers, expectedType: string): boolean {
  const type = headers.get("content-type");
  return type !== null ? mediaType(type) !== expectedType : declaresBody(headers);
}

/** Throws 403 for a cookie-authenticated mutation from another site, or with a non-JSON body. */
export function refuseCrossSite(request: Request, expectedType = "application/json"): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request.headers))
    throw new AppError(
      "forbidden",
      "This request comes from another site: signed-in changes are only accepted from Accord's own pages.",
    );
  if (wrongBodyType(request.headers, expectedType))
    throw new AppError(
      "forbidden",
      `Signed-in changes must be sent as ${expectedType} (Content-Type header).`,
    );
}
