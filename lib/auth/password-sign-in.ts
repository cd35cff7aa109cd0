/**
 * A password sign-in, throttled: refused outright while the account or the IP is locked (even
 * with the right password), a failure counted and answered after a growing delay, a success
 * clearing the account's count. Every outcome is a security event in the log (the email only
 * as a pseudonym).
 */
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { accountTag, securityEvent } from "@/lib/infra/log";
import { verifyCredentials, type SignInInput } from "./credentials";
import type { SignInThrottle } from "./sign-in-throttle";

export type PasswordSignIn = { ok: true; user: User } | { ok: false; locked: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function passwordSignIn({
  db,
  throttle,
  ip,
  input,
}: {
  db: Db;
  throttle: SignInThrottle;
  ip: string | null;
  input: SignInInput;
}): Promise<PasswordSignIn> {
  const account = accountTag(input.email);
  const lockedMs = await throttle.lockedFor(input.email, ip);
  if (lockedMs > 0) {
    securityEvent("signin.locked_refused", {
      account,
      ip,
      retryAfterSeconds: Math.ceil(lockedMs / 1000),
    });
    return { ok: false, locked: true };
  }
  const user = await verifyCredentials(db, input);
  if (!user) {
    const failure = await throttle.recordFailure(input.email, ip);
    securityEvent("signin.failed", { account, ip });
    if (failure.locked)
      securityEvent("signin.lockout", {
        account,
        ip,
        by: failure.locked,
        lockSeconds: failure.lockSeconds,
      });
    await sleep(failure.delayMs);
    return { ok: false, locked: failure.locked !== null };
  }
  await throttle.recordSuccess(input.email);
  securityEvent("signin.succeeded", { userId: user.id, ip, provider: "credentials" });
  return { ok: true, user };
}
