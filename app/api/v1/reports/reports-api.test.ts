/** The report routes end to end, minus the cookie (the session lookup is the one thing mocked). */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { startJobs, stopJobs, waitForJob } from "@/lib/jobs/queue";
import { sql } from "drizzle-orm";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
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
let d: Awaited<ReturnType<typeof buildReportData>>;
const actors: Record<"rep" | "marketer" | "manager", Actor> = {} as never;
const keys = { reports: "", leads: "" };
const ctx = () => ({ params: Promise.resolve({}) });
const bearer = (key?: string): Record<string, string> =>
  key ? { authorization: `Bearer ${key}` } : {};
const get = (path: string, key?: string) =>
  new Request(`http://accord.test/api/v1/reports/${path}`, { headers: bearer(key) });
const put = (body: unknown, key?: string) =>
  new Request("http://accord.test/api/v1/reports/settings", {
    method: "PUT",
    headers: { "content-type": "application/json", ...bearer(key) },
    body: JSON.stringify(body),
  });
const as = (actor: Actor | null) => (session.actor = actor);

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  d = await buildReportData(t.db);
  await buildSlaData(t.db, d);
  await buildReasonData(t.db, d);
  for (const role of ["rep", "marketer", "manager"] as const)
    actors[role] = actorOf(await createUser(t.db, { role }));
  keys.reports = (await createApiKey(t.db, { name: "BI", scopes: ["reports:read"] }, null)).secret;
  keys.leads = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:read"] }, null)).secret;
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
        .dips,
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

  it("serves API keys with the reports:read scope, and refuses other keys", async () => {
    for (const [path, handler] of routes) {
      const response = await handler(get(path, keys.reports), ctx());
      expect(response.status, path).toBe(200);
      expect((await response.json()).data, path).toBeTruthy();
      const refused = await handler(get(path, keys.leads), ctx());
      expect(refused.status, path).toBe(403);
      expect((await refused.json()).error.message).toMatch(/lacks the "reports:read" scope/);
    }
  });

  it("splits the funnel every way, each split adding up to the totals", async () => {
    as(actors.marketer);
    const period = "from=2026-08-31&to=2026-10-04";
    for (const split of ["none", "source", "band", "grade", "rep", "team"]) {
      for (const grain of ["week", "month"]) {
        const response = await funnel.GET(
          get(`funnel?${period}&split=${split}&grain=${grain}`),
          ctx(),
        );
        expect(response.status, `${split} ${grain}`).toBe(200);
        const { data } = await response.json();
        expect(data).toMatchObject({ grain, split, totals: { mqls: 6 } });
        expect(data.cohorts).toHaveLength(grain === "week" ? 5 : 3);
        const grouped = data.groups.reduce((n: number, g: { mqls: number }) => n + g.mqls, 0);
        expect(grouped, split).toBe(split === "none" ? 0 : 6);
      }
    }
    const { data } = await (await funnel.GET(get(`funnel?${period}&split=rep`), ctx())).json();
    expect(data.groups.map((g: { label: string; mqls: number }) => [g.label, g.mqls])).toEqual([
      ["Alice", 3],
      ["(unassigned)", 2],
      ["Bob", 1],
    ]);
  });

  it("takes the target from the query, else from the settings", async () => {
    as(actors.marketer);
    const stage = (await (await settings.GET(get("settings"), ctx())).json()).data.targetStage;
    const byDefault = (await (await calibration.GET(get("calibration"), ctx())).json()).data;
    expect(byDefault.target).toBe(stage);
    expect(byDefault.bands.map((b: { key: string }) => b.key)).toEqual(["cold", "warm", "hot"]);
    expect(byDefault.deciles.length).toBeGreaterThan(0);
    expect(byDefault).toMatchObject({ model: "live", version: 1 });
    // Without a draft, the draft judged is the live model, and says so.
    const draft = (await (await calibration.GET(get("calibration?model=draft"), ctx())).json())
      .data;
    expect(draft).toMatchObject({ model: "live", version: 1 });
    const bad = await calibration.GET(get("calibration?model=next"), ctx());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ model: ['model is "live" or "draft".'] });
    const won = (await (await rules.GET(get("rules?target=won"), ctx())).json()).data;
    expect(won).toMatchObject({ target: "won", modelVersion: 1 });
    expect(won.rules.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      "demo",
      "fit",
      "none",
    ]);
  });

  it("narrows SLA and reasons to a team, and reasons by month", async () => {
    as(actors.marketer);
    const teamB = (await (await sla.GET(get(`sla?team=${d.teamB.id}`), ctx())).json()).data;
    expect(teamB.reps.map((r: { label: string }) => r.label)).toEqual(["Bob"]);
    expect(teamB.teams.map((r: { key: string }) => r.key)).toEqual([d.teamB.id]);
    expect(teamB.overall.clocks).toBe(2);
    expect(teamB.distribution).toHaveLength(6);
    const monthly = (await (await reasons.GET(get("reasons?grain=month"), ctx())).json()).data;
    expect(monthly.periods).toEqual(["2026-09-01", "2026-10-01"]);
    expect(
      monthly.reasons.map((r: { code: string; counts: number[] }) => [r.code, r.counts]),
    ).toEqual([
      ["not_ready", [2, 4]],
      ["competitor", [1, 0]],
    ]);
    const none = (await (await reasons.GET(get(`reasons?team=${d.teamB.id}`), ctx())).json()).data;
    expect(none).toEqual({ grain: "week", periods: [], reasons: [] });
  });

  it("answers a period with no handoffs with zeros and nulls", async () => {
    as(actors.marketer);
    const period = "from=2020-01-06&to=2020-01-19";
    const f = (await (await funnel.GET(get(`funnel?${period}&split=team`), ctx())).json()).data;
    expect(f.cohorts.map((c: { cohort: string; mqls: number }) => [c.cohort, c.mqls])).toEqual([
      ["2020-01-06", 0],
      ["2020-01-13", 0],
    ]);
    expect(f.groups).toEqual([]);
    const c = (await (await calibration.GET(get(`calibration?${period}`), ctx())).json()).data;
    expect(c.bands.every((b: { rate: null; interval: null }) => !b.rate && !b.interval)).toBe(true);
    expect(c).toMatchObject({ deciles: [], monotonic: true, inversions: [], dips: [] });
    const r = (await (await rules.GET(get(`rules?${period}`), ctx())).json()).data;
    expect(r).toMatchObject({ decided: 0, converted: 0 });
    expect(r.rules.every((x: { lift: null }) => x.lift === null)).toBe(true);
    const s = (await (await sla.GET(get(`sla?${period}`), ctx())).json()).data;
    expect(s).toMatchObject({ reps: [], teams: [], breachesByWeek: [] });
    expect(s.overall).toMatchObject({ clocks: 0, compliance: null, medianMinutes: null });
    const q = (await (await reasons.GET(get(`reasons?${period}`), ctx())).json()).data;
    expect(q).toEqual({ grain: "week", periods: ["2020-01-06", "2020-01-13"], reasons: [] });
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

  it("exports the funnel as CSV, timed like the JSON", async () => {
    as(actors.marketer);
    const response = await funnel.GET(
      get("funnel?from=2026-08-31&to=2026-10-04&split=source&format=csv"),
      ctx(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("server-timing")).toMatch(/^report;dur=\d/);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="accord-funnel.csv"',
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("part,key,label,mqls,accepted,qualified,opportunity,won");
    expect(lines.at(-1)).toMatch(/^total,,,6,/);
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
    const byKey = await settings.PUT(put(body, keys.reports), ctx());
    expect(byKey.status).toBe(403);
    expect((await byKey.json()).error.message).toMatch(/for signed-in users, not API keys/);
    const saved = await settings.PUT(put(body), ctx());
    expect((await saved.json()).data).toEqual(body);
    expect((await (await settings.GET(get("settings"), ctx())).json()).data).toEqual(body);
  });
});

describe("rules report analysis", () => {
  it("analyses the handoffs not yet seen under the live model as one job, then shows none pending", async () => {
    const analysis = await import("./rules/analysis/route");
    const post = () =>
      analysis.POST(
        new Request("http://accord.test/api/v1/reports/rules/analysis", { method: "POST" }),
        ctx(),
      );
    as(actors.rep);
    expect((await post()).status).toBe(403);
    as(actors.manager);
    await t.db.execute(sql`delete from mql_snapshots`);
    // A web process that sends jobs without working them: the analysis waits for a worker.
    await startJobs({ work: false, schedule: false });
    const before = (await (await rules.GET(get("rules"), ctx())).json()).data;
    expect(before.snapshotsPending).toBe(7);
    const first = await post();
    expect(first.status).toBe(202);
    const { jobId } = (await first.json()).data;
    // Asked again (another manager opening the report) while it waits: the same job.
    expect((await (await post()).json()).data.jobId).toBe(jobId);
    await stopJobs();
    await startJobs({ work: true, schedule: false });
    try {
      const job = await waitForJob(t.db, jobId, 20_000);
      expect(job).toMatchObject({ state: "done", progressDone: 7, progressTotal: 7 });
    } finally {
      await stopJobs();
    }
    const after = (await (await rules.GET(get("rules"), ctx())).json()).data;
    expect(after.snapshotsPending).toBe(0);
  });
});
