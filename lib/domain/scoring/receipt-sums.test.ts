import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { seedDemoData } from "@/lib/demo/seed";
import { createTestDb, type TestDb } from "@/db/testing";
import { getLeadScore } from "./lead-score";
import { publishDraft } from "./publish";
import { apportion, receiptSums, toTenths } from "./receipt-sums";
import { template } from "./templates";
import { saveDraft } from "./versions";

let t: TestDb;
const now = new Date("2026-11-23T12:00:00Z");
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/**
 * A third of the demo's leads, drawn as the whole demo is: under seed 002, 98 of them have a cap
 * applied and 695 a decayed event. Each lead's receipt is read twice, once per model.
 */
const LEADS = 1000;

/**
 * Every lead's receipt against its stored score: the earned points of its lines, with the caps
 * taken off, give the stored fit, engagement and total; and the shown figures (tenths) add up.
 */
async function checkEveryLead() {
  const ids = (await t.db.select({ id: leads.id }).from(leads)).map((r) => r.id);
  let lines = 0;
  let capped = 0;
  let decayed = 0;
  for (const id of ids) {
    const score = (await getLeadScore(t.db, id, { receipt: true }))!;
    const receipt = score.receipt!;
    const fitLines = receipt.lines.filter((l) => l.kind === "attribute");
    const engagementLines = receipt.lines.filter((l) => l.kind === "event");
    const sums = receiptSums(receipt);
    const { caps } = receipt;
    const cut = (c: (typeof caps)["fit"]) => (c.applied ? c.cap! - c.raw : 0);
    const [fitCap, engagementCap, totalCap] = [
      cut(caps.fit),
      cut(caps.engagement),
      cut(caps.total),
    ];
    const where = `lead ${id}`;

    // The arithmetic: the lines' points, minus what each cap took off, give back what is stored.
    expect(sum(fitLines.map((l) => l.earned)) + fitCap, where).toBeCloseTo(score.fit, 6);
    expect(sum(engagementLines.map((l) => l.earned)) + engagementCap, where).toBeCloseTo(
      score.engagement,
      6,
    );
    expect(score.fit + score.engagement + totalCap, where).toBeCloseTo(score.total, 6);

    // What a reader sees adds up to the tenth, and matches the stored score once rounded.
    expect(sum(sums.fit.lines.map((l) => l.shown)) + (sums.fit.cap?.adjustment ?? 0), where).toBe(
      sums.fit.subtotal,
    );
    expect(
      sum(sums.engagement.lines.map((l) => l.shown)) + (sums.engagement.cap?.adjustment ?? 0),
      where,
    ).toBe(sums.engagement.subtotal);
    expect(
      sums.fit.subtotal + sums.engagement.subtotal + (sums.totalCap?.adjustment ?? 0),
      where,
    ).toBe(sums.total);
    expect(Math.abs(sums.fit.subtotal - score.fit * 10), where).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(Math.abs(sums.engagement.subtotal - score.engagement * 10), where).toBeLessThanOrEqual(
      0.5 + 1e-6,
    );
    expect(Math.abs(sums.total - score.total * 10), where).toBeLessThanOrEqual(1 + 1e-6);
    for (const line of [...sums.fit.lines, ...sums.engagement.lines]) {
      expect(Math.abs(line.shown - line.earned * 10), `${where}, rule ${line.ruleId}`).toBeLessThan(
        1,
      );
      expect(line.count, `${where}, rule ${line.ruleId}`).toBeLessThanOrEqual(line.matched);
    }

    lines += receipt.lines.length;
    if (sums.fit.cap || sums.engagement.cap || sums.totalCap) capped++;
    if (receipt.lines.some((l) => l.decayed)) decayed++;
  }
  return { leads: ids.length, lines, capped, decayed };
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoData(t.db, { now, leads: LEADS });
}, 120_000);
afterAll(() => t?.close());

describe("receipt sums", () => {
  it("add up for every demo lead under the seed-001 model", async () => {
    const seen = await checkEveryLead();
    expect(seen.leads).toBe(LEADS);
    expect(seen.lines).toBeGreaterThan(LEADS);
  }, 120_000);

  it("add up for every demo lead under seed 002, with its caps and decay", async () => {
    await saveDraft(t.db, template("seed-002-hubspot") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, by, "seed 002", () => now);
    const seen = await checkEveryLead();
    expect(seen.leads).toBe(LEADS);
    // The cases this test exists for really occur in the demo data.
    expect(seen.capped).toBeGreaterThan(0);
    expect(seen.decayed).toBeGreaterThan(100);
  }, 120_000);
});

describe("apportion", () => {
  it("shares a rounded sum out so the shown lines add up to it", () => {
    expect(apportion([2.5, 2.5], 5)).toEqual([3, 2]);
    expect(apportion([10, 20, -5], 25)).toEqual([10, 20, -5]);
    expect(apportion([33.3333, 33.3333, 33.3333], 100)).toEqual([34, 33, 33]);
    expect(
      apportion(
        [1 / 3, 1 / 3, 1 / 3].map((v) => v * 10),
        toTenths(1),
      ),
    ).toEqual([4, 3, 3]);
    expect(apportion([-12.6, 4.2], toTenths(-0.84))).toEqual([-12, 4]);
    expect(apportion([], 0)).toEqual([]);
  });
});
