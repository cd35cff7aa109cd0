/**
 * Signing secrets in the Standard Webhooks format: `whsec_` and the base64 of 32 random bytes (the
 * spec asks for 24 to 64). Shown once; afterwards people see only the prefix to recognise it.
 */
import { randomBytes } from "node:crypto";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function secretPrefix(secret: string): string {
  return `${secret.slice(0, "whsec_".length + 6)}…`;
}
