/**
 * The sales routes end to end, minus the cookie (the session lookup is the one thing mocked):
 * inbox and its reps, touches, decisions, reassignment, reasons, SLA tiers, notifications (and
 * marking them read), and the lead API. Every answer is checked against its contract.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import {
  decisionResponseSchema,
  inboxResponseSchema,
  leadSalesSchema,
  touchResponseSchema,
} from "@/lib/http/contracts/sales-responses";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { sweepBreaches } from "@/lib/domain/sla/sweep";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const inboxRoute = await import("./route");
const repsRoute = await import("./reps/route");
const touchesRoute = await import("../leads/[id]/touches/route");
const decisionsRoute = await import("../leads/[id]/decisions/route");
const assignRoute = await import("../leads/[id]/assign/route");
const leadRoute = await import("../leads/[id]/route");
const reasonsRoute = await import("../reasons/route");
const reasonRoute = await import("../reasons/[id]/route");
const policiesRoute = await import("../sla-policies/route");
const notificationsRoute = await import("../notifications/route");
const readRoute = await import("../notifications/read/route");
const clockRoute = await import("../test/clock/route");

let t: TestDb;
let s: Awaited<ReturnType<typeof salesTeams>>;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path = "/api/v1/x") => new Request(`http://accord.test${path}`);
const json = (method: string, body: unknown) =>
  new Request("http://accord.test/api/v1/x", {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const bant = { budget: "40 k€", authority: "CTO", need: "PBX", timeframe: "Q1" };
const as = (actor: Actor | null) => (session.actor = actor);
const ids = async (response: Response) =>
  ((await response.json()).data as { id: string }[]).map((r) => r.id);
const del = () => new Request("http://accord.test/api/v1/x", { method: "DELETE" });

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  s = await salesTeams(t.db);
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => as(null));

describe("sales API", () => {
  it("inbox: 401 without a session, 403 for a marketer, the rep's own rows otherwise", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    expect((await inboxRoute.GET(get(), ctx())).status).toBe(401);
    as(s.marketer);
    expect((await inboxRoute.GET(get(), ctx())).status).toBe(403);
    as(s.frRep);
    const response = await inboxRoute.GET(get(), ctx());
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toMatch(/^inbox;dur=/);
    const body = inboxResponseSchema.parse(await response.json());
    expect(body.data.map((r: { id: string }) => r.id)).toContain(lead.id);
    as(s.frRep2);
    expect(
      (await (await inboxRoute.GET(get(), ctx())).json()).data.map((r: { id: string }) => r.id),
    ).not.toContain(lead.id);
  });

  it("inbox: a manager narrows to one rep, the unassigned queue or breached clocks; a bad repId answers 400", async () => {
    const hour = 3_600_000;
    const mine = await assignedMql(t.db, s.frRep, new Date(Date.now() - hour));
    const queued = await assignedMql(t.db, null, new Date(Date.now() - hour));
    const late = await assignedMql(t.db, s.frRep2, new Date(Date.now() - 30 * 24 * hour));
    await sweepBreaches(t.db, new Date());
    as(s.frManager);
    const all = await ids(await inboxRoute.GET(get("/api/v1/inbox"), ctx()));
    expect(all).toEqual(expect.arrayContaining([mine.id, queued.id, late.id]));

    const byRep = await inboxRoute.GET(get(`/api/v1/inbox?repId=${s.frRep.id}`), ctx());
    const rows = inboxResponseSchema.parse(await byRep.json()).data;
    expect(rows.map((r) => r.id)).toContain(mine.id);
    expect(rows.every((r) => r.owner?.id === s.frRep.id)).toBe(true);
    expect(rows.find((r) => r.id === mine.id)?.sla).toMatchObject({
      touchesDone: 0,
      breached: { firstTouch: false },
    });

    const unassigned = await inboxRoute.GET(get("/api/v1/inbox?repId=unassigned"), ctx());
    const queue = inboxResponseSchema.parse(await unassigned.json()).data;
    expect(queue.map((r) => r.id)).toContain(queued.id);
    expect(queue.every((r) => r.owner === null && r.sla === null)).toBe(true);

    const breached = await inboxRoute.GET(get("/api/v1/inbox?breached=true&limit=50"), ctx());
    const late_ = inboxResponseSchema.parse(await breached.json()).data;
    expect(late_.map((r) => r.id)).toContain(late.id);
    expect(late_.map((r) => r.id)).not.toContain(mine.id);
    expect(late_.find((r) => r.id === late.id)?.sla).toMatchObject({
      breached: { firstTouch: true },
      overdue: true,
    });

    const bad = await inboxRoute.GET(get("/api/v1/inbox?repId=bob"), ctx());
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["repId"]);
  });

  it("inbox reps: a manager's team with their load, every team's for an admin, none for a manager in no team", async () => {
    as(s.frRep);
    expect((await repsRoute.GET(get(), ctx())).status).toBe(403);
    await assignedMql(t.db, s.frRep2, new Date(Date.now() - 3_600_000));

    as(s.frManager);
    const team = await repsRoute.GET(get(), ctx());
    expect(team.status).toBe(200);
    const reps = (await team.json()).data as { id: string; open: number }[];
    expect(reps.map((r) => r.id).sort()).toEqual([s.frRep.id, s.frRep2.id].sort());
    expect(reps.find((r) => r.id === s.frRep2.id)).toMatchObject({
      name: "Léa FR",
      team: s.fr.name,
      capacity: 50,
      away: false,
      open: expect.any(Number),
    });
    expect(reps.find((r) => r.id === s.frRep2.id)!.open).toBeGreaterThanOrEqual(1);

    as(s.admin);
    expect(await ids(await repsRoute.GET(get(), ctx()))).toEqual(
      expect.arrayContaining([s.frRep.id, s.frRep2.id, s.usRep.id]),
    );

    const loner = await createUser(t.db, { role: "manager", name: "No-team manager" });
    as({ ...loner, teamId: null });
    expect((await (await repsRoute.GET(get(), ctx())).json()).data).toEqual([]);
  });

  it("touch, accept and read it back through GET /leads/{id}; another rep gets 404", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000), {
      total: 77,
      modelVersion: 2,
    });
    as(s.frRep2);
    expect(
      (
        await touchesRoute.POST(
          json("POST", { channel: "call", outcome: "no_answer" }),
          ctx({ id: lead.id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await decisionsRoute.POST(json("POST", { kind: "accept", bant }), ctx({ id: lead.id })))
        .status,
    ).toBe(404);
    expect((await leadRoute.GET(get(), ctx({ id: lead.id }))).status).toBe(404);
    as(s.marketer);
    expect(
      (await decisionsRoute.POST(json("POST", { kind: "accept", bant }), ctx({ id: lead.id })))
        .status,
    ).toBe(403);

    as(s.frRep);
    const touch = await touchesRoute.POST(
      json("POST", { channel: "call", outcome: "connected", note: "Spoke to Thibault" }),
      ctx({ id: lead.id }),
    );
    expect(touch.status).toBe(201);
    expect(touchResponseSchema.parse(await touch.json()).data).toMatchObject({
      touch: { channel: "call", outcome: "connected" },
      sla: { touchesDone: 1, touchesRequired: 3 },
    });
    const invalid = await decisionsRoute.POST(
      json("POST", { kind: "accept", bant: { budget: "x" } }),
      ctx({ id: lead.id }),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).error.fields)).toEqual(
      expect.arrayContaining(["bant.authority", "bant.need", "bant.timeframe"]),
    );
    const accepted = await decisionsRoute.POST(
      json("POST", { kind: "accept", bant }),
      ctx({ id: lead.id }),
    );
    expect(accepted.status).toBe(201);
    expect(decisionResponseSchema.parse(await accepted.json()).data).toMatchObject({
      stage: "sal",
      decision: { kind: "accept", score: { total: 77 }, modelVersion: 2 },
    });
    const again = await decisionsRoute.POST(
      json("POST", { kind: "accept", bant }),
      ctx({ id: lead.id }),
    );
    expect(again.status).toBe(409);

    const read = await (await leadRoute.GET(get(), ctx({ id: lead.id }))).json();
    leadSalesSchema.parse(read.data);
    expect(read.data).toMatchObject({
      stage: "sal",
      decisions: [{ kind: "accept", bant }],
      touches: [{ channel: "call", note: "Spoke to Thibault" }],
      sla: { current: null, history: [{ closeReason: "accept", touchesDone: 1 }] },
    });
    expect(read.data.transitions.at(-1)).toMatchObject({
      from: "mql",
      to: "sal",
      reason: "accepted",
    });
  });

  it("touches: not in the future (422); a malformed lead id answers 404", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    as(s.frRep);
    const future = await touchesRoute.POST(
      json("POST", {
        channel: "email",
        outcome: "left_message",
        at: new Date(Date.now() + 3_600_000).toISOString(),
      }),
      ctx({ id: lead.id }),
    );
    expect(future.status).toBe(422);
    expect((await future.json()).error.fields).toEqual({
      at: ["Give a time that has already passed."],
    });
    const earlier = await touchesRoute.POST(
      json("POST", {
        channel: "linkedin",
        outcome: "left_message",
        at: new Date(Date.now() - 60_000).toISOString(),
      }),
      ctx({ id: lead.id }),
    );
    expect(earlier.status).toBe(201);
    expect((await earlier.json()).data).toMatchObject({
      touch: { channel: "linkedin", note: null, userId: s.frRep.id },
      sla: { userId: s.frRep.id, touchesDone: 1, firstTouchAt: expect.any(String) },
    });
    const malformed = await touchesRoute.POST(
      json("POST", { channel: "call", outcome: "connected" }),
      ctx({ id: "not-a-lead" }),
    );
    expect(malformed.status).toBe(404);
    expect((await malformed.json()).error.code).toBe("not_found");
  });

  it("decisions: qualify a SAL, disqualify an MQL with a listed reason; an unlisted reason answers 422, an unknown kind 400", async () => {
    const hot = await assignedMql(t.db, s.usRep, new Date(Date.now() - 3_600_000), { total: 91 });
    const cold = await assignedMql(t.db, s.usRep, new Date(Date.now() - 3_600_000));
    as(s.usRep);
    expect(
      (await decisionsRoute.POST(json("POST", { kind: "qualify" }), ctx({ id: hot.id }))).status,
    ).toBe(409);
    await decisionsRoute.POST(json("POST", { kind: "accept", bant }), ctx({ id: hot.id }));
    const qualified = await decisionsRoute.POST(
      json("POST", { kind: "qualify", note: "Demo booked" }),
      ctx({ id: hot.id }),
    );
    expect(qualified.status).toBe(201);
    expect(decisionResponseSchema.parse(await qualified.json()).data).toMatchObject({
      stage: "sql",
      decision: { kind: "qualify", note: "Demo booked", bant: null, reasonCode: null },
    });

    const unlisted = await decisionsRoute.POST(
      json("POST", { kind: "disqualify", reasonCode: "too_small" }),
      ctx({ id: cold.id }),
    );
    expect(unlisted.status).toBe(422);
    expect(Object.keys((await unlisted.json()).error.fields)).toEqual(["reasonCode"]);
    expect(
      (await decisionsRoute.POST(json("POST", { kind: "promote" }), ctx({ id: cold.id }))).status,
    ).toBe(400);
    const disqualified = await decisionsRoute.POST(
      json("POST", { kind: "disqualify", reasonCode: "student" }),
      ctx({ id: cold.id }),
    );
    expect(disqualified.status).toBe(201);
    expect((await disqualified.json()).data).toMatchObject({
      stage: "disqualified",
      decision: { kind: "disqualify", reasonCode: "student", userId: s.usRep.id },
    });
  });

  it("“no response” too early answers 422 with a field message", async () => {
    const lead = await assignedMql(t.db, s.usRep, new Date(Date.now() - 3_600_000));
    as(s.usRep);
    const response = await decisionsRoute.POST(
      json("POST", { kind: "reject", reasonCode: "no_response" }),
      ctx({ id: lead.id }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({
      code: "unprocessable",
      fields: { reasonCode: [expect.stringContaining("3 more touch attempts")] },
    });
  });

  it("assign: managers within their team; reps are forbidden", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    as(s.frRep);
    expect(
      (await assignRoute.POST(json("POST", { repId: s.frRep2.id }), ctx({ id: lead.id }))).status,
    ).toBe(403);
    as(s.usManager);
    expect(
      (await assignRoute.POST(json("POST", { repId: s.usRep.id }), ctx({ id: lead.id }))).status,
    ).toBe(404);
    as(s.frManager);
    const response = await assignRoute.POST(
      json("POST", { repId: s.frRep2.id }),
      ctx({ id: lead.id }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({
      owner: { id: s.frRep2.id },
      sla: { userId: s.frRep2.id },
    });
  });

  it("reasons: reps read the active lists; managers add (a code already there: 409), archive and delete; a used reason is archived, not deleted", async () => {
    as(s.frRep);
    const list = (
      await (await reasonsRoute.GET(get("/api/v1/reasons?kind=disqualify"), ctx())).json()
    ).data;
    expect(list.map((r: { code: string }) => r.code)).toEqual([
      "student",
      "competitor",
      "wrong_persona",
      "no_budget",
      "duplicate",
      "spam",
    ]);
    expect(list[0].labels).toEqual({ en: "Student", fr: "Étudiant" });
    expect(
      (
        await reasonsRoute.POST(
          json("POST", {
            kind: "reject",
            code: "budget_frozen",
            labels: { en: "Budget frozen", fr: "Budget gelé" },
          }),
          ctx(),
        )
      ).status,
    ).toBe(403);
    as(s.frManager);
    const created = await reasonsRoute.POST(
      json("POST", {
        kind: "reject",
        code: "budget_frozen",
        labels: { en: "Budget frozen", fr: "Budget gelé" },
        position: 0,
      }),
      ctx(),
    );
    expect(created.status).toBe(201);
    const reason = (await created.json()).data;
    expect(reason).toMatchObject({ position: 0, archived: false });
    expect(
      (
        await reasonsRoute.POST(
          json("POST", { kind: "reject", code: "budget_frozen", labels: { en: "x", fr: "x" } }),
          ctx(),
        )
      ).status,
    ).toBe(409);

    const lead = await assignedMql(t.db, s.frRep, new Date(Date.now() - 3_600_000));
    await decisionsRoute.POST(
      json("POST", { kind: "reject", reasonCode: "budget_frozen" }),
      ctx({ id: lead.id }),
    );
    const removed = await (
      await reasonRoute.DELETE(
        new Request("http://accord.test/x", { method: "DELETE" }),
        ctx({ id: String(reason.id) }),
      )
    ).json();
    expect(removed.data).toMatchObject({ deleted: false, reason: { archived: true } });
    const unused = (
      await (
        await reasonsRoute.POST(
          json("POST", {
            kind: "disqualify",
            code: "typo_entry",
            labels: { en: "Typo", fr: "Coquille" },
          }),
          ctx(),
        )
      ).json()
    ).data;
    expect(
      (
        await (
          await reasonRoute.DELETE(
            new Request("http://accord.test/x", { method: "DELETE" }),
            ctx({ id: String(unused.id) }),
          )
        ).json()
      ).data,
    ).toEqual({ deleted: true, reason: null });
    const relabeled = await reasonRoute.PATCH(
      json("PATCH", { labels: { fr: "Budget bloqué" }, archived: false }),
      ctx({ id: String(reason.id) }),
    );
    expect((await relabeled.json()).data).toMatchObject({
      labels: { en: "Budget frozen", fr: "Budget bloqué" },
      archived: false,
    });
  });

  it("reasons: archived ones are listed only for editors who ask; ids that are not reasons answer 404", async () => {
    as(s.frManager);
    const created = await reasonsRoute.POST(
      json("POST", {
        kind: "reject",
        code: "seasonal_pause",
        labels: { en: "Seasonal pause", fr: "Pause saisonnière" },
      }),
      ctx(),
    );
    const reason = (await created.json()).data;
    const archived = await reasonRoute.PATCH(
      json("PATCH", { archived: true }),
      ctx({ id: String(reason.id) }),
    );
    expect(archived.status).toBe(200);
    expect((await archived.json()).data).toMatchObject({
      code: "seasonal_pause",
      archived: true,
      archivedAt: expect.any(String),
    });
    const codes = async (path: string) =>
      ((await (await reasonsRoute.GET(get(path), ctx())).json()).data as { code: string }[]).map(
        (r) => r.code,
      );
    expect(await codes("/api/v1/reasons?kind=reject")).not.toContain("seasonal_pause");
    expect(await codes("/api/v1/reasons?kind=reject&includeArchived=true")).toContain(
      "seasonal_pause",
    );
    as(s.frRep);
    expect(await codes("/api/v1/reasons?kind=reject&includeArchived=true")).not.toContain(
      "seasonal_pause",
    );
    expect((await reasonsRoute.GET(get("/api/v1/reasons?kind=other"), ctx())).status).toBe(400);

    as(s.frManager);
    expect(
      (await reasonRoute.PATCH(json("PATCH", { position: 0 }), ctx({ id: "abc" }))).status,
    ).toBe(404);
    expect(
      (await reasonRoute.PATCH(json("PATCH", {}), ctx({ id: String(reason.id) }))).status,
    ).toBe(400);
    const missing = await reasonRoute.DELETE(del(), ctx({ id: "999999" }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("No reason with this id.");
    const deleted = await reasonRoute.DELETE(del(), ctx({ id: String(reason.id) }));
    expect((await deleted.json()).data).toEqual({ deleted: true, reason: null });
  });

  it("SLA tiers: everyone on the sales side reads them; managers replace them; invalid tiers answer 400", async () => {
    as(s.frRep);
    const tiers = (await (await policiesRoute.GET(get(), ctx())).json()).data;
    expect(tiers).toEqual([
      expect.objectContaining({
        name: "Hot",
        minFitGrade: "A",
        minScore: 100,
        firstTouchMinutes: 60,
        minTouches: 3,
        touchWindowDays: 5,
      }),
      expect.objectContaining({
        name: "Standard",
        minFitGrade: null,
        minScore: null,
        firstTouchMinutes: 240,
      }),
    ]);
    expect((await policiesRoute.PUT(json("PUT", { policies: tiers }), ctx())).status).toBe(403);
    as(s.frManager);
    expect((await policiesRoute.PUT(json("PUT", { policies: [] }), ctx())).status).toBe(400);
    const saved = await policiesRoute.PUT(
      json("PUT", { policies: [{ ...tiers[0], firstTouchMinutes: 30 }, tiers[1]] }),
      ctx(),
    );
    expect((await saved.json()).data[0]).toMatchObject({ id: tiers[0].id, firstTouchMinutes: 30 });
    await policiesRoute.PUT(json("PUT", { policies: tiers }), ctx());
  });

  it("notifications: the manager reads the breach; the test clock is off unless ACCORD_TEST_CLOCK is set", async () => {
    const lead = await assignedMql(t.db, s.frRep, new Date("2026-11-23T08:00:00Z"));
    await sweepBreaches(t.db, new Date("2026-11-30T08:00:00Z"));
    as(s.frManager);
    const body = await (
      await notificationsRoute.GET(get("/api/v1/notifications?unread=true"), ctx())
    ).json();
    expect(
      body.data
        .filter((n: { leadId: string }) => n.leadId === lead.id)
        .map((n: { kind: string }) => n.kind)
        .sort(),
    ).toEqual(["sla_breach_first_touch", "sla_breach_touches"]);
    expect(body.unread).toBeGreaterThanOrEqual(2);
    expect((await clockRoute.POST(json("POST", { advanceMinutes: 60 }))).status).toBe(404);
  });

  it("notifications: pages by id; marking read by ids or all counts only one's own unread ones", async () => {
    await assignedMql(t.db, s.frRep, new Date(Date.now() - 30 * 24 * 3_600_000));
    await assignedMql(t.db, s.frRep2, new Date(Date.now() - 30 * 24 * 3_600_000));
    await sweepBreaches(t.db, new Date());
    as(s.frManager);
    const list = async (path = "/api/v1/notifications") =>
      (await (await notificationsRoute.GET(get(path), ctx())).json()) as {
        data: { id: number; kind: string; readAt: string | null; data: { breach: string } }[];
        unread: number;
      };
    const before = await list("/api/v1/notifications?unread=true");
    expect(before.unread).toBeGreaterThanOrEqual(2);
    expect(before.data[0]).toMatchObject({
      readAt: null,
      kind: expect.stringMatching(/^sla_breach_/),
    });
    expect(["first_touch", "touches"]).toContain(before.data[0].data.breach);

    const first = await list("/api/v1/notifications?limit=1");
    expect(first.data).toHaveLength(1);
    const next = await list(`/api/v1/notifications?limit=1&before=${first.data[0].id}`);
    expect(next.data[0].id).toBeLessThan(first.data[0].id);

    const [one] = before.data;
    as(s.usManager);
    expect(
      (await (await readRoute.POST(json("POST", { ids: [one.id] }), ctx())).json()).data,
    ).toEqual({ marked: 0 });
    as(s.frManager);
    const marked = await readRoute.POST(json("POST", { ids: [one.id] }), ctx());
    expect(marked.status).toBe(200);
    expect((await marked.json()).data).toEqual({ marked: 1 });
    expect((await list()).unread).toBe(before.unread - 1);
    expect((await readRoute.POST(json("POST", { ids: [] }), ctx())).status).toBe(400);
    const rest = await (await readRoute.POST(json("POST", { all: true }), ctx())).json();
    expect(rest.data).toEqual({ marked: before.unread - 1 });
    expect(await list("/api/v1/notifications?unread=true")).toEqual({ data: [], unread: 0 });
  });

  it("with ACCORD_TEST_CLOCK=1, the test clock moves the app's now and sweeps at once", async () => {
    vi.stubEnv("ACCORD_TEST_CLOCK", "1");
    try {
      const lead = await assignedMql(t.db, s.usRep, new Date());
      const moved = await clockRoute.POST(json("POST", { advanceMinutes: 7 * 24 * 60 }));
      expect(moved.status).toBe(200);
      const body = (await moved.json()).data;
      expect(new Date(body.now).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      expect(body.breaches).toBeGreaterThanOrEqual(1);
      as(s.usManager);
      const notes = (await (await notificationsRoute.GET(get(), ctx())).json()).data;
      expect(notes.some((n: { leadId: string }) => n.leadId === lead.id)).toBe(true);
      expect((await clockRoute.POST(json("POST", { at: "not a date" }))).status).toBe(400);
      const reset = await (await clockRoute.POST(json("POST", { reset: true }))).json();
      expect(Math.abs(new Date(reset.data.now).getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
