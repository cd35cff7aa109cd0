/**
 * The client's address for rate limits and security logs. Next.js sets `X-Forwarded-For` to
 * the peer's address when a request has none; a reverse proxy appends the address it saw, so
 * the last entry is the one the nearest trusted hop vouches for.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  const ip = last || headers.get("x-real-ip")?.trim();
  return ip && /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : null;
}
