import { z } from "zod";
import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import {
  attributeSuggestions,
  eventSuggestions,
  propertySuggestions,
} from "@/lib/domain/scoring/suggestions";

const query = z.object({ event: z.string().trim().min(1).max(200).optional() });

/** Picker suggestions for the rule editor: events (last 90 days), an event's properties, lead field values. */
export const GET = withApi(
  { permission: "rules:read", scope: "model:read", query },
  async ({ query }) => {
    const db = await getDb();
    if (query.event)
      return Response.json({ data: { properties: await propertySuggestions(db, query.event) } });
    const [events, attributes] = await Promise.all([
      eventSuggestions(db),
      attributeSuggestions(db),
    ]);
    return Response.json({ data: { events, ...attributes } });
  },
);
