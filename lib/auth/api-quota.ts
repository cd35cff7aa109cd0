/**
 * Requests per API key per minute (ingestion, Segment's write key and the rest of the API alike),
 * so one client's flood cannot starve the others. The answer carries what is left of the window.
 */
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, hit, secondsLeft, type LimiterStore } from "./rate-limiter";

export type Quota = {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  exceeded: boolean;
};

export class ApiQuota {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    store: LimiterStore,
    readonly perMinute: number,
  ) {
    this.limiter = createLimiter(store, { keyPrefix: "api:key", points: perMinute, duration: 60 });
  }

  async take(apiKeyId: string): Promise<Quota> {
    const res = await hit(this.limiter, apiKeyId);
    return {
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - res.consumedPoints),
      resetSeconds: secondsLeft(res),
      exceeded: res.consumedPoints > this.perMinute,
    };
  }
}
