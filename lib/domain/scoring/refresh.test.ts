import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { getLeadScore } from "./lead-score";
import { publishDraft } from "./publish";
import { refreshScores } from "./refresh";
import { template } from "./templates";
import { saveDraft } from "./versions";

let t: TestDb;
const by = { actorType: "user" as const, actorId: "t", label: "Test", userId: null };
const day = 86_400_000;
const start = new Date("2026-11-01T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe("decay refresh", () => {
  it("ages scores as time passes and records the move in the history", async () => {
    await saveDraft(t.db, template("seed-002-hubspot") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, by, "", () => start);
    const { leadIds } = await ingestEvents(
      t.db,
      [
        {
          id: "hv-1",
          email: "fade@x.test",
          name: "Content Downloaded",
          properties: { content_type: "high_velocity" },
          occurredAt: start.toISOString(),
        },
      ],
      { source: "api", now: start },
    );
    expect((await getLeadScore(t.db, leadIds[0]))!.total).toBe(25);

    const later = new Date(start.getTime() + 30 * day);
    const result = await refreshScores(t.db, { now: later });
    expect(result).toMatchObject({ scored: 1 });
    const score = await getLeadScore(t.db, leadIds[0], { receipt: true });
    expect(score!.total).toBeCloseTo(12.5, 9);
    expect(score!.asOf).toBe(later.toISOString());
    expect(score!.receipt!.lines[0]).toMatchObject({ ruleId: "high-velocity", decayed: true });
    expect(score!.receipt!.lines[0].earned).toBeCloseTo(12.5, 9);

    // Within the hour nothing is redone; past the window the points are gone.
    expect(await refreshScores(t.db, { now: new Date(later.getTime() + 10 * 60_000) })).toEqual({
      skipped: "scores are fresh",
    });
    await refreshScores(t.db, { now: new Date(start.getTime() + 91 * day) });
    expect((await getLeadScore(t.db, leadIds[0]))!.total).toBe(0);
  });

  it("skips models whose scores do not depend on time", async () => {
    await saveDraft(t.db, template("seed-003-telecom") as never, { userId: null, label: "Test" });
    await publishDraft(t.db, by);
    expect(await refreshScores(t.db, { force: true })).toEqual({
      skipped: "the model has no decay or window",
    });
  });
});
