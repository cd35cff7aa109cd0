import { expect, test } from "./test";
import type { APIRequestContext } from "@playwright/test";
import { TEMPLATES } from "../lib/domain/scoring/templates";
import { createApiKey } from "./api-keys";

test.describe.configure({ mode: "serial" });

let key: string;
const auth = () => ({ Authorization: `Bearer ${key}` });
const run = Date.now().toString(36);
const FR_REPS = ["Thomas Petit", "Léa Moreau", "Hugo Laurent"];

const actions = (email: string, prefix: string) => [
  { id: `${prefix}-1`, email, name: "Link Clicked", properties: { channel: "linkedin" } },
  { id: `${prefix}-2`, email, name: "Page Viewed", properties: { path: "/product" } },
  { id: `${prefix}-3`, email, name: "Content Downloaded", properties: { asset_type: "guide" } },
  { id: `${prefix}-4`, email, name: "Question Asked", properties: { channel: "social" } },
];

async function lead(request: APIRequestContext, email: string) {
  const [row] = (
    await (
      await request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, { headers: auth() })
    ).json()
  ).data;
  return (await (await request.get(`/api/v1/leads/${row.id}`, { headers: auth() })).json()).data;
}

test.beforeAll(async ({ browser, request }) => {
  key = await createApiKey(browser, [
    "events:write",
    "leads:read",
    "leads:write",
    "model:read",
    "model:write",
  ]);
  expect(
    (
      await request.put("/api/v1/scoring-model/draft", {
        headers: auth(),
        data: TEMPLATES["seed-003-telecom"],
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await request.post("/api/v1/scoring-model/publish", {
        // Publishing runs as a job: wait for it to be live.
        headers: { ...auth(), prefer: "wait=60" },
        data: { note: "seed 003, MQL at 100" },
      })
    ).status(),
  ).toBe(200);
});

test("Thibault (110 points, email and phone, FR) becomes an MQL owned by a rep of the FR team", async ({
  request,
}) => {
  const email = `thibault.${run}@horizon.test`;
  await request.post("/api/v1/leads", {
    headers: auth(),
    data: {
      email,
      firstName: "Thibault",
      lastName: "Marchand",
      jobTitle: "Directeur des achats",
      country: "FR",
      phone: "+33 6 12 34 56 78",
    },
  });
  const sent = await request.post("/api/v1/events", {
    headers: auth(),
    data: { events: actions(email, `th-${run}`) },
  });
  expect((await sent.json()).accepted).toBe(4);
  const data = await lead(request, email);
  expect(data.score.total).toBe(110);
  expect(data.stage).toBe("mql");
  expect(FR_REPS).toContain(data.owner.name);
  expect(data.owner.team).toBe("EMEA");
  expect(data.fitGate).toEqual({ passes: true, excludedBy: [] });
  expect(data.nurtureTrack).toBeNull();
  expect(data.transitions).toEqual([
    expect.objectContaining({
      from: "lead",
      to: "mql",
      reason: "threshold_reached",
      score: expect.objectContaining({ total: 110 }),
    }),
  ]);
});

test("the same events for a student do not hand over", async ({ request }) => {
  const email = `student.${run}@univ.test`;
  await request.post("/api/v1/leads", {
    headers: auth(),
    data: { email, jobTitle: "Student", country: "FR", phone: "+33 6 00 00 00 00" },
  });
  await request.post("/api/v1/events", {
    headers: auth(),
    data: { events: actions(email, `st-${run}`) },
  });
  const data = await lead(request, email);
  expect(data.score.total).toBe(110);
  expect(data.stage).toBe("lead");
  expect(data.fitGate.passes).toBe(false);
  expect(data.transitions).toEqual([]);
});

test("without a phone, no handoff until identify brings the phone; then handoff", async ({
  request,
}) => {
  const email = `nophone.${run}@acme.test`;
  const userId = `crm-${run}`;
  await request.post("/api/segment/v1/identify", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { userId, messageId: `id1-${run}`, traits: { email, title: "CTO", country: "FR" } },
  });
  await request.post("/api/v1/events", {
    headers: auth(),
    data: { events: actions(email, `np-${run}`) },
  });
  let data = await lead(request, email);
  expect(data.score.total).toBe(110);
  expect(data.stage).toBe("lead");
  expect(data.missingFields).toEqual(["phone"]);
  await request.post("/api/segment/v1/identify", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { userId, messageId: `id2-${run}`, traits: { email, phone: "+33 6 11 22 33 44" } },
  });
  data = await lead(request, email);
  expect(data.stage).toBe("mql");
  expect(FR_REPS).toContain(data.owner.name);
});

test("lists MQLs by owner with cursor pagination", async ({ request }) => {
  const first = await (
    await request.get("/api/v1/leads?stage=mql&owner=unassigned&pageSize=2", { headers: auth() })
  ).json();
  const seen = new Set(first.data.map((l: { id: string }) => l.id));
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await (
      await request.get(`/api/v1/leads?stage=mql&owner=unassigned&pageSize=2&cursor=${cursor}`, {
        headers: auth(),
      })
    ).json();
    for (const l of page.data) {
      expect(seen.has(l.id)).toBe(false);
      expect(l.stage).toBe("mql");
      expect(l.owner).toBeNull();
      seen.add(l.id);
    }
    cursor = page.nextCursor;
  }
  expect(seen.size).toBe(first.total);
});
