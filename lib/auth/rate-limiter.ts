/**
 * Rate limiters from `rate-limiter-flexible`. On PostgreSQL the counters live in the
 * `rate_limits` table (its Drizzle store: one atomic upsert per hit), so a limit holds across
 * every app server; an in-memory limiter with the same figures stands in while the database does
 * not answer. On the embedded default (one process) they count in memory.
 */
import {
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Db, DbKind } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type LimiterStore = { kind: DbKind; db: Db };

export type LimiterFigures = {
  /** Counted under `<keyPrefix>:<key>`. */
  keyPrefix: string;
  /** Points (hits) allowed per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
};

export function createLimiter(store: LimiterStore, figures: LimiterFigures): RateLimiterAbstract {
  if (store.kind !== "postgres") return new RateLimiterMemory(figures);
  return new RateLimiterDrizzle({
    ...figures,
    storeClient: store.db,
    schema: rateLimits,
    insuranceLimiter: new RateLimiterMemory(figures),
  });
}

/** The counter after one more hit, whether or not the hit was over the limit. */
export async function hit(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

/** Seconds until a counter resets, at least 1. */
export function secondsLeft(res: Pick<RateLimiterRes, "msBeforeNext">): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
