/**
 * GDPR through the API (the signed-in user is swapped in for the session lookup; API keys,
 * permissions, validation and the database are real): a lead with events, a handoff, a webhook
 * message, notes, an audit row and an import that quote it is exported, then erased — after which
 * no text, JSON or binary column of any table, nor anything the server logged, holds its email,
 * name, phone or trait; the reports count the same handoffs; and sending it again by events, lead
 * upserts or Segment is skipped as suppressed instead of recreating it. Only admins and keys with
 * the privacy scopes may export or erase.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { mqlOutcomesSql } from "@/lib/domain/outcomes/mql-outcomes";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { saveDraft } from "@/lib/domain/scoring/versions";
import { createActor } from "@/lib/domain/teams/test-actors";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const leadsRoute = await import("./route");
const leadRoute = await import("./[id]/route");
const exportRoute = await import("./[id]/export/route");
const eventsRoute = await import("../events/route");
const segmentRoute = await import("../../segment/v1/[type]/route");

const EMAIL = "ada.lovelace@analytical.example";
const NAME = "Lovelace";
const PHONE = "+44 20 7946 0958";
const TRAIT = "ada-lovelace-1815";
const NEEDLES = [EMAIL, NAME, PHONE, TRAIT];
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };

let t: TestDb;
let admin: Actor, rep: Actor;
let keys: Record<"ingest" | "write" | "read" | "leads", string>;
let leadId: string;
const logged: string[] = [];

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const call = (url: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://accord.test${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const basic = (key: string) => ({
  authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
});

const postEvents = (events: unknown[], key = keys.ingest) =>
  eventsRoute.POST(call("/api/v1/events", "POST", { events }, bearer(key)), ctx());
const upsert = (body: unknown, key = keys.leads) =>
  leadsRoute.POST(call("/api/v1/leads", "POST", body, bearer(key)), ctx());
const erase = (id: string, headers: Record<string, string> = {}) =>
  leadRoute.DELETE(call(`/api/v1/leads/${id}`, "DELETE", undefined, headers), ctx({ id }));
const exportOf = (id: string, headers: Record<string, string> = {}) =>
  exportRoute.GET(call(`/api/v1/leads/${id}/export`, "GET", undefined, headers), ctx({ id }));

const handoffs = async () =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from (${mqlOutcomesSql({}, new Date())}) h`,
    )
  )[0].n;

/** Every column of every table that can hold text (text, varchar, json, jsonb, arrays, bytea). */
async function placesHolding(needle: string): Promise<string[]> {
  const columns = await queryRows<{ schema: string; table: string; column: string; type: string }>(
    t.db,
    sql`select c.table_schema as schema, c.table_name as table, c.column_name as column, c.data_type as type
        from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where tb.table_type = 'BASE TABLE'
          and c.table_schema not in ('pg_catalog', 'information_schema')
          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea', 'USER-DEFINED')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const col = sql.identifier(c.column);
    const table = sql`${sql.identifier(c.schema)}.${sql.identifier(c.table)}`;
    const match =
      c.type === "bytea"
        ? sql`position(convert_to(${needle}::text, 'UTF8') in ${col}) > 0`
        : sql`position(lower(${needle}::text) in lower(${col}::text)) > 0`;
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${table} where ${match}`,
    );
    if (row.n > 0) found.push(`${c.schema}.${c.table}.${c.column}`);
  }
  return found;
}

beforeAll(async () => {
  // What the server would write to its log, from the first request to the last.
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(" "),
      );
      original(...args);
    });
  }
  t = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  admin = await createActor(t.db, "admin");
  rep = await createActor(t.db, "rep");
  const key = async (scopes: Parameters<typeof createApiKey>[1]["scopes"]) =>
    (await createApiKey(t.db, { name: scopes.join(" "), scopes }, null)).secret;
  keys = {
    ingest: await key(["events:write"]),
    leads: await key(["leads:write", "leads:read"]),
    write: await key(["privacy:write"]),
    read: await key(["privacy:read"]),
  };
  await saveDraft(t.db, template("seed-003-telecom"), { userId: null, label: "Test" });
  await publishDraft(t.db, by, "first");
  await t.db.execute(
    sql`insert into webhook_endpoints (url, event_types, secret)
        values ('https://crm.example.com/hooks', array['lead.mql'], 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==')`,
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await t?.close();
});

describe("a lead's data, exported then erased", () => {
  it("records consent with its source and time, and scores and hands the lead over", async () => {
    const created = await upsert({
      email: EMAIL,
      firstName: "Ada",
      lastName: NAME,
      phone: PHONE,
      company: "Analytical Engines",
      consent: true,
      consentAt: "2026-11-02T09:00:00Z",
      consentSource: "web_form",
      traits: { linkedin: TRAIT },
    });
    expect(created.status).toBe(201);
    leadId = (await created.json()).data.id;
    const events = await postEvents(
      [
        ["e1", "Page Viewed", { path: "/pricing" }],
        ["e2", "Link Clicked", { url: "https://x.example/ada" }],
        ["e3", "Content Downloaded", { asset_type: "guide", note: `for ${NAME}` }],
        ["e4", "Question Asked", { question: `Hello, this is Ada ${NAME}, ${PHONE}` }],
      ].map(([id, name, properties]) => ({ id, email: EMAIL, name, properties })),
    );
    expect(await events.json()).toMatchObject({ accepted: 4, suppressed: 0 });
    session.actor = admin;
    const lead = await (
      await leadRoute.GET(call(`/api/v1/leads/${leadId}`), ctx({ id: leadId }))
    ).json();
    expect(lead.data.consent).toEqual({
      given: true,
      at: "2026-11-02T09:00:00.000Z",
      source: "web_form",
    });
    expect(lead.data.stage).toBe("mql");
    expect(lead.data.score.total).toBe(110);
  });

  it("lets only admins and privacy-scoped keys export or erase (rep and other scopes 403)", async () => {
    session.actor = rep;
    expect((await exportOf(leadId)).status).toBe(403);
    expect((await erase(leadId)).status).toBe(403);
    session.actor = null;
    expect((await erase(leadId)).status).toBe(401);
    expect((await erase(leadId, bearer(keys.leads))).status).toBe(403);
    const refused = await erase(leadId, bearer(keys.read));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/privacy:write/);
    expect((await exportOf(leadId, bearer(keys.write))).status).toBe(403);
    expect((await exportOf(leadId, bearer(keys.leads))).status).toBe(403);
    expect((await erase("not-a-uuid", bearer(keys.write))).status).toBe(404);
  });

  it("exports everything held on the lead as a JSON download", async () => {
    // What people and systems wrote about the lead besides the API: a decision with its free text,
    // a touch note, a notification, an audit row quoting it, an import whose file and errors name it.
    await t.db.execute(
      sql`insert into decisions (lead_id, user_id, kind, reason_code, note, bant, at)
          values (${leadId}, ${rep.id}, 'accept', null, ${`Spoke with Ada ${NAME}`},
                  ${JSON.stringify({ budget: "50k", authority: `Ada ${NAME} signs`, need: "x", timeframe: "Q1" })}::jsonb, now())`,
    );
    await t.db.execute(
      sql`insert into touches (lead_id, user_id, at, channel, outcome, note)
          values (${leadId}, ${rep.id}, now(), 'call', 'connected', ${`Called ${PHONE}`})`,
    );
    await t.db.execute(
      sql`insert into notifications (user_id, kind, lead_id, data, created_at)
          values (${admin.id}, 'sla_breach_first_touch', ${leadId}, ${JSON.stringify({ leadName: `Ada ${NAME}` })}::jsonb, now())`,
    );
    await t.db.execute(
      sql`insert into audit_log (actor_type, actor_id, action, target_type, target_id, data)
          values ('user', ${admin.id}, 'lead.note', 'lead', ${leadId}, ${JSON.stringify({ email: EMAIL })}::jsonb)`,
    );
    const [upload] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into import_uploads (file_name, bytes, chunks) values ('crm.csv', 64, 1) returning id`,
    );
    await t.db.execute(
      sql`insert into import_upload_chunks (upload_id, seq, data)
          values (${upload.id}, 0, convert_to(${`email,name\n${EMAIL},Ada ${NAME}\n`}, 'UTF8'))`,
    );
    const [run] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into imports (upload_id, kind, dry_run, mapping) values (${upload.id}, 'leads', false, '{}') returning id`,
    );
    await t.db.execute(
      sql`insert into import_row_errors (import_id, line, "column", code, message, value, cells)
          values (${run.id}, 2, 'country', 'unknown_country', 'Not a country.', 'Atlantis',
                  ${JSON.stringify([EMAIL, `Ada ${NAME}`, "Atlantis"])}::jsonb)`,
    );

    session.actor = admin;
    const answer = await exportOf(leadId);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/attachment; filename="lead-/);
    const { data } = await answer.json();
    expect(data.lead).toMatchObject({ email: EMAIL, last_name: NAME, consent_source: "web_form" });
    expect(data.lead.traits).toEqual({ linkedin: TRAIT });
    expect(data.events.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining([
        "Page Viewed",
        "Link Clicked",
        "Content Downloaded",
        "Question Asked",
      ]),
    );
    expect(data.events).toHaveLength(4);
    expect(data.decisions[0]).toMatchObject({ kind: "accept", note: `Spoke with Ada ${NAME}` });
    expect(data.touches[0].note).toBe(`Called ${PHONE}`);
    expect(data.transitions.map((x: { to_stage: string }) => x.to_stage)).toContain("mql");
    expect(data.score.total).toBe(110);
    expect(data.score.receipt.lines.length).toBeGreaterThan(0);
    expect(data.scoreHistory.length).toBeGreaterThan(0);
    expect(data.webhookMessages.map((m: { type: string }) => m.type)).toContain("lead.mql");
    expect(data.notifications).toHaveLength(1);
    expect(data.auditEntries.map((a: { action: string }) => a.action)).toContain("lead.note");

    // A key with privacy:read exports too; the export is audited with counts only.
    expect((await exportOf(leadId, bearer(keys.read))).status).toBe(200);
    const [audited] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'lead.exported' and target_id = ${leadId}`,
    );
    expect(audited.n).toBe(2);
  });

  it("erases it: no trace of the email, name, phone or trait in any table or in the log, reports unchanged", async () => {
    for (const needle of NEEDLES) expect(await placesHolding(needle)).not.toEqual([]);
    const before = await handoffs();
    expect(before).toBe(1);

    session.actor = null;
    const answer = await erase(leadId, bearer(keys.write));
    expect(answer.status).toBe(200);
    const { data } = await answer.json();
    expect(data.counts).toMatchObject({ suppressed: 1, events: 4, scores: 1, notifications: 1 });
    expect(data.counts.webhookMessages).toBeGreaterThanOrEqual(1);

    for (const needle of NEEDLES)
      expect({ needle, places: await placesHolding(needle) }).toEqual({ needle, places: [] });
    expect(
      logged.filter((line) => NEEDLES.some((n) => line.toLowerCase().includes(n.toLowerCase()))),
    ).toEqual([]);

    // The reports still count the handoff; nothing reads the tombstone as a lead.
    expect(await handoffs()).toBe(before);
    const [rest] = await queryRows<{ events: number; scores: number; history: number }>(
      t.db,
      sql`select (select count(*)::int from events where lead_id = ${leadId}) as events,
                 (select count(*)::int from lead_scores where lead_id = ${leadId}) as scores,
                 (select count(*)::int from score_history where lead_id = ${leadId}) as history`,
    );
    expect(rest).toEqual({ events: 0, scores: 0, history: 0 });
    session.actor = admin;
    expect((await leadRoute.GET(call(`/api/v1/leads/${leadId}`), ctx({ id: leadId }))).status).toBe(
      404,
    );
    expect((await exportOf(leadId)).status).toBe(404);
    expect((await erase(leadId)).status).toBe(404);
    const list = await (await leadsRoute.GET(call("/api/v1/leads"), ctx())).json();
    expect(list.data.map((l: { id: string }) => l.id)).not.toContain(leadId);

    // The erase is audited, by whom, with counts and no erased data (checked above).
    const [audit] = await queryRows<{ actor_type: string; data: Record<string, number> }>(
      t.db,
      sql`select actor_type, data from audit_log where action = 'lead.erased' and target_id = ${leadId}`,
    );
    expect(audit.actor_type).toBe("api_key");
    expect(audit.data.events).toBe(4);
  });

  it("does not recreate the lead from events, upserts or Segment: skipped and counted as suppressed", async () => {
    const events = await postEvents([
      { id: "again-1", email: EMAIL.toUpperCase(), name: "Page Viewed" },
      { id: "again-2", leadId, name: "Page Viewed" },
      { id: "other-1", email: "someone.else@example.com", name: "Page Viewed" },
    ]);
    expect(await events.json()).toMatchObject({
      accepted: 1,
      duplicates: 0,
      suppressed: 2,
      errors: [],
    });

    const single = await upsert({ email: EMAIL, firstName: "Ada" });
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({ data: null, suppressed: 1 });
    const batch = await upsert({ leads: [{ email: EMAIL }, { email: "new.person@example.com" }] });
    expect(await batch.json()).toMatchObject({ created: 1, suppressed: 1, errors: [] });

    const identify = await segmentRoute.POST(
      call(
        "/api/segment/v1/batch",
        "POST",
        {
          batch: [
            { type: "identify", messageId: "s1", traits: { email: EMAIL, name: `Ada ${NAME}` } },
            {
              type: "track",
              messageId: "s2",
              event: "Question Asked",
              properties: { email: EMAIL },
            },
          ],
        },
        basic(keys.ingest),
      ),
      ctx({ type: "batch" }),
    );
    expect(await identify.json()).toMatchObject({
      success: true,
      identified: 0,
      accepted: 0,
      suppressed: 2,
    });

    const [left] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from leads where email = ${EMAIL} or last_name = ${NAME}`,
    );
    expect(left.n).toBe(0);
    for (const needle of [EMAIL, NAME]) expect(await placesHolding(needle)).toEqual([]);
  });
});
