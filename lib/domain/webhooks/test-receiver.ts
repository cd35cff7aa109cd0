/**
 * A webhook receiver on a local port, for tests, the e2e spec and the bench: it records every
 * request (headers, raw body, arrival time) and answers as the test scripts it — a status, a
 * hang, or a connection closed without an answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; headers: Record<string, string>; body: string; at: number };
export type Reply =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { hang: true }
  | { close: true };

export type Receiver = {
  url: string;
  received: Received[];
  /** Resolves once `count` requests arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startReceiver(
  respond: (request: Received, index: number) => Reply = () => ({ status: 200 }),
): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request: Received = {
        path: req.url ?? "/",
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(", ") : (v ?? ""),
          ]),
        ),
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      const reply = respond(request, received.length);
      received.push(request);
      if ("hang" in reply) return;
      if ("close" in reply) return void req.socket.destroy();
      res.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
      res.end(reply.body ?? "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    async waitFor(count, ms = 15_000) {
      const end = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > end)
          throw new Error(`Expected ${count} webhook requests, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
