import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/content-security-policy";
import { isSameOrigin } from "@/lib/http/same-origin";
import { oidcIssuer } from "@/lib/infra/env";

/**
 * Before every page: refuses a path whose %-encoding is malformed (`%ff`) with a JSON 400 —
 * Next's routing would answer it with a plain-text 500 —, refuses a server action posted from
 * another site with a 403 (Next would throw: a 500), sets the Content-Security-Policy with a
 * fresh nonce (and HSTS over HTTPS), and, a convenience only, sends visitors without a session
 * cookie to the sign-in page. Every page, action and route checks the session and role again on
 * the server.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGES = ["/sign-in", "/invite"];

/** A path whose %-encoding does not decode (`%ff`) would fail in Next's routing as a plain-text 500. */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function refusal(status: 400 | 403, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

function oidcOrigin(): string[] {
  const issuer = oidcIssuer();
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (malformedPath(pathname))
    return refusal(
      400,
      "validation_failed",
      "The address is not valid: a %-encoded character in the path does not decode.",
    );
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (!isSameOrigin(request.headers))
      return refusal(403, "forbidden", "Actions are only accepted from Accord's own pages.");
  }
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    const target = pathname + request.nextUrl.search;
    if (target !== "/") url.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(url);
  }
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    formTargets: oidcOrigin(),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    // API paths only when they hold a % (to refuse a malformed encoding; the rest never comes here).
    "/api/:rest(.*%.*)",
    "/((?!api|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|webmanifest)$).*)",
  ],
};
