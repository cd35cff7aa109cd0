/**
 * Brute-force protection of the password sign-in (OWASP ASVS V6): failures are counted per
 * account (the email, known or not, so a lock says nothing about which accounts exist) and per
 * client IP. Each failure answers a little later than the one before (a growing delay); at the
 * account's limit the account is locked for a while, during which even the right password is
 * refused; at the IP's limit, that IP is. A success clears the account's count.
 */
import { createHash } from "node:crypto";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter, hit, type LimiterStore } from "./rate-limiter";

export type SignInLimits = {
  /** Failures in a row on one account (within an hour) before it is locked. */
  accountFailures: number;
  /** Failures from one IP, over `lockSeconds`, before it is locked. */
  ipFailures: number;
  /** How long a lock lasts (and the window an IP's failures are counted over). */
  lockSeconds: number;
  /** The first failure's delay; each next one doubles it (at most 8 s). */
  delayMs: number;
};

export const MAX_FAILURE_DELAY_MS = 8_000;

/** An account's failures count "in a row" until a success, or an hour without another failure. */
const ACCOUNT_WINDOW_SECONDS = 3600;

/** The pause before answering the `failures`-th failure in a row (1-based). */
export function failureDelayMs(failures: number, baseMs: number): number {
  if (baseMs <= 0 || failures < 1) return 0;
  return Math.min(baseMs * 2 ** Math.min(failures - 1, 16), MAX_FAILURE_DELAY_MS);
}

export type Failure = { delayMs: number; locked: "account" | "ip" | null; lockSeconds: number };

export class SignInThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly ip: RateLimiterAbstract;

  constructor(
    store: LimiterStore,
    readonly limits: SignInLimits,
  ) {
    this.account = createLimiter(store, {
      keyPrefix: "signin:account",
      points: limits.accountFailures,
      duration: Math.max(ACCOUNT_WINDOW_SECONDS, limits.lockSeconds),
    });
    this.ip = createLimiter(store, {
      keyPrefix: "signin:ip",
      points: limits.ipFailures,
      duration: limits.lockSeconds,
    });
  }

  /** Milliseconds until this account (or IP) may try again; 0 when it is not locked. */
  async lockedFor(email: string, ip: string | null): Promise<number> {
    const [account, fromIp] = await Promise.all([
      this.account.get(accountKey(email)),
      ip ? this.ip.get(ip) : null,
    ]);
    const waits = [
      account && account.consumedPoints >= this.limits.accountFailures ? account.msBeforeNext : 0,
      fromIp && fromIp.consumedPoints >= this.limits.ipFailures ? fromIp.msBeforeNext : 0,
    ];
    return Math.max(0, ...waits);
  }

  async recordFailure(email: string, ip: string | null): Promise<Failure> {
    const account = await hit(this.account, accountKey(email));
    const fromIp = ip ? await hit(this.ip, ip) : null;
    let locked: Failure["locked"] = null;
    // The lock runs from the failure that reached the limit, for the full lock time.
    if (account.consumedPoints === this.limits.accountFailures) {
      await this.account.block(accountKey(email), this.limits.lockSeconds);
      locked = "account";
    }
    if (ip && fromIp && fromIp.consumedPoints === this.limits.ipFailures) {
      await this.ip.block(ip, this.limits.lockSeconds);
      locked ??= "ip";
    }
    return {
      delayMs: failureDelayMs(account.consumedPoints, this.limits.delayMs),
      locked,
      lockSeconds: this.limits.lockSeconds,
    };
  }

  async recordSuccess(email: string): Promise<void> {
    await this.account.delete(accountKey(email));
  }
}

/** Counted under a hash of the email: the counters table holds no address. */
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}
