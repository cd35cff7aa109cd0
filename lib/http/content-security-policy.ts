/**
 * The pages' Content-Security-Policy (Next.js "nonce with Proxy" pattern): scripts run only
 * with this response's nonce — Next.js reads it from the request's policy and puts it on its own
 * scripts — and what they load ('strict-dynamic'). Styles may be inline: React writes `style`
 * attributes (charts, progress bars), and a style cannot run code. Nothing may frame the app.
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  https,
  formTargets = [],
}: {
  nonce: string;
  dev: boolean;
  https: boolean;
  /** Origins a form may post to besides this one (the OIDC provider). */
  formTargets?: string[];
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((o) => ` ${o}`).join("")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS is only meaningful (and only sent) when the page came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function servedOverHttps(forwardedProto: string | null, protocol: string): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : protocol === "https:";
}
