import { z } from "zod";

export const MAX_BATCH = 1000;
const MAX_PROPERTIES_BYTES = 32_768;

const earliest = new Date("2000-01-01T00:00:00Z").getTime();

/** One event from a client. Exactly how the lead is named is up to the client: leadId, email or userId. */
export const eventInputSchema = z
  .object({
    id: z
      .string({ message: "Give every event an id (its idempotency key)." })
      .trim()
      .min(1, "Give every event an id (its idempotency key).")
      .max(200),
    email: z.string().trim().toLowerCase().email("Not a valid email address.").max(320).optional(),
    leadId: z.guid({ message: "leadId must be a lead's UUID." }).optional(),
    userId: z.string().trim().min(1).max(200).optional(),
    name: z.string({ message: "Name the event." }).trim().min(1, "Name the event.").max(200),
    properties: z
      .record(z.string(), z.unknown(), { message: "properties must be a JSON object." })
      .default({})
      .refine(
        (p) => JSON.stringify(p).length <= MAX_PROPERTIES_BYTES,
        `properties must stay under ${MAX_PROPERTIES_BYTES} bytes.`,
      ),
    occurredAt: z.iso
      .datetime({
        offset: true,
        message: "occurredAt must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z.",
      })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() >= earliest, "occurredAt is before the year 2000.")
      .refine(
        (d) => d.getTime() <= Date.now() + 86_400_000,
        "occurredAt is more than a day in the future.",
      )
      .optional(),
  })
  .refine((e) => e.leadId || e.email || e.userId, {
    message: "Name the lead with leadId, email or userId.",
    path: ["email"],
  });

export type EventInput = z.output<typeof eventInputSchema>;

export const eventBatchSchema = z.object({
  events: z
    .array(z.unknown(), { message: 'Send { "events": [ … ] }.' })
    .min(1, "Send at least one event."),
});
