import { NextResponse, type NextRequest } from "next/server";

/**
 * A convenience only: sends visitors without a session cookie to the sign-in page. Every page,
 * action and route checks the session and role again on the server.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
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
    "/((?!api|_next/static|_next/image|sign-in|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|webmanifest)$).*)",
  ],
};
