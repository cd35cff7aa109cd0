import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { leadTimeline, timelineSchema } from "./lead-timeline";

let t: TestDb;
let leadId: string;
let otherEventId: number;
const ids: number[] = [];
const base = new Date("2026-11-01T09:00:00Z").getTime();

beforeAll(async () => {
  t = await createTestDb();
  const lead = await createLead(t.db);
  leadId = lead.id;
  // Six events an hour apart, alternating visits and downloads; the last two share a timestamp.
  for (let i = 0; i < 6; i++) {
    const at = new Date(base + Math.min(i, 4) * 3_600_000);
    const event = await createEvent(t.db, {
      leadId,
      name: i % 2 ? "Content Downloaded" : "Page Viewed",
      occurredAt: at,
    });
    ids.push(event.id);
  }
  const other = await createLead(t.db);
  otherEventId = (await createEvent(t.db, { leadId: other.id, occurredAt: new Date(base) })).id;
});
afterAll(() => t?.close());

const query = (input: Record<string, string>) => timelineSchema.parse(input);
const idsOf = (page: Awaited<ReturnType<typeof leadTimeline>>) => page.events.map((e) => e.id);

describe("leadTimeline", () => {
  it("lists the lead's events newest first, in keyset pages that neither skip nor repeat", async () => {
    const first = await leadTimeline(t.db, leadId, query({ limit: "4" }));
    expect(idsOf(first)).toEqual([ids[5], ids[4], ids[3], ids[2]]);
    expect(first.next).not.toBeNull();
    const second = await leadTimeline(
      t.db,
      leadId,
      query({ limit: "4", before: first.next!.before, beforeId: String(first.next!.beforeId) }),
    );
    expect(idsOf(second)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();
  });

  it("filters by event name", async () => {
    const page = await leadTimeline(t.db, leadId, query({ name: "Content Downloaded" }));
    expect(idsOf(page)).toEqual([ids[5], ids[3], ids[1]]);
  });

  it("filters to given event ids, and only among the lead's own events", async () => {
    const page = await leadTimeline(
      t.db,
      leadId,
      query({ ids: [ids[0], ids[4], otherEventId].join(",") }),
    );
    expect(idsOf(page)).toEqual([ids[4], ids[0]]);
    const paged = await leadTimeline(t.db, leadId, query({ ids: ids.join(","), limit: "2" }));
    expect(idsOf(paged)).toEqual([ids[5], ids[4]]);
    expect(paged.next).not.toBeNull();
    const none = await leadTimeline(t.db, leadId, { limit: 50, ids: [] });
    expect(none.events).toEqual([]);
  });

  it("accepts ids only as a list of numbers", () => {
    expect(query({ ids: "3,1,2" }).ids).toEqual([3, 1, 2]);
    for (const bad of [
      "",
      "1,,2",
      "1;select 1",
      "a",
      Array.from({ length: 201 }, (_, i) => i).join(","),
    ]) {
      expect(timelineSchema.safeParse({ ids: bad }).success, bad.slice(0, 20)).toBe(false);
    }
  });
});
