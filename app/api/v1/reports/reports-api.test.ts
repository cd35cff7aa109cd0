/** The report routes end to end, minus the cookie (the session lookup is the one thing mocked). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { buildReasonData, buildReportData, buildSlaData } from "@/lib/domain/reports/test-data";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const funnel = await import("./funnel/route");
const calibration = await import("./calibration/route");
const rules = await import("./rules/route");
const sla = await import("./sla/route");
const reasons = await import("./reasons/route");
const settings = await import("./settings/route");

let t: TestDb;
const actors: Record<"rep" | "marketer" | "manager", Actor> = {} as never;
const ctx = () => ({ params: Promise.resolve({}) });
const get = (path: string) => new Request(`http://accord.test/api/v1/reports/${path}`);
const put = (body: unknown) =>
  new Request("http://accord.test/api/v1/reports/settings", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const as = (actor: Actor | null) => (session.actor = actor);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  const d = await buildReportData(t.db);
  await buildSlaData(t.db, d);
  await buildReasonData(t.db, d);
  for (const role of ["rep", "marketer", "manager"] as const)
    actors[role] = actorOf(await createUser(t.db, { role }));
});
afterAll(async () => {
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});
beforeEach(() => as(null));

describe("reports API", () => {
  const routes = [
    ["funnel", funnel.GET],
    ["calibration", calibration.GET],
    ["rules", rules.GET],
    ["sla", sla.GET],
    ["reasons", reasons.GET],
    ["settings", settings.GET],
  ] as const;

  it("answers 401 without a session and 403 to a rep", async () => {
    for (const [path, handler] of routes) {
      as(null);
      expect((await handler(get(path), ctx())).status, path).toBe(401);
      as(actors.rep);
      expect((await handler(get(path), ctx())).status, path).toBe(403);
    }
  });

  it("gives a marketer each report as { data } with a Server-Timing header", async () => {
    as(actors.marketer);
    const response = await funnel.GET(
      get("funnel?from=2026-08-31&to=2026-10-04&split=source"),
      ctx(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toMatch(/^report;dur=\d/);
    const { data } = await response.json();
    expect(data.totals.mqls).toBe(6);
    expect(data.cohorts).toHaveLength(5);
    expect(data.groups.map((g: { key: string }) => g.key)).toEqual(["ads", "webinar", ""]);
    expect(
      (await (await calibration.GET(get("calibration?target=opportunity"), ctx())).json()).data
        .inversions,
    ).toEqual([{ lower: "warm", higher: "hot" }]);
    expect((await (await rules.GET(get("rules"), ctx())).json()).data).toMatchObject({
      target: "opportunity",
      decided: 4,
    });
    expect((await (await sla.GET(get("sla"), ctx())).json()).data.overall.clocks).toBe(5);
    expect(
      (await (await reasons.GET(get("reasons?locale=fr"), ctx())).json()).data.reasons[0].label,
    ).toBe("Pas prêt / mauvais moment");
  });

  it("exports CSV as an attachment", async () => {
    as(actors.marketer);
    const response = await reasons.GET(get("reasons?format=csv"), ctx());
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="accord-reasons.csv"',
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "kind,code,label,2026-09-07,2026-09-14,2026-09-21,2026-09-28,2026-10-05,total",
    );
    expect(lines[1]).toBe("reject,not_ready,Not ready / timing,1,0,1,0,4,6");
  });

  it("refuses invalid queries with field messages", async () => {
    as(actors.marketer);
    const reversed = await funnel.GET(get("funnel?from=2026-10-01&to=2026-09-01"), ctx());
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).error.fields).toEqual({ from: ["from is after to."] });
    const bad = await funnel.GET(get("funnel?from=2026-02-30&grain=day&rep=nope"), ctx());
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["from", "grain", "rep"]);
    expect((await calibration.GET(get("calibration?target=customer"), ctx())).status).toBe(400);
  });

  it("lets a manager, not a marketer, change the settings", async () => {
    const body = { targetRate: 0.25, targetStage: "qualified", outcomeWindowDays: 60 };
    as(actors.marketer);
    expect((await settings.PUT(put(body), ctx())).status).toBe(403);
    as(actors.manager);
    const invalid = await settings.PUT(
      put({ targetRate: 0, targetStage: "won", outcomeWindowDays: 3 }),
      ctx(),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual([
      "outcomeWindowDays",
      "targetRate",
    ]);
    const saved = await settings.PUT(put(body), ctx());
    expect((await saved.json()).data).toEqual(body);
    expect((await (await settings.GET(get("settings"), ctx())).json()).data).toEqual(body);
  });
});
