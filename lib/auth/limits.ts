/**
 * This process's limiters, built once on the app's database from the configured figures
 * (`ACCORD_SIGNIN_*`, `ACCORD_API_RATE_LIMIT`). `resetAppLimits` is for tests that change them.
 */
import { getDbHandle } from "@/db/client";
import { limitsEnv } from "@/lib/infra/env";
import { ApiQuota } from "./api-quota";
import { SignInThrottle } from "./sign-in-throttle";

type Limits = { signIn: SignInThrottle; api: ApiQuota | null };

declare global {
  var accordLimits: Promise<Limits> | undefined;
}

export function appLimits(): Promise<Limits> {
  globalThis.accordLimits ??= (async () => {
    const { db, kind } = await getDbHandle();
    const limits = limitsEnv();
    return {
      signIn: new SignInThrottle({ db, kind }, limits.signIn),
      api: limits.apiPerMinute > 0 ? new ApiQuota({ db, kind }, limits.apiPerMinute) : null,
    };
  })().catch((error) => {
    globalThis.accordLimits = undefined;
    throw error;
  });
  return globalThis.accordLimits;
}

export function resetAppLimits(): void {
  globalThis.accordLimits = undefined;
}
