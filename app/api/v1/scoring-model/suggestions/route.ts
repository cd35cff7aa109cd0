import { getDb } from "@/db/client";
import { getScoringSuggestions as contract } from "@/lib/http/contracts/scoring";
import { withApi } from "@/lib/http/with-api";
import {
  attributeSuggestions,
  eventSuggestions,
  propertySuggestions,
} from "@/lib/domain/scoring/suggestions";

/** Picker suggestions for the rule editor: events (last 90 days), an event's properties, lead field values. */
export const GET = withApi(contract, async ({ query, reply }) => {
  const db = await getDb();
  if (query.event)
    return reply(200, { data: { properties: await propertySuggestions(db, query.event) } });
  const [events, attributes] = await Promise.all([eventSuggestions(db), attributeSuggestions(db)]);
  return reply(200, { data: { events, ...attributes } });
});
