/**
 * Where to go after signing in: only a path on this site. Anything else — another origin, a
 * scheme, `//host` or `/\host` (which browsers read as another host), tabs or new lines (which
 * browsers strip from addresses, turning `/\t/host` into `//host`), or the same tricks
 * %-encoded — falls back to the home page. An open redirect through the sign-in page would be a
 * phishing tool.
 */
const BASE = "http://accord.invalid";

function looksLikeAnotherHost(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\");
}

export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Control characters (browsers strip tabs and new lines from addresses) and backslashes, anywhere.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || looksLikeAnotherHost(value)) return fallback;
  let decoded = value;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
    if (/[\u0000-\u001f\u007f-\u009f\\]/.test(decoded) || looksLikeAnotherHost(decoded))
      return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}

/** For Auth.js's redirect callback: an absolute address on this site is kept as its path. */
export function safeRedirect(url: string, baseUrl: string): string {
  let path = url;
  if (url.startsWith(baseUrl + "/")) path = url.slice(baseUrl.length);
  else if (url === baseUrl) path = "/";
  return baseUrl + safeCallbackPath(path);
}
