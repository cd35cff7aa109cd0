import { NextResponse, type NextRequest } from "next/server";

/**
 * Refuses a path whose %-encoding is malformed (`%ff`) with a JSON 400 — Next's routing would
 * answer it with a plain-text 500 — and, a convenience only, sends visitors without a session
 * cookie to the sign-in page. Every page, action and route checks the session and role again on
 * the server.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** A path whose %-encoding does not decode (`%ff`) would fail in Next's routing as a plain-text 500. */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (malformedPath(request.nextUrl.pathname))
    return NextResponse.json(
      {
        error: {
          code: "validation_failed",
          message: "The address is not valid: a %-encoded character in the path does not decode.",
        },
      },
      { status: 400 },
    );
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    // API paths only when they hold a % (to refuse a malformed encoding; the rest never comes here).
    "/api/:rest(.*%.*)",
    "/((?!api|_next/static|_next/image|sign-in|invite/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|webmanifest)$).*)",
  ],
};
