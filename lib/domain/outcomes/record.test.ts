import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createLead } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { listTransitions } from "@/lib/domain/lifecycle/lead-lifecycle";
import { recordOutcomes, type OutcomeActor } from "./record";

let t: TestDb;
const key: OutcomeActor = { actorType: "api_key", actorId: "key-1" };
const now = new Date("2026-03-10T12:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const stageOf = async (id: string) =>
  (
    await queryRows<{ stage: string }>(
      t.db,
      sql`select lifecycle_stage as stage from leads where id = ${id}`,
    )
  )[0].stage;

describe("recordOutcomes", () => {
  it("writes a transition with the actor, reason, score and model version, and moves the stage", async () => {
    const s = await salesTeams(t.db);
    const lead = await assignedMql(t.db, s.frRep, new Date("2026-03-01T09:00:00Z"), {
      total: 81,
      modelVersion: 3,
    });
    const result = await recordOutcomes(
      t.db,
      [
        {
          lead: { id: lead.id },
          stage: "opportunity",
          at: "2026-03-05T10:00:00Z",
          note: "Demo booked",
        },
      ],
      key,
      now,
    );
    expect(result).toEqual({ recorded: 1, skipped: 0, errors: [] });
    expect(await stageOf(lead.id)).toBe("opportunity");
    expect((await listTransitions(t.db, lead.id)).at(-1)).toMatchObject({
      at: "2026-03-05T10:00:00.000Z",
      from: "mql",
      to: "opportunity",
      actor: { type: "api_key", id: "key-1" },
      reason: "crm_opportunity",
      note: "Demo booked",
      score: { total: 81, fit: 40.5, engagement: 40.5 },
      modelVersion: 3,
    });
    const clocks = await queryRows<{ open: number }>(
      t.db,
      sql`select count(*)::int as open from sla_clocks where lead_id = ${lead.id} and closed_at is null`,
    );
    expect(clocks[0].open).toBe(0);
  });

  it("names leads by email or external id; an unknown lead or invalid item is an error by index, the rest is stored", async () => {
    const byEmail = await createLead(t.db, { stage: "sql", email: "won@example.test" });
    const byExt = await createLead(t.db, { stage: "mql", email: null, externalId: "crm:42" });
    const result = await recordOutcomes(
      t.db,
      [
        { lead: { email: "WON@example.test" }, stage: "customer" },
        { lead: { externalId: "crm:nope" }, stage: "customer" },
        { lead: { externalId: "crm:42" }, stage: "opportunity" },
        { lead: { id: "8a6e0804-2bd0-4672-b79b-d97e4b68fb5c" }, stage: "opportunity" },
        { lead: { email: "won@example.test", externalId: "crm:42" }, stage: "customer" },
        { lead: { externalId: "crm:42" }, stage: "promoted" },
        { lead: { externalId: "crm:42" }, stage: "customer", at: "2026-03-11T12:00:00Z" },
      ],
      key,
      now,
    );
    expect(result.recorded).toBe(2);
    expect(result.errors.map((e) => [e.index, e.message])).toEqual([
      [1, "No lead with external id crm:nope."],
      [3, "No lead with id 8a6e0804-2bd0-4672-b79b-d97e4b68fb5c."],
      [4, "Name the lead with exactly one of id, email or externalId."],
      [
        5,
        "stage must be one of handed_over, accepted, qualified, rejected, disqualified, opportunity, won, lost, customer.",
      ],
      [6, "at is in the future."],
    ]);
    expect(await stageOf(byEmail.id)).toBe("customer");
    expect(await stageOf(byExt.id)).toBe("opportunity");
    expect((await listTransitions(t.db, byEmail.id)).at(-1)).toMatchObject({
      from: "sql",
      to: "customer",
      reason: "crm_won",
      at: now.toISOString(),
      score: null,
      modelVersion: null,
    });
  });

  it("only moves forward: a customer stays a customer, and an older outcome is still recorded", async () => {
    const lead = await createLead(t.db, { stage: "customer" });
    const result = await recordOutcomes(
      t.db,
      [{ lead: { id: lead.id }, stage: "opportunity", at: "2025-12-01T00:00:00Z" }],
      key,
      now,
    );
    expect(result.recorded).toBe(1);
    expect(await stageOf(lead.id)).toBe("customer");
    expect((await listTransitions(t.db, lead.id)).at(-1)).toMatchObject({
      from: "customer",
      to: "opportunity",
      at: "2025-12-01T00:00:00.000Z",
    });
    const recycled = await createLead(t.db, { stage: "recycled" });
    await recordOutcomes(t.db, [{ lead: { id: recycled.id }, stage: "customer" }], key, now);
    expect(await stageOf(recycled.id)).toBe("customer");
  });

  it("is idempotent: the same lead, stage and date is recorded once (without a date, the same lead and stage)", async () => {
    const lead = await createLead(t.db, { stage: "mql" });
    const item = { lead: { id: lead.id }, stage: "customer" };
    expect(await recordOutcomes(t.db, [item, item], key, now)).toEqual({
      recorded: 1,
      skipped: 1,
      errors: [],
    });
    const dated = { ...item, stage: "won", at: "2026-01-01T00:00:00Z" };
    expect(await recordOutcomes(t.db, [dated], { actorType: "user", actorId: "u1" }, now)).toEqual({
      recorded: 1,
      skipped: 0,
      errors: [],
    });
    expect(await recordOutcomes(t.db, [dated, item], key, now)).toEqual({
      recorded: 0,
      skipped: 2,
      errors: [],
    });
    expect(
      (await listTransitions(t.db, lead.id)).filter((tr) => tr.to === "customer"),
    ).toHaveLength(2);
    expect(
      await recordOutcomes(t.db, [{ lead: { id: lead.id }, stage: "opportunity" }], key, now),
    ).toEqual({ recorded: 1, skipped: 0, errors: [] });
  });

  it("records every stage of a history at its date; rejected and disqualified need a known reason code; exits dated last move the stage", async () => {
    const lead = await createLead(t.db, { stage: "lead", externalId: "hist:1" });
    const ref = { externalId: "hist:1" };
    const result = await recordOutcomes(
      t.db,
      [
        { lead: ref, stage: "handed_over", at: "2024-02-01T09:00:00Z" },
        { lead: ref, stage: "accepted", at: "2024-02-02T09:00:00Z" },
        { lead: ref, stage: "qualified", at: "2024-02-10T09:00:00Z" },
        { lead: ref, stage: "opportunity", at: "2024-03-01T09:00:00Z" },
        { lead: ref, stage: "lost", at: "2024-04-01T09:00:00Z", reasonCode: "price" },
        { lead: ref, stage: "rejected", at: "2024-01-01T09:00:00Z" },
        { lead: ref, stage: "disqualified", at: "2024-01-01T09:00:00Z", reasonCode: "nope_x" },
      ],
      key,
      now,
    );
    expect(result.recorded).toBe(5);
    expect(result.errors).toEqual([
      {
        index: 5,
        message: "A rejected or disqualified outcome needs a reasonCode.",
        fields: { reasonCode: ["A rejected or disqualified outcome needs a reasonCode."] },
      },
      {
        index: 6,
        message: "“nope_x” is not on the disqualify reason list.",
        fields: { reasonCode: ["“nope_x” is not on the disqualify reason list."] },
      },
    ]);
    expect(
      (await listTransitions(t.db, lead.id)).map((tr) => [tr.to, tr.reason, tr.at.slice(0, 10)]),
    ).toEqual([
      ["mql", "crm_handoff", "2024-02-01"],
      ["sal", "accepted", "2024-02-02"],
      ["sql", "qualified", "2024-02-10"],
      ["opportunity", "crm_opportunity", "2024-03-01"],
      ["lost", "crm_lost", "2024-04-01"],
    ]);
    expect(await stageOf(lead.id)).toBe("lost");

    const other = await createLead(t.db, { stage: "mql", externalId: "hist:2" });
    const [reject] = await queryRows<{ code: string }>(
      t.db,
      sql`select code from reasons where kind = 'reject' order by position limit 1`,
    );
    expect(
      await recordOutcomes(
        t.db,
        [{ lead: { externalId: "hist:2" }, stage: "rejected", reasonCode: reject.code }],
        key,
        now,
      ),
    ).toEqual({ recorded: 1, skipped: 0, errors: [] });
    expect(await stageOf(other.id)).toBe("recycled");
    expect((await listTransitions(t.db, other.id)).at(-1)).toMatchObject({
      to: "recycled",
      reason: "rejected",
    });
  });
});
