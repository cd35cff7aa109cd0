/**
 * One HTTP POST to a webhook receiver, with node:http(s) rather than fetch so nothing is implicit:
 * redirects are never followed (a 3xx is an answer like any other), one deadline covers connecting
 * and answering, and only the first bytes of the answer are read (the rest is dropped). It never
 * throws: a refused connection, a reset or a timeout comes back as `error`.
 */
import http from "node:http";
import https from "node:https";

export type PostResult = {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** The start of the answer's body (UTF-8, at most `maxBodyBytes`). */
  body: string | null;
  /** `Retry-After` in milliseconds, when the receiver sent one. */
  retryAfterMs: number | null;
  location: string | null;
  latencyMs: number;
  error: string | null;
  /** What kind of failure `error` is, when no status came back. */
  errorKind: "refused" | "closed" | "dns" | "timeout" | "interrupted" | "other" | null;
};

export type PostWebhook = (
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; maxBodyBytes?: number; signal?: AbortSignal },
) => Promise<PostResult>;

// Keep-alive: a busy endpoint receives many requests a second, each would pay a handshake.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 16 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

type Failure = { error: string; errorKind: NonNullable<PostResult["errorKind"]> };

const ERRORS: Record<string, Failure> = {
  ECONNREFUSED: { error: "Connection refused", errorKind: "refused" },
  ECONNRESET: { error: "The connection was closed before an answer", errorKind: "closed" },
  EPIPE: { error: "The connection was closed before an answer", errorKind: "closed" },
  ENOTFOUND: { error: "Host not found", errorKind: "dns" },
  EAI_AGAIN: { error: "Host name lookup failed", errorKind: "dns" },
  EHOSTUNREACH: { error: "Host unreachable", errorKind: "refused" },
  ETIMEDOUT: { error: "Connection timed out", errorKind: "timeout" },
};

function describe(error: Error & { code?: string }): Failure {
  if (error.code && ERRORS[error.code]) return ERRORS[error.code];
  if (error.message === "socket hang up") return ERRORS.ECONNRESET;
  return { error: error.message.slice(0, 500), errorKind: "other" };
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(at - now, 0);
}

export const postWebhook: PostWebhook = (
  url,
  headers,
  body,
  { timeoutMs, maxBodyBytes = 2048, signal },
) => {
  const started = performance.now();
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    let status: number | null = null;
    let retryAfterMs: number | null = null;
    let location: string | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined = undefined;
    let request: http.ClientRequest | undefined = undefined;
    const text = () =>
      status === null ? null : Buffer.concat(chunks).subarray(0, maxBodyBytes).toString("utf8");
    function abort() {
      done(
        status === null
          ? { error: "Interrupted: the worker stopped", errorKind: "interrupted" }
          : null,
      );
      request?.destroy();
    }
    const done = (failure: Failure | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      resolve({
        status,
        body: text(),
        retryAfterMs,
        location,
        latencyMs: Math.round(performance.now() - started),
        error: failure?.error ?? null,
        errorKind: failure?.errorKind ?? null,
      });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return done({ error: "The endpoint's address is not a valid URL", errorKind: "other" });
    }
    const client = target.protocol === "https:" ? https : http;
    request = client.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as keyof typeof agents],
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Accord-Webhooks/1",
          ...headers,
        },
      },
      (response) => {
        status = response.statusCode ?? null;
        retryAfterMs = parseRetryAfter(response.headers["retry-after"]);
        location = response.headers.location ?? null;
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough read: the status is the answer; the rest of a large body is not worth waiting for.
          if (size >= maxBodyBytes) {
            done(null);
            response.destroy();
          }
        });
        response.on("end", () => done(null));
        response.on("error", () => done(null));
        response.on("aborted", () => done(null));
      },
    );
    // Once the status is in, a body that stalls does not turn the answer into a failure.
    timer = setTimeout(() => {
      if (status !== null) done(null);
      else
        done({
          error: `No answer within ${Math.round(timeoutMs / 100) / 10} s`,
          errorKind: "timeout",
        });
      request?.destroy();
    }, timeoutMs);
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort, { once: true });
    request.on("error", (error) => done(status === null ? describe(error) : null));
    request.end(body);
  });
};
