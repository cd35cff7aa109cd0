/**
 * CSV imports end to end on a real database (PGlite, or PostgreSQL with DATABASE_URL): files
 * written here, stored as uploads, inspected, dry-run, imported; then the reports and the
 * predictive score read the imported history at once.
 */
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { publishTestModel } from "@/lib/domain/predict/test-seed";
import { trainPredictiveModel } from "@/lib/domain/predict/train";
import { calibrationReport } from "@/lib/domain/reports/calibration";
import { EMPTY_QUERY } from "@/lib/domain/reports/context";
import { funnelReport } from "@/lib/domain/reports/funnel";
import type { ImportKind } from "@/lib/shared/imports";
import { createImportRecord, getImportView, prepareImport } from "./imports";
import { inspectFile } from "./inspect";
import { BATCH as ROWS_BATCH, PG_LEAD_BATCH, runImport, type RunContext } from "./run-import";
import { importMappingSchema, type ImportMapping } from "./schemas";
import { storeUpload } from "./upload";

let t: TestDb;
const now = new Date("2026-06-01T00:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await publishTestModel(t.db, 1, {
    rules: [
      {
        id: "r1",
        kind: "attribute",
        label: "Big company",
        field: "companySize",
        op: "gte",
        value: 200,
        points: 40,
      },
    ],
  } as never);
}, 120_000);
afterAll(async () => t?.close());

async function* once(buf: Buffer) {
  yield buf;
}

async function upload(content: Buffer | string, name = "file.csv") {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return storeUpload(t.db, once(buf), { fileName: name, createdBy: "test" });
}

async function inspect(content: Buffer | string, kind?: ImportKind) {
  const u = await upload(content);
  return inspectFile({ ...u, fileName: "file.csv" }, kind);
}

async function run(
  uploadId: string,
  kind: ImportKind,
  dryRun: boolean,
  mapping?: ImportMapping,
  ctx: Partial<RunContext> = {},
) {
  const prepared = await prepareImport(t.db, { uploadId, kind, mapping });
  const id = await createImportRecord(t.db, {
    uploadId,
    kind,
    mapping: prepared,
    dryRun,
    requestedBy: "test",
  });
  await runImport(t.db, id, { progress: async () => {}, now, ...ctx });
  return (await getImportView(t.db, id))!;
}

describe("a French Excel export (; and Windows-1252)", () => {
  const rows = [
    "E-mail;Prénom;Nom;Société;Pays;Effectif;Date de création;Chiffre d'affaires;Client payant",
    "ana@exemple.fr;Anaïs;Lefèvre;Société Générale;France;1 200;15/03/2024;1 234,50;oui",
    "bob@exemple.fr;Bob;Dupré;Crédit Agricole;Allemagne;80;28/02/2024;99,9;non",
    "bad@exemple.fr;Eve;Faux;X;Atlantide;10;31/02/2024;abc;peut-être",
  ].join("\r\n");
  const file = iconv.encode(rows, "win1252");

  it("is read as Windows-1252 with ; and a header, dates in dd/mm, columns suggested", async () => {
    const i = await inspect(file);
    expect(i).toMatchObject({
      encoding: "windows-1252",
      delimiter: ";",
      hasHeader: true,
      suggestedKind: "leads",
    });
    expect(i.headers[1]).toBe("Prénom");
    expect(i.rows[0][3]).toBe("Société Générale");
    expect(i.dateOrder).toMatchObject({ detected: "dmy", ambiguous: false });
    const targets = Object.fromEntries(i.mapping.columns.map((c) => [c.header, c.target]));
    expect(targets["E-mail"]).toEqual({ to: "field", field: "email" });
    expect(targets["Prénom"]).toEqual({ to: "field", field: "firstName" });
    expect(targets["Pays"]).toEqual({ to: "field", field: "country" });
    expect(targets["Date de création"]).toEqual({ to: "field", field: "createdAt" });
    expect(targets["Chiffre d'affaires"]).toEqual({
      to: "trait",
      key: "chiffre_d_affaires",
      label: "Chiffre d'affaires",
      type: "number",
    });
  });

  it("dry-runs with each bad cell by line, column and reason, then imports the good rows, typed and dated", async () => {
    const u = await upload(file);
    const dry = await run(u.id, "leads", true);
    expect(dry.counts).toEqual({ created: 2, updated: 0, skipped: 0, failed: 1 });
    expect(dry.errors.map((e) => [e.line, e.column, e.code]).sort()).toEqual([
      [4, "Chiffre d'affaires", "bad_number"],
      [4, "Client payant", "bad_boolean"],
      [4, "Date de création", "bad_date"],
      [4, "Pays", "unknown_country"],
    ]);
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from leads`);
    expect(n).toBe(0);

    const done = await run(u.id, "leads", false);
    expect(done.counts).toMatchObject({ created: 2, failed: 1 });
    const [ana] = await queryRows<{
      first_name: string;
      country: string;
      company_size: number;
      created_at: Date;
      traits: Record<string, unknown>;
    }>(
      t.db,
      sql`select first_name, country, company_size, created_at, traits from leads where email = 'ana@exemple.fr'`,
    );
    expect(ana).toMatchObject({ first_name: "Anaïs", country: "FR", company_size: 1200 });
    expect(new Date(ana.created_at).toISOString()).toBe("2024-03-15T00:00:00.000Z");
    expect(ana.traits).toEqual({ chiffre_d_affaires: 1234.5, client_payant: true });

    const again = await run(u.id, "leads", false);
    expect(again.counts).toMatchObject({ created: 0, updated: 2, failed: 1 });
    const [{ n: after }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from leads`,
    );
    expect(after).toBe(2);
  });
});

describe("files that cannot be imported", () => {
  it("asks dd/mm or mm/dd when every date fits both", async () => {
    const csv = "email,created at\na@x.io,03/04/2024\nb@x.io,05/06/2024\n";
    const i = await inspect(csv);
    expect(i.dateOrder).toMatchObject({ detected: null, ambiguous: true });
    await expect(
      prepareImport(t.db, { uploadId: i.uploadId, kind: "leads" }),
    ).rejects.toMatchObject({
      code: "unprocessable",
      fields: { "mapping.dateOrder": [expect.any(String)] },
    });
  });

  it("says so for a header-only file, a binary file, an empty file and a missing key column", async () => {
    expect((await inspect("email,name\n")).problems.map((p) => p.code)).toEqual(["header_only"]);
    expect(
      (await inspect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).problems[0].code,
    ).toBe("not_csv");
    expect((await inspect("")).problems[0].code).toBe("empty");
    const i = await inspect("name,company\nAna,Acme\n");
    await expect(
      prepareImport(t.db, { uploadId: i.uploadId, kind: "leads" }),
    ).rejects.toMatchObject({
      fields: { "mapping.columns": [expect.stringContaining("email or external id")] },
    });
  });

  it("reads a first line of 100 KB as data, not a header: its suggested mapping is one a client can send back", async () => {
    const i = await inspect(`${"x".repeat(100_000)}\n`);
    expect(i.hasHeader).toBe(false);
    expect(i.headers).toEqual(["#1"]);
    expect(importMappingSchema.safeParse(i.mapping).success).toBe(true);
  });

  it("refuses a 10 MB line as one bad row and imports the others", async () => {
    const csv = `email,company\nok1@x.io,A\nlong@x.io,${"x".repeat(10 * 1024 * 1024)}\nok2@x.io,B\n`;
    const u = await upload(csv);
    const view = await run(u.id, "leads", false);
    expect(view.counts).toMatchObject({ created: 2, failed: 1 });
    expect(view.errors[0]).toMatchObject({ line: 3, code: "line_too_long" });
  });

  it("updates, when a lead comes again, the values its row changes, and gives it a free external id", async () => {
    await run(
      (
        await upload(
          "email,external id,company,job title\nagain@x.io,,Old Co,CEO\nheld@x.io,EXT-9,H,\n",
        )
      ).id,
      "leads",
      false,
    );
    const view = await run(
      (await upload("email,external id,company\nagain@x.io,EXT-10,New Co\nbare@x.io,,Bare\n")).id,
      "leads",
      false,
    );
    expect(view.counts).toMatchObject({ created: 1, updated: 1, failed: 0 });
    // A lead with no external id keeps none when the one its row names is another lead's.
    await run(
      (await upload("email,external id,company\nbare@x.io,EXT-9,Bare 2\n")).id,
      "leads",
      false,
    );
    const leads = await queryRows<{
      email: string;
      ext: string | null;
      company: string;
      title: string | null;
    }>(
      t.db,
      sql`select email, external_id as ext, company, job_title as title from leads
          where email in ('again@x.io', 'held@x.io', 'bare@x.io') order by email`,
    );
    expect(leads).toEqual([
      { email: "again@x.io", ext: "EXT-10", company: "New Co", title: "CEO" },
      { email: "bare@x.io", ext: null, company: "Bare 2", title: null },
      { email: "held@x.io", ext: "EXT-9", company: "H", title: null },
    ]);
  });

  it("refuses, by its line, a row whose external id is another lead's, and imports the others", async () => {
    await run((await upload("email,external id,company\nowner@x.io,EXT-1,A\n")).id, "leads", false);
    const file = "email,external id,company\nother@x.io,EXT-1,B\nfree@x.io,EXT-2,C\n";
    const dry = await run((await upload(file)).id, "leads", true);
    expect(dry.counts).toMatchObject({ created: 1, failed: 1 });
    expect(dry.errors).toEqual([
      expect.objectContaining({ line: 2, code: "external_id_taken", value: "EXT-1" }),
    ]);
    for (let pass = 0; pass < 2; pass++) {
      const view = await run((await upload(file)).id, "leads", false);
      expect(view.counts).toMatchObject({ created: 1 - pass, updated: pass, failed: 1 });
      expect(view.errors).toEqual([
        expect.objectContaining({ line: 2, code: "external_id_taken", value: "EXT-1" }),
      ]);
    }
    const leads = await queryRows<{ email: string; ext: string; company: string }>(
      t.db,
      sql`select email, external_id as ext, company from leads
          where external_id in ('EXT-1', 'EXT-2') order by email`,
    );
    expect(leads).toEqual([
      { email: "free@x.io", ext: "EXT-2", company: "C" },
      { email: "owner@x.io", ext: "EXT-1", company: "A" },
    ]);
  });
});

describe("a file longer than one batch", () => {
  it("counts a lead repeated in a later batch once, and knows its row count while it runs", async () => {
    // Lead batches are larger on PostgreSQL.
    const BATCH = t.url ? PG_LEAD_BATCH : ROWS_BATCH;
    const rows = Array.from({ length: BATCH + 1 }, (_, i) => `big${i}@x.io,Co ${i}`);
    rows.push("big0@x.io,Co 0 again");
    const u = await upload(`email,company\n${rows.join("\n")}\n`);
    const totals: (number | null)[] = [];
    const view = await run(u.id, "leads", false, undefined, {
      progress: async (_done, total) => void totals.push(total),
    });
    expect(view.counts).toEqual({ created: BATCH + 1, updated: 0, skipped: 1, failed: 0 });
    expect(view.progress).toEqual({ done: BATCH + 2, total: BATCH + 2 });
    // Estimated from the stored head before the end: within 10% of the real count.
    expect(Math.abs(totals[0]! - (BATCH + 2))).toBeLessThan((BATCH + 2) / 10);
    // Every lead written is scored under the live model.
    const [unscored] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from leads l where l.email like 'big%@x.io'
            and not exists (select 1 from lead_scores s where s.lead_id = l.id)`,
    );
    expect(unscored.n).toBe(0);
  }, 120_000);

  it("keeps the file's order for a lead named in many batches, written side by side", async () => {
    // 400 rows in batches of 40 (on PostgreSQL, two streams of batches are written at once). Nine
    // leads are named at the end of one batch and again at the start of the next.
    const named: Record<number, string> = {};
    for (let k = 0; k < 9; k++) {
      named[40 * k + 39] = `twice${k}@x.io,Before,10`;
      named[40 * k + 40] = `twice${k}@x.io,After,500`;
    }
    const rows = Array.from({ length: 400 }, (_, i) => named[i] ?? `order${i}@x.io,Co ${i},${i}`);
    const u = await upload(`email,company,company size\n${rows.join("\n")}\n`);
    const done: number[] = [];
    const view = await run(u.id, "leads", false, undefined, {
      progress: async (d) => void done.push(d),
      batchSize: 40,
    });
    expect(view.counts).toEqual({ created: 391, updated: 0, skipped: 9, failed: 0 });
    // The progress bar never goes back, though batches may finish out of order.
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(400);
    // Each lead has its later row's values, and the score they give (500 employees: 40 points).
    const twice = await queryRows<{ company: string; size: number; total: number }>(
      t.db,
      sql`select l.company, l.company_size as size, s.total from leads l
          join lead_scores s on s.lead_id = l.id where l.email like 'twice%@x.io'`,
    );
    expect(twice).toEqual(Array(9).fill({ company: "After", size: 500, total: 40 }));
    const [scored] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from leads l join lead_scores s on s.lead_id = l.id
          where l.email like 'order%@x.io' and s.total = case when l.company_size >= 200 then 40 else 0 end`,
    );
    expect(scored.n).toBe(382);
  });

  it("scores, when the same file runs again, the leads a cut-off run wrote without scoring", async () => {
    const file = "email,company size\ncut1@x.io,500\ncut2@x.io,10\n";
    await run((await upload(file)).id, "leads", false);
    // A run stopped between writing a batch and scoring it leaves its leads without a score.
    await t.db.execute(
      sql`delete from lead_scores where lead_id in (select id from leads where email like 'cut%@x.io')`,
    );
    const again = await run((await upload(file)).id, "leads", false);
    expect(again.counts.created).toBe(0);
    const scores = await queryRows<{ email: string; total: number }>(
      t.db,
      sql`select l.email, s.total from leads l join lead_scores s on s.lead_id = l.id
          where l.email like 'cut%@x.io' order by l.email`,
    );
    expect(scores).toEqual([
      { email: "cut1@x.io", total: 40 },
      { email: "cut2@x.io", total: 0 },
    ]);
  });
});

describe("a HubSpot-style export with outcomes", () => {
  // 300 leads handed over in 2024, 60 won, 60 lost, 20 disqualified, the rest still open.
  function hubspotCsv() {
    const head =
      "Record ID,First Name,Last Name,Email,Company Name,Number of Employees,Country/Region,Create Date,Lifecycle Stage,Became a Marketing Qualified Lead Date,Became a Customer Date,Closed Lost Date,Reason";
    const lines = [head];
    for (let i = 0; i < 300; i++) {
      const day = String((i % 27) + 1).padStart(2, "0");
      const month = String((i % 10) + 1).padStart(2, "0");
      const big = i % 3 === 0;
      const won = i % 5 === 0 || (big && i % 2 === 0);
      const lost = !won && i % 4 === 1;
      const dq = false;
      lines.push(
        [
          `hs-${i}`,
          `First${i}`,
          `Last${i}`,
          `lead${i}@corp${i}.com`,
          `Corp ${i}`,
          big ? "500" : "20",
          i % 2 ? "United States" : "FR",
          `2024-${month}-${day}`,
          won ? "customer" : lost ? "Closed Lost" : dq ? "disqualified" : "marketingqualifiedlead",
          `2024-${month}-${day} 10:00`,
          won ? `2025-${month}-${day}` : "",
          lost ? `2025-${month}-${day}` : "",
          dq ? "competitor" : "",
        ].join(","),
      );
    }
    return lines.join("\n");
  }

  it("is recognised, imported with its dated history, and feeds the funnel, calibration and training at once", async () => {
    const i = await inspect(hubspotCsv());
    expect(i.preset).toBe("hubspot");
    expect(i.suggestedKind).toBe("leads_outcomes");
    const target = (h: string) => i.mapping.columns.find((c) => c.header === h)?.target;
    expect(target("Record ID")).toEqual({ to: "field", field: "externalId" });
    expect(target("Became a Customer Date")).toEqual({ to: "field", field: "wonAt" });
    expect(target("Lifecycle Stage")).toEqual({ to: "field", field: "stage" });
    expect(target("Closed Lost Date")).toEqual({ to: "field", field: "lostAt" });

    const view = await run(i.uploadId, "leads_outcomes", false, i.mapping);
    expect(view.errors).toEqual([]);
    expect(view.counts).toMatchObject({ created: 300, failed: 0 });
    expect(view.outcomes.created).toBeGreaterThan(300);

    const again = await run(i.uploadId, "leads_outcomes", false, i.mapping);
    expect(again.counts).toMatchObject({ created: 0, updated: 300 });
    expect(again.outcomes).toEqual({ created: 0, skipped: view.outcomes.created });

    const [h] = await queryRows<{ at: Date; score: number }>(
      t.db,
      sql`select t.at, t.score_total as score from lead_transitions t join leads l on l.id = t.lead_id
          where l.external_id = 'hs-0' and t.to_stage = 'mql'`,
    );
    expect(new Date(h.at).toISOString()).toBe("2024-01-01T10:00:00.000Z");
    expect(h.score).toBe(40);

    const funnel = await funnelReport(
      t.db,
      EMPTY_QUERY,
      { grain: "month", split: "none" } as never,
      now,
    );
    expect(JSON.stringify(funnel)).toContain("2024-01");
    const calibration = await calibrationReport(t.db, EMPTY_QUERY, "won", now);
    expect(calibration.bands.reduce((n, r) => n + r.decided, 0)).toBeGreaterThan(0);
    const model = await trainPredictiveModel(t.db, { now, target: "won" });
    expect(model.status).toBe("ready");
    expect(model.decided).toBe(300);
  }, 120_000);
});
