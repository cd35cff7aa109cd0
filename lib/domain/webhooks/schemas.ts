/** What people and API clients send to manage endpoints and read deliveries, validated at the edge. */
import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "@/lib/shared/vocabulary";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const webhookUrlSchema = z
  .string({ message: "Give the address that will receive the events." })
  .trim()
  .min(1, "Give the address that will receive the events.")
  .max(2000, "Keep the address under 2,000 characters.")
  .refine(isHttpUrl, "Use an http:// or https:// address, e.g. https://crm.example.com/hooks.");

export const webhookEventTypesSchema = z
  .array(
    z.enum(WEBHOOK_EVENT_TYPES, {
      message: `Event types are ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
    }),
    { message: "Choose the events to send, as a list." },
  )
  .min(1, "Choose at least one event.")
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t)));

const description = z.string().trim().max(500, "Keep the description under 500 characters.");

export const createEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: description.default(""),
  eventTypes: webhookEventTypesSchema,
  enabled: z.boolean().default(true),
});
export type CreateEndpointInput = z.output<typeof createEndpointSchema>;

export const updateEndpointSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    description: description.optional(),
    eventTypes: webhookEventTypesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: "Send at least one of url, description, eventTypes or enabled.",
  });
export type UpdateEndpointInput = z.output<typeof updateEndpointSchema>;

export const deliveriesQuerySchema = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  /** The id of the last delivery of the previous page (newest first). */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type DeliveriesQuery = z.output<typeof deliveriesQuerySchema>;
