/**
 * RFC 7240 `Prefer: wait=N`: how long (seconds, capped) a client is willing to wait for work that
 * runs as a job before taking a 202 and polling the job instead.
 */
export function preferredWaitMs(request: Request, maxSeconds = 120): number {
  const header = request.headers.get("prefer") ?? "";
  const match = /(?:^|[,;\s])wait=(\d{1,6})(?:$|[,;\s])/i.exec(header);
  if (!match) return 0;
  return Math.min(Number(match[1]), maxSeconds) * 1000;
}
