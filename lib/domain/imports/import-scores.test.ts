/**
 * An import scores the leads it creates in the statement that writes them (merge-leads.ts), from
 * the rows just written; the leads it updates are scored after, from their events. Either way each
 * lead must hold exactly the score the live model gives it — checked here against the scoring
 * every other path uses (rescore), which must then find nothing to change: same totals, grades,
 * bands and per-rule earnings, and no history row to add.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { publishTestModel } from "@/lib/domain/predict/test-seed";
import { rescore } from "@/lib/domain/scoring/rescore";
import type { ScoringModel } from "@/lib/domain/scoring/model";
import { createImportRecord, getImportView, prepareImport } from "./imports";
import { runImport } from "./run-import";
import { storeUpload } from "./upload";

let t: TestDb;
let model: ScoringModel;
const now = new Date("2026-06-01T00:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  model = (await publishTestModel(t.db, 1, {
    mqlThreshold: 40,
    bands: [
      { name: "cold", min: 0 },
      { name: "warm", min: 20 },
      { name: "hot", min: 40 },
    ],
    caps: { fit: 45, engagement: 30, total: null },
    rules: [
      {
        id: "a1",
        label: "Executive",
        kind: "attribute",
        field: "jobTitle",
        op: "contains",
        value: "chief",
        points: 20,
      },
      {
        id: "a2",
        label: "Mid-size",
        kind: "attribute",
        field: "companySize",
        op: "between",
        value: [50, 500],
        points: 15,
      },
      {
        id: "e1",
        label: "Visits",
        kind: "event",
        event: "Page Viewed",
        points: 3,
        maxCount: 5,
        withinDays: 30,
      },
      {
        id: "a3",
        label: "Core country",
        kind: "attribute",
        field: "country",
        op: "in",
        value: ["FR", "DE"],
        points: 10,
      },
      {
        id: "e2",
        label: "Pricing",
        kind: "event",
        event: "Page Viewed",
        where: [{ property: "path", op: "contains", value: "pricing" }],
        points: -4,
        maxCount: 2,
        halfLifeDays: 10,
      },
      {
        id: "a4",
        label: "Rich",
        kind: "attribute",
        field: "traits.annual_revenue",
        op: "gte",
        value: 1_000_000,
        points: 12,
      },
      {
        id: "a5",
        label: "Off",
        kind: "attribute",
        field: "country",
        op: "eq",
        value: "FR",
        points: 99,
        enabled: false,
      },
      {
        id: "e3",
        label: "Demo",
        kind: "event",
        event: "Demo Requested",
        points: 25,
        halfLifeDays: 20,
      },
      {
        id: "a6",
        label: "Student",
        kind: "attribute",
        field: "jobTitle",
        op: "contains",
        value: "student",
        points: -30,
      },
      { id: "a7", label: "Phone", kind: "attribute", field: "phone", op: "known", points: 5 },
    ],
  })) as ScoringModel;
}, 120_000);
afterAll(async () => t?.close());

async function* once(buf: Buffer) {
  yield buf;
}

async function importFile(csv: string) {
  const upload = await storeUpload(t.db, once(Buffer.from(csv)), {
    fileName: "f.csv",
    createdBy: "test",
  });
  const mapping = await prepareImport(t.db, { uploadId: upload.id, kind: "leads" });
  const id = await createImportRecord(t.db, {
    uploadId: upload.id,
    kind: "leads",
    mapping,
    dryRun: false,
    requestedBy: "test",
  });
  await runImport(t.db, id, { progress: async () => {}, now, batchSize: 25 });
  return (await getImportView(t.db, id))!;
}

const TITLES = ["Chief Executive", "Student", "Engineer", "Chief Student Officer", ""];
const COUNTRIES = ["France", "Germany", "US", ""];

function leadsCsv(from: number, to: number, size: (i: number) => number) {
  const rows = ["Email,Job Title,Company Size,Country,Phone,Annual Revenue"];
  for (let i = from; i < to; i++)
    rows.push(
      `lead${i}@x.io,${TITLES[i % 5]},${size(i)},${COUNTRIES[i % 4]},${i % 3 ? "" : "+33 1 23 45 67 89"},${(i * 137_911) % 3_000_000}`,
    );
  return rows.join("\n") + "\n";
}

type Stored = Record<string, unknown>;
/**
 * To the ninth decimal: a sum of decayed events may differ in its last bit with the order the
 * plan reads the events in (both paths below read them for the leads the import updates).
 */
const near = (v: unknown) => Math.round((v as number) * 1e9) / 1e9;
const scores = async () =>
  (
    await queryRows<Stored>(
      t.db,
      sql`select lead_id, model_version, total, fit, engagement, fit_grade, engagement_grade, band, as_of, recorded_total, earned
          from lead_scores order by lead_id`,
    )
  ).map((s): Stored => ({
    ...s,
    total: near(s.total),
    engagement: near(s.engagement),
    recorded_total: near(s.recorded_total),
    earned: (s.earned as number[]).map(near),
  }));
const history = () =>
  queryRows<Stored>(
    t.db,
    sql`select lead_id, at, model_version, total, fit, engagement, cause from score_history order by lead_id, at, id`,
  );

it("holds, for every lead an import creates or updates, the score the live model gives it", async () => {
  // 120 new leads, in batches of 25.
  const first = await importFile(leadsCsv(0, 120, (i) => (i * 37) % 900));
  expect(first.counts).toMatchObject({ created: 120, failed: 0 });
  // Eight of them have events by now (inserted here, not scored); a second file updates 40 leads,
  // those eight among them, and creates 20 more.
  await t.db.execute(sql`
    insert into events (lead_id, name, properties, occurred_at, source)
    select l.id, e.name, e.props::jsonb, ${now.toISOString()}::timestamptz - (g || ' days')::interval, 'test'
    from leads l
    cross join generate_series(1, 4) g
    cross join (values ('Page Viewed', '{"path":"/pricing"}'), ('Demo Requested', '{}')) e(name, props)
    where l.email ~ '^lead(8|9|10|11)[05]@'`);
  const second = await importFile(leadsCsv(80, 140, (i) => (i * 53) % 900));
  expect(second.counts).toMatchObject({ created: 20, failed: 0 });

  const stored = await scores();
  const storedHistory = await history();
  expect(stored).toHaveLength(140);
  // Every lead's first score is in its history, at the import's time.
  expect(new Set(storedHistory.map((h) => h.lead_id)).size).toBe(140);
  expect(storedHistory.every((h) => new Date(h.at as string).getTime() === now.getTime())).toBe(
    true,
  );
  // The scores span the model: capped fit, negative points, grades and bands.
  expect(new Set(stored.map((s) => s.band))).toEqual(new Set(["cold", "warm", "hot"]));
  expect(stored.some((s) => (s.fit as number) === 45)).toBe(true);
  expect(stored.some((s) => (s.total as number) < 0)).toBe(true);
  expect(stored.some((s) => (s.engagement as number) > 0)).toBe(true);

  await t.db.transaction((tx) =>
    rescore(tx, {
      model,
      version: 1,
      asOf: now,
      cause: "refresh",
      leadIds: stored.map((s) => s.lead_id as string),
    }),
  );
  expect(await scores()).toEqual(stored);
  expect(await history()).toEqual(storedHistory);
}, 120_000);
