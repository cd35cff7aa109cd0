/**
 * The preview compares like with like: both models scored at the same instant, in one statement
 * that agrees lead by lead with scoring each model on its own — so time passing is not a change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { compileScores } from "./compile";
import { compileComparison } from "./compile-comparison";
import { previewModel } from "./preview";
import { publishDraft } from "./publish";
import { template } from "./templates";
import { saveDraft } from "./versions";

let t: TestDb;
const by = { actorType: "user" as const, actorId: "t", label: "Test", userId: null };
const day = 86_400_000;
const start = new Date("2026-11-01T12:00:00Z");
const live = template("seed-002-hubspot");

beforeAll(async () => {
  t = await createTestDb();
  await saveDraft(t.db, live as never, { userId: null, label: "Test" });
  await publishDraft(t.db, by, "", () => start);
  const names = ["Content Downloaded", "Page Viewed", "Email Opened", "Form Submitted"];
  await ingestEvents(
    t.db,
    Array.from({ length: 60 }, (_, i) => ({
      id: `e-${i}`,
      email: `lead${i % 12}@x.test`,
      name: names[i % names.length],
      properties: { content_type: i % 3 ? "high_velocity" : "guide", url: "/pricing" },
      occurredAt: new Date(start.getTime() - (i % 20) * day).toISOString(),
    })),
    { source: "api", now: start },
  );
});
afterAll(() => t?.close());

type Row = { lead_id: string; total: number };
const totals = async (query: Parameters<typeof queryRows>[1]) =>
  new Map((await queryRows<Row>(t.db, query)).map((r) => [r.lead_id, Number(r.total)]));

describe("comparing two models at one instant", () => {
  it("agrees lead by lead with each model scored on its own", async () => {
    const draft = structuredClone(live);
    // One event rule weighed differently, one switched off, one shared as is.
    draft.rules.find((r) => r.id === "high-velocity")!.points += 7;
    draft.rules.find((r) => r.id === "pricing")!.enabled = false;
    const asOf = new Date(start.getTime() + 45 * day);
    const pairs = await queryRows<{ lead_id: string; before_total: number; total: number }>(
      t.db,
      compileComparison(live, draft, { asOf }),
    );
    const before = await totals(compileScores(live, { asOf }));
    const after = await totals(compileScores(draft, { asOf }));
    expect(pairs.length).toBe(before.size);
    for (const p of pairs) {
      expect(Number(p.before_total)).toBeCloseTo(before.get(p.lead_id)!, 9);
      expect(Number(p.total)).toBeCloseTo(after.get(p.lead_id)!, 9);
    }
    expect(pairs.some((p) => Number(p.before_total) !== Number(p.total))).toBe(true);
  });

  it("previews no change for a draft equal to the live model, however long since scoring", async () => {
    // The stored scores date from `start`; 45 days of decay later nothing is a change.
    const later = new Date(start.getTime() + 45 * day);
    const same = await previewModel(t.db, { draft: live, baseline: live, asOf: later });
    expect(same).toMatchObject({ changed: 0, newlyMql: 0, droppedBelow: 0, movers: [] });
    expect(same.leads).toBe(12);
  });
});
