/**
 * The import routes end to end, in process (the session lookup is the one thing mocked): who may
 * import what, a multipart upload inspected into suggestions, 400 / 422 naming the field, a dry
 * run and an import run by the job worker to completion, cancel, and the failed rows as CSV.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { importSchema, inspectionSchema } from "@/lib/domain/imports/schemas";
import { startJobs, stopJobs, waitForJob } from "@/lib/jobs/queue";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const importsRoute = await import("./route");
const inspectRoute = await import("./inspect/route");
const importRoute = await import("./[id]/route");
const cancelRoute = await import("./[id]/cancel/route");
const failedRoute = await import("./[id]/failed.csv/route");

let t: TestDb;
let importKey: string;
let leadsKey: string;
let admin: Actor;
let manager: Actor;
let rep: Actor;
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const as = (actor: Actor | null) => (session.actor = actor);

const LEADS = [
  "Email,First Name,Company,Country,Employees,Created",
  "ada@example.test,Ada,Analytical,France,250,2024-03-15",
  "bob@example.test,Bob,Babbage,Atlantis,12,2024-04-01",
  "cy@example.test,Cy,Cyb,DE,40,2024-05-20",
].join("\n");

/** A multipart request as a browser or curl sends it. */
function multipart(path: string, fields: Record<string, string>, file?: string, key?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file !== undefined) form.set("file", new Blob([file], { type: "text/csv" }), "leads.csv");
  return new Request(`http://accord.test/api/v1/imports${path}`, {
    method: "POST",
    body: form,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}
const get = (path: string, key?: string) =>
  new Request(`http://accord.test/api/v1/imports${path}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
const errorOf = async (response: Response) => (await response.json()).error;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  importKey = (await createApiKey(t.db, { name: "Loader", scopes: ["imports:write"] }, null))
    .secret;
  leadsKey = (await createApiKey(t.db, { name: "CRM", scopes: ["leads:write"] }, null)).secret;
  admin = actorOf(await createUser(t.db, { role: "admin", name: "Admin" }));
  manager = actorOf(await createUser(t.db, { role: "manager", name: "Manager" }));
  rep = actorOf(await createUser(t.db, { role: "rep", name: "Rep" }));
  // The queue takes jobs but nothing runs them yet, so an import can be cancelled while queued.
  await startJobs({ work: false, schedule: false });
}, 120_000);
afterAll(async () => {
  await stopJobs();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

describe("who may import", () => {
  it("refuses reps and keys without imports:write; managers import outcomes only", async () => {
    as(null);
    expect((await inspectRoute.POST(multipart("/inspect", {}, LEADS), ctx())).status).toBe(401);
    expect(
      (await inspectRoute.POST(multipart("/inspect", {}, LEADS, leadsKey), ctx())).status,
    ).toBe(403);
    as(rep);
    expect((await inspectRoute.POST(multipart("/inspect", {}, LEADS), ctx())).status).toBe(403);
    expect((await importsRoute.GET(get(""), ctx())).status).toBe(403);

    as(manager);
    const inspected = await inspectRoute.POST(multipart("/inspect", {}, LEADS), ctx());
    expect(inspected.status).toBe(200);
    const refused = await importsRoute.POST(
      multipart("", { kind: "leads", dryRun: "true" }, LEADS),
      ctx(),
    );
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/outcomes only/);
    const outcomes = await importsRoute.POST(
      multipart(
        "",
        { kind: "outcomes", dryRun: "true" },
        "Email,Stage,Date\nada@example.test,won,2024-06-01\n",
      ),
      ctx(),
    );
    expect(outcomes.status).toBe(202);
    // Cancelled while queued (no worker runs yet): the import says so, and nothing ran.
    const queued = importSchema.parse((await outcomes.json()).data);
    expect(queued.state).toBe("queued");
    const cancelled = await cancelRoute.POST(
      new Request("http://accord.test/x", { method: "POST" }),
      ctx({ id: queued.id }),
    );
    expect(cancelled.status).toBe(200);
    expect(importSchema.parse((await cancelled.json()).data).state).toBe("cancelled");

    as(null);
    const byKey = await importsRoute.POST(
      multipart("", { kind: "leads", dryRun: "true" }, LEADS, importKey),
      ctx(),
    );
    expect(byKey.status).toBe(202);
    expect(importSchema.parse((await byKey.json()).data)).toMatchObject({
      kind: "leads",
      dryRun: true,
      requestedBy: "API key Loader",
    });
  });
});

describe("inspect and bad input", () => {
  it("inspects an upload into headers, rows and a suggested mapping", async () => {
    as(admin);
    const response = await inspectRoute.POST(multipart("/inspect", {}, LEADS), ctx());
    expect(response.status).toBe(200);
    const data = inspectionSchema.parse((await response.json()).data);
    expect(data).toMatchObject({
      fileName: "leads.csv",
      delimiter: ",",
      hasHeader: true,
      suggestedKind: "leads",
      headers: ["Email", "First Name", "Company", "Country", "Employees", "Created"],
    });
    expect(data.rows).toHaveLength(3);
    const targets = Object.fromEntries(data.mapping.columns.map((c) => [c.header, c.target]));
    expect(targets.Email).toEqual({ to: "field", field: "email" });
    expect(targets.Country).toEqual({ to: "field", field: "country" });
    expect(targets.Created).toEqual({ to: "field", field: "createdAt" });
  });

  it("answers 400 naming kind, dryRun, mapping or file, and 422 naming file or mapping.columns", async () => {
    as(admin);
    const fieldsOf = async (r: Response, status: number) => {
      expect(r.status).toBe(status);
      return Object.keys((await errorOf(r)).fields ?? {});
    };
    expect(
      await fieldsOf(await inspectRoute.POST(multipart("/inspect", { kind: "leads" }), ctx()), 400),
    ).toEqual(["file"]);
    expect(
      await fieldsOf(await importsRoute.POST(multipart("", { kind: "people" }, LEADS), ctx()), 400),
    ).toEqual(["kind"]);
    expect(
      await fieldsOf(
        await importsRoute.POST(multipart("", { kind: "leads", dryRun: "maybe" }, LEADS), ctx()),
        400,
      ),
    ).toEqual(["dryRun"]);
    expect(
      await fieldsOf(
        await importsRoute.POST(multipart("", { kind: "leads", mapping: "{" }, LEADS), ctx()),
        400,
      ),
    ).toEqual(["mapping"]);
    expect(
      await fieldsOf(await importsRoute.POST(multipart("", { kind: "leads" }), ctx()), 400),
    ).toEqual(["file"]);
    expect(
      await fieldsOf(
        await importsRoute.POST(multipart("", { kind: "leads" }, "Email,Company\n"), ctx()),
        422,
      ),
    ).toEqual(["file"]);
    const noKey = JSON.stringify({
      columns: [{ index: 2, target: { to: "field", field: "company" } }],
    });
    expect(
      await fieldsOf(
        await importsRoute.POST(multipart("", { kind: "leads", mapping: noKey }, LEADS), ctx()),
        422,
      ),
    ).toEqual(["mapping.columns"]);
    const sent = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from leads`);
    expect(sent[0].n).toBe(0);
  });
});

describe("an import run by the worker", () => {
  beforeAll(async () => {
    await stopJobs();
    await startJobs({ work: true, schedule: false });
  });

  it("dry-runs with counts and row errors, imports, then serves the failed rows as CSV", async () => {
    as(admin);
    const inspected = inspectionSchema.parse(
      (await (await inspectRoute.POST(multipart("/inspect", {}, LEADS), ctx())).json()).data,
    );
    const start = async (dryRun: boolean) => {
      const response = await importsRoute.POST(
        multipart("", {
          uploadId: inspected.uploadId,
          kind: "leads",
          dryRun: String(dryRun),
          mapping: JSON.stringify(inspected.mapping),
        }),
        ctx(),
      );
      expect(response.status).toBe(202);
      const created = importSchema.parse((await response.json()).data);
      const job = await waitForJob(t.db, created.jobId!, 60_000);
      expect(job?.state).toBe("done");
      const read = await importRoute.GET(get(`/${created.id}`), ctx({ id: created.id }));
      expect(read.status).toBe(200);
      return importSchema.parse((await read.json()).data);
    };

    const dry = await start(true);
    expect(dry).toMatchObject({
      state: "done",
      dryRun: true,
      counts: { created: 2, updated: 0, skipped: 0, failed: 1 },
      progress: { done: 3, total: 3 },
    });
    expect(dry.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "Country", "unknown_country"],
    ]);
    const none = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from leads`);
    expect(none[0].n).toBe(0);

    const done = await start(false);
    expect(done.counts).toMatchObject({ created: 2, failed: 1 });
    const leads = await queryRows<{ email: string; created: string }>(
      t.db,
      sql`select email, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created from leads order by email`,
    );
    expect(leads).toEqual([
      { email: "ada@example.test", created: "2024-03-15" },
      { email: "cy@example.test", created: "2024-05-20" },
    ]);

    const csv = await failedRoute.GET(get(`/${done.id}/failed.csv`), ctx({ id: done.id }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".*failed\.csv"/);
    const lines = (await csv.text())
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Email,First Name,Company,Country,Employees,Created,line,error");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^bob@example\.test,Bob,Babbage,Atlantis,12,2024-04-01,3,"?Country: /);

    const again = await start(false);
    expect(again.counts).toMatchObject({ created: 0, failed: 1 });
    const list = await importsRoute.GET(get("?limit=2"), ctx());
    expect((await list.json()).data.map((i: { id: string }) => i.id)).toEqual([again.id, done.id]);
  });

  it("answers a large import at once, shows its progress, and cancels it while it runs", async () => {
    as(admin);
    // PostgreSQL writes 10,000 leads a batch while it reads the next: a longer file there.
    const size = t.url ? 100_000 : 40_000;
    const rows = ["email,first_name,company"];
    for (let i = 0; i < size; i++) rows.push(`bulk${i}@bulk.test,Bulk ${i},Bulk Co`);
    const asked = performance.now();
    const response = await importsRoute.POST(
      multipart("", { kind: "leads", dryRun: "false" }, rows.join("\n")),
      ctx(),
    );
    const answeredIn = performance.now() - asked;
    expect(response.status).toBe(202);
    const created = importSchema.parse((await response.json()).data);
    // The request answers before the job is through, not after it (it took 99 s on PGlite).
    expect(answeredIn).toBeLessThan(5_000);
    // Reads interleave with the running job: its progress moves while it runs.
    let seen = created;
    const until = Date.now() + 60_000;
    while (seen.progress.done === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = await importRoute.GET(get(`/${created.id}`), ctx({ id: created.id }));
      seen = importSchema.parse((await read.json()).data);
    }
    expect(seen.state).toBe("running");
    expect(seen.progress.done).toBeGreaterThan(0);
    expect(seen.progress.done).toBeLessThan(size);
    const cancelled = await cancelRoute.POST(
      new Request("http://accord.test/x", { method: "POST" }),
      ctx({ id: created.id }),
    );
    expect(cancelled.status).toBe(200);
    expect(importSchema.parse((await cancelled.json()).data).state).toBe("cancelled");
    // The job stops at its next batch: what it wrote is kept, the rest never written.
    await waitForJob(t.db, created.jobId!, 1);
    let total = 0;
    for (let tries = 0; tries < 3; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const [n] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from leads where email like '%@bulk.test'`,
      );
      if (n.n === total) break;
      total = n.n;
    }
    expect(total).toBeLessThan(size);
  }, 120_000);

  it("answers 404 for an unknown import", async () => {
    as(admin);
    const id = "8a6e0804-2bd0-4672-b79b-d97e4b68fb5c";
    expect((await importRoute.GET(get(`/${id}`), ctx({ id }))).status).toBe(404);
    expect((await failedRoute.GET(get(`/${id}/failed.csv`), ctx({ id }))).status).toBe(404);
  });
});
