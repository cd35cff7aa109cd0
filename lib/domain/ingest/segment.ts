/**
 * Segment-compatible ingestion (also RudderStack, Jitsu and other Segment-spec sources):
 * `identify` upserts the lead from its traits, `track` becomes an event named by `event`, `page`
 * becomes "Page Viewed" with url/path/title. `messageId` is the idempotency key. A bad message is
 * reported by its index; the others are stored.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { upsertLeads } from "@/lib/domain/leads/upsert-leads";
import { ingestEvents, type ItemError } from "./ingest-events";

export const SEGMENT_TYPES = ["identify", "track", "page"] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

type Message = Record<string, unknown>;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;

function emailOf(message: Message): string | undefined {
  const traits = obj(message.traits);
  const contextTraits = obj(obj(message.context).traits);
  return str(traits.email) ?? str(contextTraits.email) ?? str(obj(message.properties).email);
}

function timestampOf(message: Message): string | undefined {
  const raw = message.timestamp ?? message.originalTimestamp;
  if (raw instanceof Date) return raw.toISOString();
  return str(raw);
}

const TRAIT_FIELDS: Record<string, string> = {
  email: "email",
  firstName: "firstName",
  first_name: "firstName",
  lastName: "lastName",
  last_name: "lastName",
  title: "jobTitle",
  jobTitle: "jobTitle",
  seniority: "seniority",
  industry: "industry",
  phone: "phone",
};

/** Segment's identify traits → Accord's lead input; unknown traits are kept as custom traits. */
export function leadFromIdentify(message: Message): Record<string, unknown> {
  const traits = obj(message.traits);
  const lead: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(traits)) {
    if (TRAIT_FIELDS[key]) lead[TRAIT_FIELDS[key]] = value;
    else if (key === "company")
      lead.company = typeof value === "object" && value ? obj(value).name : value;
    else if (key === "employees")
      lead.companySize = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    else if (key === "country") {
      if (typeof value === "string" && /^[A-Za-z]{2}$/.test(value.trim()))
        lead.country = value.trim();
      else custom.country = value;
    } else if (key === "address") {
      const country = str(obj(value).country);
      if (country && /^[A-Za-z]{2}$/.test(country) && lead.country === undefined)
        lead.country = country;
      custom.address = value;
    } else if (key !== "name") custom[key] = value;
  }
  if (typeof traits.name === "string" && !lead.firstName && !lead.lastName) {
    const [first, ...rest] = traits.name.trim().split(/\s+/);
    lead.firstName = first;
    if (rest.length) lead.lastName = rest.join(" ");
  }
  const externalId = str(message.userId);
  if (externalId) lead.externalId = externalId;
  if (Object.keys(custom).length) lead.traits = custom;
  return lead;
}

/** Segment's track/page → Accord's event input. */
export function eventFromMessage(
  type: "track" | "page",
  message: Message,
): Record<string, unknown> {
  const properties = { ...obj(message.properties) };
  let name = str(message.event);
  if (type === "page") {
    name = "Page Viewed";
    const page = obj(obj(message.context).page);
    for (const key of ["url", "path", "title", "referrer"])
      if (properties[key] === undefined && page[key] !== undefined) properties[key] = page[key];
    if (message.name !== undefined && properties.name === undefined) properties.name = message.name;
  }
  return {
    id: str(message.messageId),
    name,
    userId: str(message.userId),
    email: emailOf(message),
    properties,
    occurredAt: timestampOf(message),
  };
}

export type SegmentResult = {
  accepted: number;
  duplicates: number;
  /** Messages about an erased person (suppression list): skipped. */
  suppressed: number;
  identified: number;
  errors: ItemError[];
};

const messageSchema = z
  .object({
    type: z.enum(SEGMENT_TYPES, { message: `type must be one of ${SEGMENT_TYPES.join(", ")}.` }),
  })
  .loose();

/** Processes Segment messages: identifies first (so tracks can find their lead), then events. */
export async function ingestSegment(
  db: Db,
  messages: unknown[],
  defaultType?: SegmentType,
): Promise<SegmentResult> {
  const errors: ItemError[] = [];
  const identifies: { index: number; lead: Record<string, unknown> }[] = [];
  const tracked: { index: number; event: Record<string, unknown> }[] = [];
  messages.forEach((raw, index) => {
    const parsed = messageSchema.safeParse(defaultType ? { ...obj(raw), type: defaultType } : raw);
    if (!parsed.success) {
      errors.push({ index, code: "invalid", message: parsed.error.issues[0].message });
      return;
    }
    const message = parsed.data as Message;
    if (!str(message.userId) && !emailOf(message)) {
      errors.push({
        index,
        code: "invalid",
        message:
          "Accord needs a userId or an email trait to know the lead; anonymous messages are not stored.",
      });
      return;
    }
    if (parsed.data.type === "identify") {
      const lead = leadFromIdentify(message);
      if (!lead.email && !lead.externalId)
        errors.push({
          index,
          code: "invalid",
          message: "identify needs a userId or traits.email.",
        });
      else identifies.push({ index, lead });
    } else {
      tracked.push({ index, event: eventFromMessage(parsed.data.type, message) });
    }
  });
  let identified = 0;
  let suppressed = 0;
  if (identifies.length) {
    const result = await upsertLeads(
      db,
      identifies.map((i) => i.lead),
      { source: "segment" },
    );
    identified = result.leads.length;
    suppressed += result.suppressed;
    for (const e of result.errors) errors.push({ ...e, index: identifies[e.index].index });
  }
  let accepted = 0;
  let duplicates = 0;
  if (tracked.length) {
    const result = await ingestEvents(
      db,
      tracked.map((t) => t.event),
      { source: "segment" },
    );
    accepted = result.accepted;
    duplicates = result.duplicates;
    suppressed += result.suppressed;
    for (const e of result.errors) errors.push({ ...e, index: tracked[e.index].index });
  }
  errors.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, suppressed, identified, errors };
}
