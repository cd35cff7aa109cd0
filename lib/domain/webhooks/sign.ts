/**
 * Standard Webhooks signing with the `standardwebhooks` package (the same library receivers and
 * our tests verify with): `webhook-id`, `webhook-timestamp` (the attempt's time, so a retry hours
 * later is still within the receiver's tolerance) and `webhook-signature`, one `v1,<base64>` per
 * secret — two during a rotation's grace period.
 */
import { Webhook } from "standardwebhooks";

export type SignedRequest = { headers: Record<string, string>; body: string };

export function webhookBody(type: string, occurredAt: Date, data: unknown): string {
  return JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });
}

export function signRequest(
  secrets: string[],
  messageId: string,
  body: string,
  at: Date,
): SignedRequest {
  return {
    body,
    headers: {
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(" "),
    },
  };
}
