import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createLead, createTeam, createUser } from "@/db/factories";
import { decisions, leadScores, leadTransitions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { leadFilterSchema } from "@/lib/domain/leads/list-leads";
import { queryRows } from "@/db/client";
import { csvField } from "@/lib/domain/reports/csv";
import { jsonCellSql, plainCellSql, textCellSql } from "./csv-sql";
import { quotedField } from "./csv-stream";
import { exportHistoryCsv, exportPeriodSchema } from "./export-history";
import { exportLeadsCsv } from "./export-leads";
import { csvRecords, parseCsv } from "./parse-csv";

let t: TestDb;
const a: Record<"rep" | "other" | "manager" | "marketer", Actor> = {} as never;
const ids: Record<string, string> = {};

async function text(
  chunks: AsyncIterable<string | Uint8Array> | Promise<AsyncIterable<string | Uint8Array>>,
) {
  const decoder = new TextDecoder();
  let out = "";
  for await (const c of await chunks)
    out += typeof c === "string" ? c : decoder.decode(c, { stream: true });
  return out + decoder.decode();
}
const leadsCsv = async (actor: Actor, filter: Record<string, string> = {}, pageSize?: number) =>
  text(
    exportLeadsCsv({
      db: t.db,
      actor,
      filter: leadFilterSchema.parse(filter),
      pageSize,
    }),
  );
const historyCsv = (
  actor: Actor,
  kind: "events" | "decisions" | "transitions",
  period: Record<string, string> = {},
) =>
  text(
    exportHistoryCsv({
      db: t.db,
      actor,
      kind,
      period: exportPeriodSchema.parse(period),
      pageSize: 2,
    }),
  );

beforeAll(async () => {
  t = await createTestDb();
  const team = await createTeam(t.db, "EMEA");
  a.rep = actorOf(await createUser(t.db, { role: "rep", teamId: team.id, name: "Rita Rep" }));
  a.other = actorOf(await createUser(t.db, { role: "rep", name: "Otto Elsewhere" }));
  a.manager = actorOf(await createUser(t.db, { role: "manager", teamId: team.id }));
  a.marketer = actorOf(await createUser(t.db, { role: "marketer" }));

  const ada = await createLead(t.db, {
    email: "ada@engines.test",
    firstName: "Ada",
    lastName: "Lovelace",
    company: '=HYPERLINK("http://evil")',
    stage: "mql",
    ownerId: a.rep.id,
    traits: { plan: "pro", seats: 12, beta: true, tags: ["a", "b"] },
  });
  const otto = await createLead(t.db, {
    email: "otto@else.test",
    company: "Else, Inc",
    stage: "sql",
    ownerId: a.other.id,
    traits: { plan: "-free", region: "north" },
  });
  const loose = await createLead(t.db, { email: "loose@nobody.test", stage: "lead" });
  Object.assign(ids, { ada: ada.id, otto: otto.id, loose: loose.id });
  for (let i = 0; i < 12; i++)
    await createLead(t.db, { email: `bulk${i}@bulk.test`, company: "Bulk", stage: "lead" });

  await t.db.insert(leadScores).values({
    leadId: ada.id,
    modelVersion: 1,
    total: 72.5,
    fit: 40,
    engagement: 32.5,
    fitGrade: "B",
    engagementGrade: 2,
    band: "warm",
    asOf: new Date("2026-03-01T00:00:00Z"),
    recordedTotal: 72.5,
  });
  await t.db.execute(sql`
    insert into predictive_models (trained_at, target, status, decided, positives)
    values (now(), 'opportunity', 'ready', 100, 30)`);
  await t.db.execute(sql`
    insert into lead_predictions (lead_id, model_id, probability, computed_at)
    select ${ada.id}::uuid, id, 0.42, now() from predictive_models limit 1`);
  await t.db.insert(decisions).values([
    { leadId: ada.id, userId: a.rep.id, kind: "accept", at: new Date("2026-02-01T09:00:00Z") },
    {
      leadId: ada.id,
      userId: a.rep.id,
      kind: "reject",
      reasonCode: "no_budget",
      note: "@ next quarter",
      at: new Date("2026-02-20T09:00:00Z"),
    },
    {
      leadId: otto.id,
      userId: a.other.id,
      kind: "accept",
      at: new Date("2026-02-10T09:00:00Z"),
    },
  ]);
  await createEvent(t.db, {
    leadId: ada.id,
    name: "Demo Requested",
    properties: { page: "/pricing" },
    occurredAt: new Date("2026-01-10T10:00:00Z"),
  });
  await createEvent(t.db, {
    leadId: ada.id,
    name: "Page Viewed",
    occurredAt: new Date("2026-02-15T10:00:00Z"),
  });
  await createEvent(t.db, {
    leadId: otto.id,
    name: "Page Viewed",
    occurredAt: new Date("2026-02-16T10:00:00Z"),
  });
  await createEvent(t.db, {
    leadId: loose.id,
    name: "Webinar Attended",
    occurredAt: new Date("2026-01-31T23:59:59Z"),
  });
  await t.db.insert(leadTransitions).values([
    {
      leadId: ada.id,
      at: new Date("2026-01-11T00:00:00Z"),
      fromStage: "lead",
      toStage: "mql",
      actorType: "system",
      reason: "threshold_reached",
      scoreTotal: 60,
    },
    {
      leadId: otto.id,
      at: new Date("2026-02-01T00:00:00Z"),
      fromStage: "mql",
      toStage: "sql",
      actorType: "user",
      actorId: a.other.id,
      reason: "accept",
    },
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe("leads export", () => {
  it("writes the profile, one column per trait key, the score, the owner, the prediction and the last decision", async () => {
    const csv = await leadsCsv(a.marketer);
    const [header] = parseCsv(csv);
    expect(header.slice(0, 3)).toEqual(["id", "email", "external_id"]);
    expect(header).toEqual(
      expect.arrayContaining([
        "trait.beta",
        "trait.plan",
        "trait.region",
        "trait.seats",
        "trait.tags",
        "score",
        "grade",
        "band",
        "stage",
        "owner_email",
        "predicted_probability",
        "last_decision",
        "last_decision_reason",
      ]),
    );
    const rows = csvRecords(csv);
    expect(rows).toHaveLength(15);
    const ada = rows.find((r) => r.email === "ada@engines.test")!;
    expect(ada).toMatchObject({
      id: ids.ada,
      first_name: "Ada",
      "trait.plan": "pro",
      "trait.seats": "12",
      "trait.beta": "true",
      "trait.tags": '["a", "b"]',
      "trait.region": "",
      score: "72.5",
      fit: "40",
      engagement: "32.5",
      grade: "B2",
      band: "warm",
      stage: "mql",
      owner_name: "Rita Rep",
      owner_email: a.rep.email,
      predicted_probability: "0.42",
      last_decision: "reject",
      last_decision_reason: "no_budget",
      last_decision_at: "2026-02-20T09:00:00Z",
    });
    const loose = rows.find((r) => r.email === "loose@nobody.test")!;
    expect(loose).toMatchObject({ score: "", owner_email: "", last_decision: "" });
  });

  it("defuses cells a spreadsheet would run as formulas and quotes commas", async () => {
    const csv = await leadsCsv(a.marketer);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",`);
    expect(csv).toContain(`,"Else, Inc",`);
    const rows = csvRecords(csv);
    expect(rows.find((r) => r.email === "otto@else.test")!["trait.plan"]).toBe("'-free");
  });

  it("applies the list's filters", async () => {
    const mql = csvRecords(await leadsCsv(a.marketer, { stage: "mql" }));
    expect(mql.map((r) => r.email)).toEqual(["ada@engines.test"]);
    const search = csvRecords(await leadsCsv(a.marketer, { q: "bulk" }));
    expect(search).toHaveLength(12);
    const unassigned = csvRecords(await leadsCsv(a.marketer, { owner: "unassigned" }));
    expect(unassigned.map((r) => r.email)).not.toContain("ada@engines.test");
    expect(unassigned).toHaveLength(13);
    // Only the trait keys of the exported leads become columns.
    const [header] = parseCsv(await leadsCsv(a.marketer, { stage: "sql" }));
    expect(header.filter((h) => h.startsWith("trait."))).toEqual(["trait.plan", "trait.region"]);
  });

  it("exports only the leads in the person's scope", async () => {
    expect(csvRecords(await leadsCsv(a.rep)).map((r) => r.email)).toEqual(["ada@engines.test"]);
    const manager = csvRecords(await leadsCsv(a.manager)).map((r) => r.email);
    expect(manager).toContain("ada@engines.test");
    expect(manager).toContain("loose@nobody.test");
    expect(manager).not.toContain("otto@else.test");
    // A rep cannot widen their scope with the owner filter.
    expect(csvRecords(await leadsCsv(a.rep, { owner: a.other.id }))).toEqual([]);
  });

  it("pages through every lead exactly once, whatever the page size", async () => {
    for (const size of [1, 4, 5, 15, 100]) {
      const rows = csvRecords(await leadsCsv(a.marketer, {}, size));
      expect(rows, `page size ${size}`).toHaveLength(15);
      expect(new Set(rows.map((r) => r.id)).size).toBe(15);
    }
  });

  it("lets go of everything when the reader stops early", async () => {
    // More stopped downloads than the test pool has connections: none may stay held.
    for (let i = 0; i < 8; i++) {
      const chunks = await exportLeadsCsv({
        db: t.db,
        actor: a.marketer,
        filter: leadFilterSchema.parse({}),
        pageSize: 2,
      });
      await chunks.next();
      await chunks.next();
      await chunks.return(undefined);
    }
    expect(csvRecords(await leadsCsv(a.marketer))).toHaveLength(15);
    if (t.kind === "postgres") {
      const copying = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and query ilike 'copy (%' and state = 'active'`,
      );
      expect(copying[0].n).toBe(0);
    }
  });

  it("writes only the header when nothing matches", async () => {
    const csv = await leadsCsv(a.marketer, { q: "nobody-by-that-name" });
    expect(parseCsv(csv)).toHaveLength(1);
  });
});

describe("cells written by the database", () => {
  const texts = [
    "",
    "plain",
    "=1+2",
    '=HYPERLINK("x")',
    "+33 6 12",
    "-5",
    "-",
    "@channel",
    "\tTab",
    "\rReturn",
    'say "hi"',
    "a,b",
    "=a,b",
    "two\nlines",
    "'quoted already",
    "Société Générale",
    "ok =later",
    "emoji 😀, too",
  ];

  it("are the report CSVs' cells: same defusing, same quoting", async () => {
    const [row] = await queryRows<Record<string, string | null>>(
      t.db,
      sql`select ${sql.join(
        texts.map((v, i) => sql`${textCellSql(sql`${v}::text`)} as ${sql.identifier(`c${i}`)}`),
        sql`, `,
      )}, ${textCellSql(sql`null::text`)} as nul`,
    );
    texts.forEach((v, i) => expect(quotedField(row[`c${i}`]), JSON.stringify(v)).toBe(csvField(v)));
    expect(quotedField(row.nul)).toBe(csvField(null));
  });

  it("write numbers (negative ones too), yes/no and JSON values as they are", async () => {
    const numbers = [0, 12, -3, 72.5, 0.42, 0.1 + 0.2, 1234567.891];
    const [row] = await queryRows<Record<string, string | null>>(
      t.db,
      sql`select ${sql.join(
        numbers.map(
          (n, i) => sql`${plainCellSql(sql`${n}::float8`)} as ${sql.identifier(`n${i}`)}`,
        ),
        sql`, `,
      )}, ${plainCellSql(sql`true`)} as yes, ${plainCellSql(sql`null::float8`)} as nothing,
        ${jsonCellSql(sql`'"-x"'::jsonb`)} as jtext, ${jsonCellSql(sql`'-12.5'::jsonb`)} as jnum,
        ${jsonCellSql(sql`'false'::jsonb`)} as jbool, ${jsonCellSql(sql`'null'::jsonb`)} as jnull,
        ${jsonCellSql(sql`'{"a":1}'::jsonb`)} as jobj, ${jsonCellSql(sql`null::jsonb`)} as jmissing`,
    );
    numbers.forEach((n, i) => expect(quotedField(row[`n${i}`]), String(n)).toBe(csvField(n)));
    const cells = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, quotedField(v)]));
    expect(cells).toMatchObject({
      yes: "true",
      nothing: "",
      jtext: "'-x",
      jnum: "-12.5",
      jbool: "false",
      jnull: "",
      jobj: '"{""a"": 1}"',
      jmissing: "",
    });
  });
});

describe("history exports", () => {
  it("exports events of a period, days included at both ends", async () => {
    const rows = csvRecords(
      await historyCsv(a.marketer, "events", { from: "2026-01-10", to: "2026-01-31" }),
    );
    expect(rows.map((r) => [r.lead_email, r.name, r.occurred_at])).toEqual([
      ["ada@engines.test", "Demo Requested", "2026-01-10T10:00:00Z"],
      ["loose@nobody.test", "Webinar Attended", "2026-01-31T23:59:59Z"],
    ]);
    expect(JSON.parse(rows[0].properties)).toEqual({ page: "/pricing" });
    expect(csvRecords(await historyCsv(a.marketer, "events"))).toHaveLength(4);
  });

  it("exports a rep's own leads' events, decisions and transitions only", async () => {
    const events = csvRecords(await historyCsv(a.rep, "events"));
    expect(new Set(events.map((r) => r.lead_email))).toEqual(new Set(["ada@engines.test"]));
    expect(events).toHaveLength(2);
    const decided = csvRecords(await historyCsv(a.rep, "decisions"));
    expect(decided.map((r) => [r.decision, r.reason, r.note])).toEqual([
      ["accept", "", ""],
      ["reject", "no_budget", "'@ next quarter"],
    ]);
    const moves = csvRecords(await historyCsv(a.rep, "transitions"));
    expect(moves.map((r) => [r.from_stage, r.to_stage, r.reason, r.score])).toEqual([
      ["lead", "mql", "threshold_reached", "60"],
    ]);
  });

  it("exports decisions and transitions of a period for a marketer", async () => {
    const decided = csvRecords(
      await historyCsv(a.marketer, "decisions", { from: "2026-02-05", to: "2026-02-28" }),
    );
    // In the order they were recorded.
    expect(decided.map((r) => [r.lead_email, r.decision, r.user_email])).toEqual([
      ["ada@engines.test", "reject", a.rep.email],
      ["otto@else.test", "accept", a.other.email],
    ]);
    const moves = csvRecords(await historyCsv(a.marketer, "transitions", { from: "2026-02-01" }));
    expect(moves.map((r) => r.lead_email)).toEqual(["otto@else.test"]);
  });

  it("refuses a period that ends before it starts or is not a date", () => {
    expect(exportPeriodSchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).success).toBe(
      false,
    );
    expect(exportPeriodSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
});

describe("a long export", () => {
  it("ends, and the next one too (COPY larger than the driver's buffer)", async () => {
    await t.db.execute(sql`
      insert into leads (email, company, traits)
      select 'long' || i || '@bulk.test', repeat('Long Company ', 8) || i, jsonb_build_object('n', i)
      from generate_series(1, 600) i`);
    for (let run = 0; run < 2; run++) {
      const csv = await leadsCsv(a.marketer);
      expect(csv.length).toBeGreaterThan(64_000);
      expect(csvRecords(csv)).toHaveLength(615);
    }
  });
});
