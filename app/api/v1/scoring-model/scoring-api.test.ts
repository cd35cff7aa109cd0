/**
 * The scoring model routes end to end, minus the cookie (the session lookup is the one thing
 * mocked): the draft and its preview, publishing, the version history and restore, the rule
 * editor's suggestions, and the threshold designer's evidence. Every answer is checked against
 * its contract (ACCORD_CHECK_RESPONSES).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEvent, createLead, createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { getLeadScore } from "@/lib/domain/scoring/lead-score";
import type { ScoringModelInput } from "@/lib/domain/scoring/model";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { getJob, startJobs, stopJobs, waitForJob } from "@/lib/jobs/queue";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const modelRoute = await import("./route");
const draftRoute = await import("./draft/route");
const previewRoute = await import("./draft/preview/route");
const publishRoute = await import("./publish/route");
const suggestionsRoute = await import("./suggestions/route");
const versionsRoute = await import("./versions/route");
const versionRoute = await import("./versions/[version]/route");
const restoreRoute = await import("./versions/[version]/restore/route");
const evidenceRoute = await import("../thresholds/evidence/route");

let t: TestDb;
const actors: Record<"rep" | "marketer" | "manager", Actor> = {} as never;
const lead: Record<"ada" | "bob" | "cy", string> = {} as never;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path: string) => new Request(`http://accord.test/api/v1/${path}`);
const send = (method: string, body?: unknown, key?: string, headers: Record<string, string> = {}) =>
  new Request("http://accord.test/api/v1/scoring-model", {
    method,
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const withKey = (path: string, key: string) =>
  new Request(`http://accord.test/api/v1/${path}`, { headers: { authorization: `Bearer ${key}` } });
const as = (actor: Actor | null) => (session.actor = actor);
const dataOf = async (response: Response) => (await response.json()).data;

/** Behaviour only, as a client would send it: the defaults (caps, grades, fit gate…) left out. */
const model = (questionPoints = 50, threshold = 100): ScoringModelInput => ({
  name: "Telecom",
  mqlThreshold: threshold,
  bands: [
    { name: "cold", min: 0 },
    { name: "warm", min: 50 },
    { name: "hot", min: 100 },
  ],
  rules: [
    { id: "open", label: "Opened an email", kind: "event", event: "Email Opened", points: 10 },
    { id: "visit", label: "Visited", kind: "event", event: "Page Viewed", points: 15, maxCount: 1 },
    {
      id: "guide",
      label: "Downloaded a guide",
      kind: "event",
      event: "Content Downloaded",
      where: [{ property: "asset_type", op: "eq", value: "guide" }],
      points: 30,
    },
    {
      id: "question",
      label: "Asked a question",
      kind: "event",
      event: "Question Asked",
      points: questionPoints,
    },
  ],
});

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  await startJobs({ work: true, schedule: false });
  for (const role of ["rep", "marketer", "manager"] as const)
    actors[role] = actorOf(await createUser(t.db, { role, name: `The ${role}` }));
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
  const ada = await createLead(t.db, {
    firstName: "Ada",
    lastName: "Lovelace",
    company: "Analytical Engines",
    jobTitle: "CTO",
    phone: "+33 1 23 45 67 89",
    traits: { plan: "pro" },
  });
  const bob = await createLead(t.db, {
    firstName: "Bob",
    lastName: "Byte",
    company: "Analytical Engines",
    phone: "+33 1 98 76 54 32",
  });
  const cy = await createLead(t.db, { firstName: "Cy", lastName: "Cold", company: "Iceberg" });
  Object.assign(lead, { ada: ada.id, bob: bob.id, cy: cy.id });
  for (const [leadId, name, properties, days] of [
    [ada.id, "Question Asked", {}, 2],
    [ada.id, "Content Downloaded", { asset_type: "guide" }, 3],
    [ada.id, "Page Viewed", { path: "/pricing" }, 4],
    [bob.id, "Page Viewed", { path: "/blog" }, 5],
    [bob.id, "Email Opened", {}, 6],
  ] as const)
    await createEvent(t.db, { leadId, name, properties, occurredAt: ago(days) });
});
afterAll(async () => {
  await stopJobs();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => as(actors.marketer));

describe("scoring model API", () => {
  it("answers 401 without a session and 403 to a rep, on reads and writes", async () => {
    const calls = [
      () => modelRoute.GET(get("scoring-model"), ctx()),
      () => draftRoute.GET(get("scoring-model/draft"), ctx()),
      () => draftRoute.PUT(send("PUT", model()), ctx()),
      () => previewRoute.POST(send("POST"), ctx()),
      () => publishRoute.POST(send("POST"), ctx()),
      () => suggestionsRoute.GET(get("scoring-model/suggestions"), ctx()),
      () => versionsRoute.GET(get("scoring-model/versions"), ctx()),
      () => versionRoute.GET(get("scoring-model/versions/1"), ctx({ version: "1" })),
      () => restoreRoute.POST(send("POST"), ctx({ version: "1" })),
      () => evidenceRoute.GET(get("thresholds/evidence"), ctx()),
    ];
    for (const [i, call] of calls.entries()) {
      as(null);
      expect((await call()).status, `call ${i}`).toBe(401);
      as(actors.rep);
      expect((await call()).status, `call ${i}`).toBe(403);
    }
    // A manager reads the model and the evidence but may not change the draft.
    as(actors.manager);
    expect((await draftRoute.PUT(send("PUT", model()), ctx())).status).toBe(403);
    expect((await publishRoute.POST(send("POST"), ctx())).status).toBe(403);
    expect((await versionsRoute.GET(get("scoring-model/versions"), ctx())).status).toBe(200);
  });

  it("has no model nor draft before the first save", async () => {
    expect((await modelRoute.GET(get("scoring-model"), ctx())).status).toBe(404);
    expect((await draftRoute.GET(get("scoring-model/draft"), ctx())).status).toBe(404);
    expect((await previewRoute.POST(send("POST"), ctx())).status).toBe(404);
    expect((await publishRoute.POST(send("POST"), ctx())).status).toBe(404);
  });

  it("refuses an invalid draft with the JSON path of every invalid field", async () => {
    const bad = { ...model(), bands: [], rules: [{ ...model().rules[0], points: "ten" }] };
    const response = await draftRoute.PUT(send("PUT", bad), ctx());
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("unprocessable");
    expect(Object.keys(error.fields).sort()).toEqual(["$.bands", "$.rules.0.points"]);
    expect((await draftRoute.GET(get("scoring-model/draft"), ctx())).status).toBe(404);
  });

  it("saves a valid draft with its defaults filled, and reads it back", async () => {
    const saved = await dataOf(await draftRoute.PUT(send("PUT", model()), ctx()));
    expect(saved).toMatchObject({
      baseVersion: null,
      updatedBy: "The marketer",
      valid: true,
      model: { name: "Telecom", caps: { fit: null, engagement: null, total: null } },
    });
    expect(saved.model.requiredFields).toEqual(["email", "phone"]);
    const read = await dataOf(await draftRoute.GET(get("scoring-model/draft"), ctx()));
    expect(read).toEqual(saved);
  });

  it("refuses a save based on a revision someone else has replaced, naming who changed it", async () => {
    const ifMatch = (body: unknown, revision: string) => {
      const request = send("PUT", body);
      request.headers.set("if-match", revision);
      return request;
    };
    const { revision } = await dataOf(await draftRoute.GET(get("scoring-model/draft"), ctx()));
    expect(revision).toBeGreaterThan(0);
    // Two people save on top of the same revision at once: one wins, the other is told.
    const answers = await Promise.all([
      draftRoute.PUT(ifMatch(model(40), String(revision)), ctx()),
      draftRoute.PUT(ifMatch(model(45), `"${revision}"`), ctx()),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = (await answers.find((a) => a.status === 409)!.json()).error;
    expect(refused.code).toBe("conflict");
    expect(refused.message).toContain("The marketer changed the draft");
    const kept = await dataOf(await draftRoute.GET(get("scoring-model/draft"), ctx()));
    expect(kept.revision).toBe(revision + 1);
    const winner = answers.findIndex((a) => a.status === 200) === 0 ? 40 : 45;
    expect(kept.model.rules.find((r: { id: string }) => r.id === "question").points).toBe(winner);
    // Saving again on top of the new revision works; a malformed If-Match names the header.
    expect((await draftRoute.PUT(ifMatch(model(), String(kept.revision)), ctx())).status).toBe(200);
    const malformed = await draftRoute.PUT(ifMatch(model(), "yesterday"), ctx());
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.fields).toHaveProperty("If-Match");
  });

  it("previews the saved draft, or a model in the body, without publishing", async () => {
    const preview = await dataOf(await previewRoute.POST(send("POST"), ctx()));
    expect(preview).toMatchObject({
      leads: 3,
      changed: 3,
      newlyMql: 0,
      mqlBefore: 0,
      mqlAfter: 0,
      handoffs: 0,
      threshold: { before: null, after: 100 },
      activeVersion: null,
    });
    expect(preview.histogram).toHaveLength(20);
    expect(preview.movers[0]).toMatchObject({
      leadId: lead.ada,
      name: "Ada Lovelace",
      before: null,
      after: 95,
    });
    const lower = await dataOf(await previewRoute.POST(send("POST", model(50, 20)), ctx()));
    expect(lower).toMatchObject({
      newlyMql: 2,
      mqlAfter: 2,
      handoffs: 2,
      threshold: { after: 20 },
    });
    const invalid = await previewRoute.POST(send("POST", { ...model(), mqlThreshold: "x" }), ctx());
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).error.fields)).toEqual(["$.mqlThreshold"]);
    expect((await modelRoute.GET(get("scoring-model"), ctx())).status).toBe(404);
  });

  it("publishes the draft as version 1, rescoring every lead and handing over the MQLs", async () => {
    // 95 points: below 100. Save 60 for the question to make Ada an MQL (105).
    await draftRoute.PUT(send("PUT", model(60)), ctx());
    const tooLong = await publishRoute.POST(send("POST", { note: "x".repeat(2001) }), ctx());
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.fields).toEqual({
      note: ["Keep the note under 2,000 characters."],
    });
    // Publishing runs as a job; this client waits for it (Prefer: wait=N) and gets the result.
    const response = await publishRoute.POST(
      send("POST", { note: "  First agreed model " }, undefined, { prefer: "wait=60" }),
      ctx(),
    );
    expect(response.status).toBe(200);
    const published = await dataOf(response);
    expect(published).toMatchObject({ version: 1, leadsRescored: 3, handedOver: 1 });
    expect(await getLeadScore(t.db, lead.ada)).toMatchObject({ total: 105, modelVersion: 1 });
    const active = await dataOf(await modelRoute.GET(get("scoring-model"), ctx()));
    expect(active).toMatchObject({
      version: 1,
      author: "The marketer",
      note: "First agreed model",
      model: { mqlThreshold: 100 },
    });
    expect(Date.parse(active.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("publishes an edited draft as version 2, with no body, and rescores against it", async () => {
    const saved = await dataOf(await draftRoute.PUT(send("PUT", model(80)), ctx()));
    expect(saved.baseVersion).toBe(1);
    const preview = await dataOf(await previewRoute.POST(send("POST"), ctx()));
    expect(preview).toMatchObject({
      activeVersion: 1,
      changed: 1,
      newlyMql: 0,
      mqlBefore: 1,
      mqlAfter: 1,
      threshold: { before: 100, after: 100 },
    });
    expect(preview.movers).toEqual([
      {
        leadId: lead.ada,
        name: "Ada Lovelace",
        company: "Analytical Engines",
        before: 105,
        after: 125,
      },
    ]);
    // Without waiting: 202 and the job to follow, which reports leads rescored out of the total.
    const response = await publishRoute.POST(send("POST"), ctx());
    expect(response.status).toBe(202);
    const { jobId, version } = await dataOf(response);
    expect(version).toBe(2);
    expect((await waitForJob(t.db, jobId, 30_000))?.state).toBe("done");
    expect(await getJob(t.db, jobId)).toMatchObject({
      progressDone: 3,
      progressTotal: 3,
      result: { version: 2, leadsRescored: 3, handedOver: 0 },
    });
    expect(await getLeadScore(t.db, lead.ada)).toMatchObject({ total: 125, modelVersion: 2 });
    expect(await getLeadScore(t.db, lead.bob)).toMatchObject({ total: 25, modelVersion: 2 });
    expect((await dataOf(await modelRoute.GET(get("scoring-model"), ctx()))).note).toBe("");
  });

  it("lists the versions newest first and reads one with its model", async () => {
    const versions = await dataOf(await versionsRoute.GET(get("scoring-model/versions"), ctx()));
    expect(versions).toHaveLength(2);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1]).toMatchObject({
      name: "Telecom",
      note: "First agreed model",
      authorLabel: "The marketer",
      leadsRescored: 3,
    });
    const one = await dataOf(
      await versionRoute.GET(get("scoring-model/versions/1"), ctx({ version: "1" })),
    );
    expect(one).toMatchObject({ version: 1, author: "The marketer", leadsRescored: 3 });
    expect(one.model.rules.find((r: { id: string }) => r.id === "question").points).toBe(60);
    for (const version of ["3", "0", "abc"]) {
      const missing = await versionRoute.GET(get("scoring-model/versions/x"), ctx({ version }));
      expect(missing.status, version).toBe(404);
    }
  });

  it("restores a version into the draft, based on the active version, without publishing", async () => {
    const restored = await dataOf(await restoreRoute.POST(send("POST"), ctx({ version: "1" })));
    expect(restored).toMatchObject({
      restoredFrom: 1,
      baseVersion: 2,
      valid: true,
      updatedBy: "The marketer",
    });
    expect(restored.model.rules.find((r: { id: string }) => r.id === "question").points).toBe(60);
    const draft = await dataOf(await draftRoute.GET(get("scoring-model/draft"), ctx()));
    expect(draft.model).toEqual(restored.model);
    expect((await dataOf(await modelRoute.GET(get("scoring-model"), ctx()))).version).toBe(2);
    expect((await restoreRoute.POST(send("POST"), ctx({ version: "7" }))).status).toBe(404);
  });

  it("returns a draft that no longer validates as saved, and refuses to publish it", async () => {
    await saveDraft(
      t.db,
      // Deliberately not a model: a draft saved under an older model schema.
      { name: "Legacy", mqlThreshold: 50, rules: "old" } as never,
      {
        userId: null,
        label: "Old importer",
      },
    );
    const draft = await dataOf(await draftRoute.GET(get("scoring-model/draft"), ctx()));
    expect(draft).toMatchObject({
      valid: false,
      model: { name: "Legacy", rules: "old" },
      updatedBy: "Old importer",
      baseVersion: 2,
    });
    const refused = await publishRoute.POST(send("POST"), ctx());
    expect(refused.status).toBe(422);
    expect(Object.keys((await refused.json()).error.fields)).toEqual(
      expect.arrayContaining(["$.bands", "$.rules"]),
    );
    expect((await previewRoute.POST(send("POST"), ctx())).status).toBe(422);
  });

  it("suggests the events, field values and traits seen, and an event's properties", async () => {
    const all = await dataOf(await suggestionsRoute.GET(get("scoring-model/suggestions"), ctx()));
    expect(all.events).toEqual(
      expect.arrayContaining([
        { value: "Page Viewed", count: 2 },
        { value: "Question Asked", count: 1 },
      ]),
    );
    expect(all.events[0]).toEqual({ value: "Page Viewed", count: 2 });
    expect(all.fields.find((f: { field: string }) => f.field === "company").values).toEqual([
      { value: "Analytical Engines", count: 2 },
      { value: "Iceberg", count: 1 },
    ]);
    expect(all.traits).toEqual([{ value: "plan", count: 1 }]);
    const page = await dataOf(
      await suggestionsRoute.GET(get("scoring-model/suggestions?event=Page%20Viewed"), ctx()),
    );
    expect(page.properties).toEqual([
      {
        key: "path",
        count: 2,
        values: [
          { value: "/blog", count: 1 },
          { value: "/pricing", count: 1 },
        ],
      },
    ]);
    const tooLong = await suggestionsRoute.GET(
      get(`scoring-model/suggestions?event=${"e".repeat(201)}`),
      ctx(),
    );
    expect(tooLong.status).toBe(400);
  });

  it("gives a manager the threshold evidence: scores, and past handoffs backtested under the draft or the live model", async () => {
    as(actors.manager);
    const evidence = await dataOf(await evidenceRoute.GET(get("thresholds/evidence"), ctx()));
    expect(evidence.scores).toEqual([
      { score: 0, leads: 1 },
      { score: 25, leads: 1 },
      { score: 125, leads: 1 },
    ]);
    // Ada was handed over at 105 under version 1; backtested under the live version 2, as of the
    // handoff, she scores 125 — the model judged, not the one that scored her then.
    const live = await dataOf(
      await evidenceRoute.GET(get("thresholds/evidence?model=live"), ctx()),
    );
    expect(live).toMatchObject({ model: "live", target: "opportunity", unrecorded: 0 });
    expect(live.weeks).toHaveLength(26);
    expect(live.historySince).not.toBeNull();
    expect(live.weeks.at(-1).handoffs).toEqual([{ score: 125, mqls: 1 }]);
    expect(live.handoffs).toEqual([{ score: 125, mqls: 1, decided: 0, converted: 0 }]);
    // The saved draft no longer validates (above): the designer judges the live model meanwhile.
    expect(evidence).toMatchObject({ model: "live", handoffs: live.handoffs });
    const bad = await evidenceRoute.GET(get("thresholds/evidence?model=next"), ctx());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("model");
  });

  it("takes API keys by scope: model:read reads, model:write changes the draft", async () => {
    as(null);
    const read = (await createApiKey(t.db, { name: "BI", scopes: ["model:read"] }, null)).secret;
    const write = (await createApiKey(t.db, { name: "CI", scopes: ["model:write"] }, null)).secret;
    expect((await evidenceRoute.GET(withKey("thresholds/evidence", read), ctx())).status).toBe(200);
    expect((await draftRoute.PUT(send("PUT", model(), read), ctx())).status).toBe(403);
    expect((await draftRoute.GET(withKey("scoring-model/draft", write), ctx())).status).toBe(403);
    const restored = await dataOf(
      await restoreRoute.POST(send("POST", undefined, write), ctx({ version: "2" })),
    );
    expect(restored).toMatchObject({ restoredFrom: 2, updatedBy: "API key “CI”" });
  });
});
